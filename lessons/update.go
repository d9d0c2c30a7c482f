package lessons

import (
	"fmt"
	"strconv"

	"nnmath/mathcore"
)

// UpdateState counts the update steps applied in the weight-update lesson
// and keeps the network before each, so that they can be undone.
type UpdateState struct {
	History []*mathcore.Network // the network before each step, oldest first
}

// Steps returns how many update steps have been applied.
func (u UpdateState) Steps() int { return len(u.History) }

// ApplyUpdate applies one step of gradient descent to the network.
// When the step would make a value overflow (a learning rate far too large,
// applied again and again) it returns an error and changes nothing.
func (s *Session) ApplyUpdate() error {
	next := s.Net.Clone()
	s.Trace.Apply(next)
	if err := mathcore.CheckFinite(next); err != nil {
		return fmt.Errorf("the network has diverged, no step taken: %w", err)
	}
	s.Updates.History = append(s.Updates.History, s.Net.Clone())
	s.Change(func(n *mathcore.Network) { n.CopyParams(next) })
	return nil
}

// UndoUpdate takes back the last update step. It reports whether there was one.
func (s *Session) UndoUpdate() bool {
	h := s.Updates.History
	if len(h) == 0 {
		return false
	}
	last := h[len(h)-1]
	s.Updates.History = h[:len(h)-1]
	s.Change(func(n *mathcore.Network) { n.CopyParams(last) })
	return true
}

func buildUpdate(s *Session, width int) Page {
	n := s.Net
	each, one := eachParam(n), "weight"
	if n.HasBiases() {
		one = "parameter"
	}
	intro := []Block{
		Text("Now that we can find dJ/dw for every " + each + ", one step of gradient descent moves all of " +
			"them at once, each against its own slope, scaled by the learning rate η = " + s.eta() + "."),
		Text("Apply the step to the network (" + s.Key(ApplyUpdate) + "), take the last one back (" +
			s.Key(UndoUpdate) + "), or return to the starting values (" + s.Key(RestoreStart) + "). Every " +
			"other lesson then shows the new numbers."),
		Fig(wrapText("Steps applied so far: "+strconv.Itoa(s.Updates.Steps())+" · loss J = "+
			s.V(func(t *mathcore.Trace) float64 { return t.Loss }), width)),
	}
	steps := []Step{{
		Title: "The rule",
		Text: []string{"For every " + each + ": a positive slope means the loss grows with the " + one + ", so the " +
			one + " goes down; a negative slope sends it up. A steep slope moves it more than a gentle one."},
		Formula: "w_new = w - η·dJ/dw",
		Numbers: "w - " + s.eta() + "·dJ/dw",
	}}
	w9 := firstOutputWeight(n)
	steps = append(steps, s.updateStep(w9, s.paperNote(w9, "update"), IDUpdate))
	if w1 := (mathcore.Param{}); w1 != w9 {
		steps = append(steps, s.updateStep(w1, s.paperNote(w1, "update"), IDUpdate))
	}
	all := "The same rule for all " + strconv.Itoa(len(n.Params())) + " weights."
	switch ps := len(n.Params()); {
	case ps == 1:
		all = "The network has just this one weight."
	case ps == 2 && n.HasBiases():
		all = "The same rule for the weight and the bias."
	case ps == 2:
		all = "The same rule for both weights."
	case n.HasBiases():
		all = "The same rule for all " + strconv.Itoa(ps) + " weights and biases."
	}
	title := "Every weight"
	switch {
	case len(n.Params()) == 1:
		title = "The only weight"
	case n.HasBiases():
		title = "Every weight and bias"
	}
	steps = append(steps, Step{
		Title:  title,
		Text:   nonEmpty(all+" The arrows ▲ ▼ mark values that changed with the last edit or step.", zeroInputWords(s)),
		Figure: updateTable(s, width),
	})
	steps = append(steps, s.beforeAfter(width))
	return Page{Intro: intro, Steps: s.onceRounded(steps)}
}

