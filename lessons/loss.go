package lessons

import (
	"math"
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/paper"
)

func buildLoss(s *Session, width int) Page {
	n := s.Net
	L := n.Output()
	intro := []Block{
		Text("The output layer works like every layer before it: a dot product of weights and the outs of the " +
			"layer before, then the activation. What is new is what happens next: we compare the answer with " +
			"the target y, the answer we wanted, and measure how wrong it is with one number, the loss J."),
	}
	var steps []Step
	shown := min(n.Sizes[L], nodesShown)
	for k := 0; k < shown; k++ {
		steps = append(steps, outNetStep(s, k), outOutStep(s, k))
	}
	if shown < n.Sizes[L] {
		var outs []string
		for k := shown; k < n.Sizes[L]; k++ {
			outs = append(outs, n.OutSymbol(L, k)+" "+outText(s, L, k))
		}
		steps = append(steps, Step{
			Title: "The other outputs",
			Text:  []string{"The remaining outputs work the same way:"},
			After: []string{strings.Join(outs, ", ")},
		})
	}
	steps = append(steps, outLossStep(s), outVerdictStep(s))
	return Page{Intro: intro, Steps: s.onceRounded(steps)}
}

// outNetStep is net of output k.
func outNetStep(s *Session, k int) Step {
	n := s.Net
	L := n.Output()
	var syms, nums []string
	shown, all := 0.0, n.Sizes[L-1] <= dotMaxTerms
	for _, i := range dotTerms(n.Sizes[L-1]) {
		if i < 0 {
			syms, nums = append(syms, "…"), append(nums, "…")
			continue
		}
		p := mathcore.Param{Layer: L - 1, From: i, To: k}
		syms = append(syms, n.ParamLabel(p)+"·"+n.OutSymbol(L-1, i))
		nums = append(nums, paren(s.P(p))+"·"+paren(outText(s, L-1, i)))
		shown += s.shown(n.Value(p)) * s.shown(s.Trace.Out[L-1][i])
	}
	if n.HasBiases() {
		b := mathcore.Param{Bias: true, Layer: L - 1, To: k}
		syms = append(syms, n.ParamLabel(b))
		nums = append(nums, paren(s.P(b)))
		shown += s.shown(n.Value(b))
	}
	st := Step{
		Title:   n.NetSymbol(L, k),
		Text:    []string{"What travels along each edge into " + n.NodeLabel(L, k) + " is the out of the node it starts from."},
		Formula: n.NetSymbol(L, k) + " = " + strings.Join(syms, " + "),
		Numbers: strings.Join(nums, " + "),
		Result:  netText(s, L, k),
	}
	if all {
		st.After = s.withRounding(nil, shown, s.Trace.Net[L][k])
	}
	if s.paperShape() && k == 0 { // a slip in the formula, whatever the values
		var terms []string
		for i := 0; i < n.Sizes[1]; i++ {
			terms = append(terms, n.ParamLabel(mathcore.Param{Layer: 1, From: i})+"·"+n.NetSymbol(1, i))
		}
		var x float64 // a note: its numbers are never marked
		for i := 0; i < n.Sizes[1]; i++ {
			x += n.Value(mathcore.Param{Layer: 1, From: i}) * s.Trace.Net[1][i]
		}
		wrong := s.quote(x)
		st.Note = "once wrote this as " + strings.Join(terms, " + ") + ", with the nets of the hidden " +
			"nodes. But a node passes on its out, not its net; with the nets the sum would be " + wrong + "."
	}
	return st
}

// outOutStep is out of output k.
func outOutStep(s *Session, k int) Step {
	n := s.Net
	L := n.Output()
	st := sigOutStep(s, L, k)
	// sigOutStep names the activation itself for all but the sigmoid.
	if n.Activations[L-1] == mathcore.Sigmoid {
		st.Text = append([]string{"Then the activation of the " + n.LayerName(L) + ", " + activationWords(mathcore.Sigmoid) + "."},
			st.Text...)
	}
	if printed, ok := paperPrinted(s, n.OutSymbol(L, k)); ok && st.Note == "" {
		h1, ok1 := paperPrinted(s, n.OutSymbol(1, 0))
		h2, ok2 := paperPrinted(s, n.OutSymbol(1, 1))
		if ok1 && ok2 && L == 2 && n.Sizes[1] == 2 {
			mixed := s.quote(mathcore.SigmoidOf(n.Weights[1][0][0]*h1 + n.Weights[1][0][1]*h2)) // a note: never marked
			st.Note = "printed " + paper.Text(printed) + ", which matches the exact hidden outs. Its own " +
				"printed hidden outs, " + paper.Text(h1) + " and " + paper.Text(h2) + ", would have given " +
				mixed + ": from here on the paper mixes its slipped hidden values with a correct output."
		}
	}
	return st
}

