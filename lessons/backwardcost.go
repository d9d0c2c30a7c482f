package lessons

import (
	"math"
	"slices"
	"strconv"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// This file holds two steps that close the backward-pass lesson: what the
// reuse saves, counted in multiplications, and the nudge check, which the
// chain-rule lessons show too.

// compareSizes is the larger network the cost step counts beside the
// session's and the paper's: 64 inputs (an 8x8 image), 16 hidden nodes, 1 output.
var compareSizes = []int{64, 16, 1}

// costStep counts the multiplications of one chain per parameter against
// one backward pass, on the session's network, the paper's and a 64-16-1.
func (s *Session) costStep(width int) Step {
	n := s.Net
	rows := [][]string{{"network", "one chain per " + paramWords(n), "one backward pass"}}
	row := func(name string, sizes []int, biases bool) {
		rows = append(rows, []string{name, countText(mathcore.ChainMultiplications(sizes, biases)),
			countText(mathcore.BackwardMultiplications(sizes, biases))})
	}
	this := "this one, " + sizesText(n.Sizes)
	if mathcore.IsPaper(n) {
		this = "this one, the paper's " + sizesText(n.Sizes)
	}
	if n.HasBiases() {
		this += " with biases"
	}
	row(this, n.Sizes, n.HasBiases())
	paper := mathcore.Paper()
	if !sameShape(n, paper) {
		row("the paper's "+sizesText(paper.Sizes), paper.Sizes, false)
	}
	if !slices.Equal(n.Sizes, compareSizes) || n.HasBiases() {
		row(sizesText(compareSizes)+" (an 8x8 image)", compareSizes, false)
	}
	chain, back := mathcore.ChainMultiplications(n.Sizes, n.HasBiases()), mathcore.BackwardMultiplications(n.Sizes, n.HasBiases())
	after := []string{"On this network one backward pass takes " + ratioWords(chain, back) + " one chain per " +
		paramWords(n) + "."}
	if back >= chain && n.Output() == 1 {
		after = []string{"On this network one backward pass takes as many multiplications as one chain per " +
			paramWords(n) + ": with no hidden layer between the weights and J, the chains share nothing."}
	}
	if n.Layers() > 2 {
		after = append(after, "The gap grows with every layer: each extra layer multiplies the number of paths "+
			"a chain must follow, while the backward pass only adds the edges of that layer once.")
	}
	return Step{
		Title: "What the reuse saves",
		Text: []string{"Both ways need the same factors: dJ/dout, each node's slope, the weights and the outs. " +
			"Count the multiplications that combine them. A chain multiplies all its factors along each of " +
			"its paths, for each " + paramWords(n) + " again; the backward pass multiplies once per edge for the " +
			"sums, once per node for the slopes, and once per weight for its gradient."},
		Figure: costTable(rows, width),
		After:  after,
	}
}

// countText writes a count of multiplications: "4128", or "about
// 1.2·10^38" when it is too large to read.
func countText(x float64) string {
	if x < numtext.LargeCount {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	m, e := numtext.Sci(x, 2)
	return "about " + m + "·10^" + strconv.Itoa(e)
}

// sizesText writes layer sizes as "4-2-1".
func sizesText(sizes []int) string {
	t := ""
	for i, k := range sizes {
		if i > 0 {
			t += "-"
		}
		t += strconv.Itoa(k)
	}
	return t
}

// ratioWords says how the backward pass's count compares with the chains',
// ending where "one chain per weight" follows: "fewer than half the
// multiplications of", "about 1/4 of the multiplications of".
func ratioWords(chain, back float64) string {
	const of = " the multiplications of"
	switch r := back / chain; {
	case r >= 1:
		return "at least as many multiplications as"
	case r > 0.5:
		return "fewer multiplications than"
	case r == 0.5:
		return "half" + of
	case r > 1.0/2.5: // "about 1/2" would round 2.4 times fewer down to a half
		return "fewer than half" + of
	case r > 0.1:
		return "about 1/" + strconv.Itoa(int(math.Round(chain/back))) + " of" + of
	default:
		m, e := numtext.Sci(chain/back, 2)
		if e < 3 {
			return "about 1/" + strconv.Itoa(int(math.Round(chain/back))) + " of" + of
		}
		return "about 1/(" + m + "·10^" + strconv.Itoa(e) + ") of" + of
	}
}

// costTable lays out the counts, with short headings on a narrow screen,
// or each network's name above its counts, rather than cutting the counts
// short.
func costTable(rows [][]string, width int) []string {
	lines := tableLines(rows)
	if blockWidth(lines) > width {
		rows[0] = []string{"network", "chains", "backward"}
		lines = tableLines(rows)
	}
	if blockWidth(lines) > width { // still too wide: each network's name above its counts
		lines = nil
		for _, r := range rows[1:] {
			lines = append(lines, r[0], "  chains "+r[1]+", backward pass "+r[2])
		}
	}
	return fitLines(lines, width)
}

// nudgeDeltas are the nudges the check tries, each ten times smaller.
var nudgeDeltas = []float64{0.1, 0.01, 0.001}

// nudgeStep moves p by a few small Δ, computes J again each time, and sets
// the change measured beside the change dJ/dp predicts. choose says whether
// the lesson lets the learner pick another parameter.
func (s *Session) nudgeStep(p mathcore.Param, choose bool, width int) Step {
	n := s.Net
	lbl := n.ParamLabel(p)
	grad := "dJ/d" + lbl
	rows := [][]string{{"Δ", "measured ΔJ", "predicted " + grad + "·Δ", "gap in %"}}
	var gaps []float64
	cur, before := nudges(n, p), []mathcore.Nudge(nil)
	if s.hasPrev() {
		pn, _ := s.prev()
		before = nudges(pn, p)
	}
	for k, u := range cur {
		mark := func(x float64, of func(u mathcore.Nudge) float64) string {
			return s.markPair(x, func() float64 { return of(before[k]) })
		}
		gap := "—"
		if u.Predicted != 0 {
			g := nudgeGap(u)
			gaps = append(gaps, g)
			gap = s.F(g) + mark(g, nudgeGap)
		}
		rows = append(rows, []string{s.record(strconv.FormatFloat(u.Delta, 'g', -1, 64), u.Delta),
			s.record(plainSig(u.Measured), u.Measured) + mark(u.Measured, func(u mathcore.Nudge) float64 { return u.Measured }),
			s.record(plainSig(u.Predicted), u.Predicted) + mark(u.Predicted, func(u mathcore.Nudge) float64 { return u.Predicted }),
			gap})
	}
	text := "A gradient is a prediction: move " + lbl + " by a small Δ and J should move by about " + grad +
		" · Δ. Move it, compute J again with the forward pass, and compare."
	if choose && s.ParamChoices() > 1 {
		text += " Pick another " + paramWords(n) + " with " + s.Key(PrevParam) + " and " + s.Key(NextParam) + "."
	}
	st := Step{
		Title:   "Check " + grad + " by nudging " + lbl,
		Text:    []string{text},
		Formula: "ΔJ ≈ " + grad + " · Δ, with " + grad,
		Result:  s.V(gradGetter(p)),
		Figure:  nudgeTable(rows, width),
	}
	st.After = []string{nudgeWords(lbl, gaps)}
	return st
}

// nudgeTable lays out the nudges; on a narrow screen the headings get
// shorter, then the gaps go, rather than cutting numbers short.
func nudgeTable(rows [][]string, width int) []string {
	lines := tableLines(rows)
	if blockWidth(lines) > width {
		rows[0] = []string{"Δ", "measured", "predicted", "gap %"}
		lines = tableLines(rows)
	}
	if blockWidth(lines) > width {
		for i, r := range rows {
			rows[i] = dropColumns(r, []int{3})
		}
		lines = tableLines(rows)
	}
	return fitLines(lines, width)
}

// nudgeWords says what the gaps of the nudges (in percent, one for each Δ
// ten times smaller than the last) show; none when the gradient is 0.
func nudgeWords(lbl string, gaps []float64) string {
	if len(gaps) == 0 {
		return lbl + " has no effect on J right now, so the gradient is 0 and no nudge moves J: " +
			"prediction and measurement agree exactly."
	}
	tenfold, shrinks := true, true
	for i := 1; i < len(gaps); i++ {
		r := gaps[i-1] / gaps[i]
		tenfold = tenfold && r > 5 && r < 20
		shrinks = shrinks && gaps[i] < gaps[i-1]
	}
	switch {
	case tenfold:
		return "They agree to first order: each Δ ten times smaller makes the gap about ten times smaller. " +
			"The gradient is exactly the part of the change that grows in proportion to Δ; what is left over " +
			"shrinks faster."
	case shrinks:
		return "They agree to first order: the smaller Δ, the smaller the gap. The gradient is exactly the " +
			"part of the change that grows in proportion to Δ; what is left over shrinks faster."
	}
	return "The gap does not shrink steadily here: the slope is small beside J's curvature at this point, " +
		"so only still smaller nudges show the first-order agreement."
}

// plainSig writes a small change with four significant figures in plain
// decimals, as far as ten decimals reach: "-0.0006025", "0.0000007966".
func plainSig(x float64) string {
	if x == 0 || math.Abs(x) >= 1e-6 {
		return numtext.FormatSig(x, 4)
	}
	return numtext.Format(x, min(10, 3-int(math.Floor(math.Log10(math.Abs(x))))))
}

// nudges returns p's nudges in n by each of nudgeDeltas.
func nudges(n *mathcore.Network, p mathcore.Param) []mathcore.Nudge {
	us := make([]mathcore.Nudge, len(nudgeDeltas))
	for k, d := range nudgeDeltas {
		us[k] = mathcore.NudgeParam(n, p, d)
	}
	return us
}

// nudgeGap is how far the measured change is from the predicted one, in
// percent of the predicted; only for a prediction that is not 0.
func nudgeGap(u mathcore.Nudge) float64 {
	return 100 * math.Abs(u.Measured-u.Predicted) / math.Abs(u.Predicted)
}