// nonEmpty returns the texts that are not "".
func nonEmpty(texts ...string) []string {
	var out []string
	for _, t := range texts {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// updateTable lists every parameter: old value, gradient, η times the
// gradient and the new value, dropping columns that do not fit the width.
func updateTable(s *Session, width int) []string {
	n := s.Net
	ps := n.Params()
	full := make([][]string, 0, len(ps)+1)
	full = append(full, []string{"", "old", "dJ/dw", "η·dJ/dw", "new"})
	for _, p := range ps {
		step := s.val(func(n *mathcore.Network, t *mathcore.Trace) float64 { return n.LearningRate * t.Gradient(p) })
		full = append(full, []string{n.ParamLabel(p), s.Before(p), s.V(gradGetter(p)), step, s.Updated(p)})
	}
	for _, drop := range [][]int{nil, {3}, {2, 3}} {
		rows := make([][]string, len(full))
		for i, r := range full {
			rows[i] = dropColumns(r, drop)
		}
		if lines := tableLines(rows); blockWidth(lines) <= width {
			return lines
		}
	}
	rows := make([][]string, len(full))
	for i, r := range full {
		rows[i] = dropColumns(r, []int{2, 3})
	}
	return fitLines(tableLines(rows), width)
}

// dropColumns returns row without the columns listed in drop.
func dropColumns(row []string, drop []int) []string {
	out := make([]string, 0, len(row))
	for c, cell := range row {
		keep := true
		for _, d := range drop {
			keep = keep && c != d
		}
		if keep {
			out = append(out, cell)
		}
	}
	return out
}

// beforeAfterTable lays out the outputs and the loss now and after the
// step; on a narrow screen the heading "after the step" becomes "after",
// then the targets go, rather than cutting numbers short.
func beforeAfterTable(rows [][]string, width int) []string {
	lines := tableLines(rows)
	if blockWidth(lines) > width {
		rows[0][2] = "after"
		lines = tableLines(rows)
	}
	if blockWidth(lines) > width {
		kept := make([][]string, len(rows))
		for i, r := range rows {
			kept[i] = dropColumns(r, []int{3})
		}
		lines = tableLines(kept)
	}
	return fitLines(lines, width)
}

// afterStep returns the trace of n after one more update step, computed on
// a copy of n from its trace t.
func afterStep(n *mathcore.Network, t *mathcore.Trace) *mathcore.Trace {
	next := n.Clone()
	t.Apply(next)
	after := mathcore.NewTrace(next)
	after.Compute(next)
	return after
}

// beforeAfter compares the outputs and the loss now with those after one
// more step, computed on a copy of the network.
func (s *Session) beforeAfter(width int) Step {
	n := s.Net
	t := afterStep(n, s.Trace)
	var printedAs *mathcore.Trace
	if s.hasPrev() {
		printedAs = afterStep(s.prev())
	}
	// later formats a value after the step, marked against the same value
	// after a step from the state before the last change.
	later := func(get func(t *mathcore.Trace) float64) string {
		return s.F(get(t)) + s.markPair(get(t), func() float64 { return get(printedAs) })
	}
	L := n.Output()
	rows := [][]string{{"", "now", "after the step", "target"}}
	for k := range n.Sizes[L] {
		out := func(t *mathcore.Trace) float64 { return t.Out[L][k] }
		rows = append(rows, []string{n.OutSymbol(L, k), s.V(out), later(out),
			s.val(func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Targets[k] })})
	}
	loss := func(t *mathcore.Trace) float64 { return t.Loss }
	rows = append(rows, []string{"J", s.V(loss), later(loss), ""})
	diff := t.Loss - s.Trace.Loss
	words := "The loss goes down: the step helped."
	switch {
	case t.Loss > s.Trace.Loss:
		words = "The loss went up: the step overshot. A smaller learning rate would help."
	case t.Loss == s.Trace.Loss:
		words = "The loss did not change: there is nothing left to improve, or the slopes are zero."
	}
	return Step{
		Title:   "Before and after",
		Text:    []string{"Run the network again with the new weights and compare."},
		Formula: "J_after - J_now",
		Numbers: later(loss) + " - " + s.V(loss),
		Result:  s.F(diff) + s.markPair(diff, func() float64 { _, before := s.prev(); return printedAs.Loss - before.Loss }),
		Figure:  beforeAfterTable(rows, width),
		After:   s.withRounding([]string{words}, s.shown(t.Loss)-s.shown(s.Trace.Loss), t.Loss-s.Trace.Loss),
	}
}