// outLossStep is J.
func outLossStep(s *Session) Step {
	n := s.Net
	L := n.Output()
	size := n.Sizes[L]
	factor, factorWords := "1/2", "one half of"
	if n.Loss == mathcore.MSE {
		factor, factorWords = "1/"+strconv.Itoa(size), "the mean of"
	}
	var syms, nums []string
	shown, all := 0.0, size <= dotMaxTerms
	for _, k := range dotTerms(size) {
		if k < 0 {
			syms, nums = append(syms, "…"), append(nums, "…")
			continue
		}
		syms = append(syms, "("+targetName(n, k)+" - "+n.OutSymbol(L, k)+")^2")
		nums = append(nums, "("+targetText(s, k)+" - "+paren(outText(s, L, k))+")^2")
		d := s.shown(s.Trace.Targets[k]) - s.shown(s.Trace.Out[L][k])
		shown += d * d
	}
	if n.Loss == mathcore.MSE {
		shown /= float64(size)
	} else {
		shown /= 2
	}
	sym, num := strings.Join(syms, " + "), strings.Join(nums, " + ")
	if len(syms) > 1 {
		sym, num = "("+sym+")", "("+num+")"
	}
	st := Step{
		Title: "The loss J",
		Text: []string{"Take how far each output is from its target, square it (so it is never negative and big " +
			"misses count a lot), and take " + factorWords + " the squares."},
		Formula: "J = " + factor + " · " + sym,
		Numbers: factor + " · " + num,
		Result:  s.V(func(t *mathcore.Trace) float64 { return t.Loss }),
		After:   []string{"J is 0 only when every output hits its target. Learning means making J smaller."},
	}
	if all {
		st.After = s.withRounding(st.After, shown, s.Trace.Loss)
	}
	if s.paperShape() { // a choice of formula, whatever the values
		d := s.Trace.Targets[0] - s.Trace.Outputs()[0]
		mean := s.quote(d * d) // a note: never marked
		st.Note = "defines the loss as the mean of the squares, (1/n) Σ (y - ŷ)^2, which here would be " +
			mean + ", but its worked example uses 1/2 (y - out)^2, as here. Both are common; " +
			"the 1/2 only makes the slope simpler, and the two slopes differ by a factor 2/n."
	}
	return st
}

// outVerdictStep says what the output means.
func outVerdictStep(s *Session) Step {
	n := s.Net
	L := n.Output()
	outs := s.Trace.Outputs()
	st := Step{Title: "The verdict"}
	if len(outs) == 1 && n.Activations[L-1] == mathcore.Sigmoid {
		out := outs[0]
		question := "yes"
		if s.paperShape() {
			question = "is it a 4?"
		}
		answer := "no"
		if out >= 0.5 {
			answer = "yes"
		}
		sure := "very sure"
		switch d := math.Abs(out - 0.5); {
		case d < 0.1:
			sure = "only just"
		case d < 0.3:
			sure = "fairly sure"
		}
		st.Text = []string{"Read the output as a yes-or-no answer: out of one half or more means yes."}
		st.Formula = question
		if question == "yes" {
			st.Formula = "answer"
		}
		st.Result = answer + " (" + sure + ")"
		st.After = []string{"The output is " + outText(s, L, 0) + " and the target is " + targetText(s, 0) + ", so it is " +
			s.V(func(t *mathcore.Trace) float64 { return math.Abs(t.Targets[0] - t.Outputs()[0]) }) +
			" away. " + s.reachWords()}
		return st
	}
	st.Text = []string{"How far is each output from its target?"}
	var parts []string
	for k := 0; k < min(len(outs), nodesShown); k++ {
		parts = append(parts, n.OutSymbol(L, k)+" "+outText(s, L, k)+" vs "+targetName(n, k)+" "+targetText(s, k)+
			": off by "+s.V(func(t *mathcore.Trace) float64 { return math.Abs(t.Targets[k] - t.Outputs()[k]) }))
	}
	if len(outs) > nodesShown {
		parts = append(parts, "and "+plural(len(outs)-nodesShown, "more output"))
	}
	st.After = append(parts, s.reachWords())
	return st
}

// TargetWarning says, when a target lies outside the range of the output
// activation, that the output can never reach it and what the loss can at
// best become; it is "" when every target can be reached.
func (s *Session) TargetWarning() string {
	if _, unreachable := mathcore.BestLoss(s.Net); !unreachable {
		return ""
	}
	return s.reachWords()
}

// reachWords says what training can do about the gap between the outputs
// and their targets: close it, or, for a target outside the range of the
// output activation (a sigmoid's 0 to 1), only bring the output to the end
// of its range, with the smallest loss it can then reach.
func (s *Session) reachWords() string {
	n := s.Net
	best, unreachable := mathcore.BestLoss(n)
	if !unreachable {
		if stuck := s.stuckWords(n); stuck != "" {
			return "Training moves the weights to close that gap, but not for every output: " + stuck
		}
		return "Training will move the weights to close that gap."
	}
	act := n.Activations[n.Output()-1]
	lo, hi := act.Range()
	var far []string
	for k, y := range n.Targets {
		if y < lo || y > hi {
			far = append(far, targetName(n, k)+" = "+targetText(s, k))
		}
	}
	what, verb := "The target ", "lies"
	if len(far) > 1 {
		what, verb = "The targets ", "lie"
	}
	return what + joinWords(far) + " " + verb + " " + rangeWords(lo, hi) + ", where a " + act.String() +
		" output can never go: training can only bring the output toward the nearest end, and the loss J " +
		"can at best come down to " + s.F(best) + ", not to 0."
}

// rangeWords writes where a target lies outside an activation's range,
// for a sentence: "outside 0 to 1", "below 0".
func rangeWords(lo, hi float64) string {
	if math.IsInf(hi, 1) {
		return "below " + strconv.FormatFloat(lo, 'g', -1, 64)
	}
	return "outside " + strconv.FormatFloat(lo, 'g', -1, 64) + " to " + strconv.FormatFloat(hi, 'g', -1, 64)
}

// lossFormula returns the loss as a formula for n.
func lossFormula(n *mathcore.Network) string {
	if n.Sizes[n.Output()] == 1 {
		if n.Loss == mathcore.MSE {
			return "J = (y - out)^2"
		}
		return "J = 1/2·(y - out)^2"
	}
	if n.Loss == mathcore.MSE {
		return "J = (1/" + strconv.Itoa(n.Sizes[n.Output()]) + ")·Σ (y_k - out_k)^2"
	}
	return "J = 1/2·Σ (y_k - out_k)^2"
}

// lossDerivative returns dJ/dout for output node k: the formula in symbols,
// with the numbers substituted (marked when they changed), and its value
// computed from the numbers as shown.
func (s *Session) lossDerivative(k int) (formula, numbers string, shown float64) {
	n := s.Net
	L := n.Output()
	out := n.OutSymbol(L, k)
	y := "y"
	if n.Sizes[L] > 1 {
		y = "y" + strconv.Itoa(k+1)
	}
	yv := s.val(func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.Targets[k] })
	ov := paren(outText(s, L, k))
	diff := s.shown(s.Trace.Targets[k]) - s.shown(s.Trace.Out[L][k])
	if n.Loss == mathcore.MSE {
		m := n.Sizes[L]
		if m == 1 {
			return "-2·(" + y + " - " + out + ")", "-2·(" + yv + " - " + ov + ")", -2 * diff
		}
		f := "-(2/" + strconv.Itoa(m) + ")"
		return f + "·(" + y + " - " + out + ")", f + "·(" + yv + " - " + ov + ")", -2 / float64(m) * diff
	}
	return "-(" + y + " - " + out + ")", "-(" + yv + " - " + ov + ")", -diff
}
