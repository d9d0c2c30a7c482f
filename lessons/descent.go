package lessons

import (
	"math"
	"strconv"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// DescentState is the gradient-descent lesson's setting: the learning rate,
// the start point, and how many steps of descent the learner has taken.
type DescentState struct {
	EtaIndex int     // index into DescentEtas
	Start    float64 // w0
	Taken    int     // steps of descent taken so far (up to the end of the run)
}

// DescentEtas are the learning rates the descent lesson steps through with
// RaiseEta and LowerEta: from one that crawls to ones that overshoot and diverge.
var descentEtas = [...]float64{0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}

func newDescentState() DescentState { return DescentState{EtaIndex: 4, Start: 2} }

// Eta returns the descent lesson's learning rate.
func (d DescentState) Eta() float64 { return descentEtas[d.EtaIndex] }

// ScaleEta moves the descent lesson's learning rate one notch up (delta 1)
// or down (delta -1). It reports whether it changed. The steps taken stay
// as many, so that the same number of steps can be compared.
func (s *Session) ScaleEta(delta int) bool {
	i := s.Descent.EtaIndex + delta
	if i < 0 || i >= len(descentEtas) {
		return false
	}
	s.Descent.EtaIndex = i
	return true
}

// StepDescent takes one more step of descent, up to the end of the run.
func (s *Session) StepDescent() {
	s.Descent.Taken = min(s.Descent.Taken+1, len(s.descentRun().path)-1)
}

// RunDescent takes every step to the end of the run; at the end, it goes
// back to the start, so that the run can be watched again.
func (s *Session) RunDescent() {
	last := len(s.descentRun().path) - 1
	if s.Descent.Taken >= last {
		s.Descent.Taken = 0
		return
	}
	s.Descent.Taken = last
}

// Descent lesson limits.
const (
	descentMaxSteps = 30   // the run stops after this many steps
	descentSettled  = 5e-5 // a step shorter than this ends the run: w has settled
	descentFarAway  = 10   // a weight beyond this has left the curve for good
)

// descentRun is one run of descent down the lesson's curve: the weights
// from w_0 to where the run stops, and why it stopped.
type descentRun struct {
	curve mathcore.Curve
	path  []float64 // w_0, w_1, ...: the last one is where the run stops
	end   descentEndKind
}

// descentEndKind is why a run of descent stopped.
type descentEndKind int

const (
	endSettled  descentEndKind = iota // a step moved w by less than descentSettled
	endDiverged                       // w left the curve for good
	endLimit                          // descentMaxSteps steps were taken
)

// descentRun walks down the curve from the lesson's start with its η until
// a step moves w by less than descentSettled, w leaves the curve, or
// descentMaxSteps steps are taken.
func (s *Session) descentRun() descentRun {
	c := mathcore.DoubleWell()
	path, diverged := mathcore.DescentPath(nil, c.DF, s.Descent.Start, s.Descent.Eta(), descentMaxSteps)
	if len(path) == 0 { // w0 itself has diverged
		return descentRun{curve: c, path: []float64{s.Descent.Start}, end: endDiverged}
	}
	for k := 1; k < len(path); k++ {
		switch {
		case math.Abs(path[k]) > descentFarAway:
			return descentRun{curve: c, path: path[:k+1], end: endDiverged}
		case math.Abs(path[k]-path[k-1]) < descentSettled:
			return descentRun{curve: c, path: path[:k+1], end: endSettled}
		}
	}
	r := descentRun{curve: c, path: path, end: endLimit}
	if diverged {
		r.end = endDiverged
	}
	return r
}

func buildDescent(s *Session, width int) Page {
	run := s.descentRun()
	c := run.curve
	taken := min(s.Descent.Taken, len(run.path)-1)
	intro := []Block{
		Text("Picture the loss as a landscape and the weight as your position on it. You cannot see " +
			"the whole landscape, only how steep the ground is where you stand. Gradient descent " +
			"says: take a step downhill, look again, repeat."),
		Text("Here the landscape is one curve, " + c.Formula + ", with slope J'(w) = 4w^3 - 6w + 1. " +
			"It has two valleys: a deep one on the left and a shallower one on the right. " +
			"Each step moves against the slope, by the slope times the learning rate η:"),
		Fig(wrapText("w_new = w - η·J'(w), with η = "+s.etaShow(s.Descent.Eta())+" and the start w_0 = "+
			s.F(s.Descent.Start), width)),
		Text("Descent stops when a step changes w by less than " + s.record(numtext.FormatSig(descentSettled, 1), descentSettled) +
			", when w leaves the curve, or after " + strconv.Itoa(descentMaxSteps) + " steps. Take one step (" +
			s.Key(StepDescent) + ") or run to the end (" + s.Key(RunDescent) + "); " + s.Key(RaiseEta) + " and " +
			s.Key(LowerEta) + " change η: a tiny one crawls, a middle one settles in a valley, a large one " +
			"jumps past the bottom and at worst flies off."),
		Fig(descentFigure(c, run.path[:taken+1], width, 11)),
		Fig(descentTable(s, run, taken, width)),
	}
	return Page{Intro: intro, Steps: s.onceRounded([]Step{descentFirst(s, run), descentEnd(s, run, taken)})}
}

// descentFirst works the first step of the run in full.
func descentFirst(s *Session, run descentRun) Step {
	c, eta := run.curve, s.Descent.Eta()
	w, slope := run.path[0], c.DF(run.path[0])
	st := Step{
		Title:   "One step, worked",
		Text:    []string{"The slope at w_0 = " + s.F(w) + " is J'(w_0) = " + s.F(slope) + ". " + downhill(slope)},
		Formula: "w_1 = w_0 - η·J'(w_0)",
		Numbers: s.F(w) + " - " + s.etaShow(eta) + "·" + s.bracketed(slope),
		Note: "it says we take small steps \"in the direction of the gradient\". A step goes " +
			"against it, as the update rule w - η·J'(w) itself says: moving along the slope would " +
			"climb, and the loss would grow.",
	}
	if len(run.path) < 2 {
		st.Result = "far off the curve"
		return st
	}
	next := run.path[1]
	st.Result = s.F(next)
	after := "J goes from " + s.F(c.F(w)) + " to " + s.F(c.F(next)) + "."
	if ns := c.DF(next); (ns > 0) != (slope > 0) && ns != 0 && slope != 0 {
		after += " The step jumped past the bottom of the valley: the slope changed sign."
	}
	st.After = s.withRounding([]string{after, "Every later step does the same from where the last one landed: " +
		"the table lists them."}, s.shown(w)-eta*s.shown(slope), next)
	return st
}

// descentTable lists the steps taken so far, one row each: the weight, the
// slope there, the weight after the step and the loss there.
func descentTable(s *Session, run descentRun, taken, width int) []string {
	if taken == 0 {
		return wrapText("No step taken yet: the table fills as you step ("+s.Key(StepDescent)+").", width)
	}
	c := run.curve
	// Each weight has the figures its steps to and from it need, so that a
	// small step still shows and a row's two weights agree with the step
	// between them.
	fig := func(k int) int { // the figures the step into w_k needs
		if k == 0 || k > taken {
			return s.Digits
		}
		return numtext.StepFigures(run.path[k], run.path[k-1], s.Digits)
	}
	ws := make([]string, taken+1)
	for k := 0; k <= taken; k++ {
		w := run.path[k]
		ws[k] = s.record(numtext.FormatSig(w, max(fig(k), fig(k+1))), w)
		if math.Abs(w) > descentFarAway {
			ws[k] = "far off"
		}
	}
	rows := [][]string{{"k", "w_k", "J'(w_k)", "w_k+1", "J(w_k+1)"}}
	for k := 0; k < taken; k++ {
		w, next := run.path[k], run.path[k+1]
		rows = append(rows, []string{strconv.Itoa(k), ws[k], s.F(c.DF(w)), ws[k+1], s.F(c.F(next))})
	}
	// On a narrow screen w_k goes first (it is the row above's w_k+1),
	// then the loss, rather than cutting numbers short.
	var lines []string
	for _, drop := range [][]int{nil, {1}, {1, 4}} {
		kept := make([][]string, len(rows))
		for i, r := range rows {
			kept[i] = dropColumns(r, drop)
		}
		if lines = tableLines(kept); blockWidth(lines) <= width {
			break
		}
	}
	return fitLines(lines, width)
}

// descentEnd says how the run ends, once the learner has stepped to it.
func descentEnd(s *Session, run descentRun, taken int) Step {
	c, path := run.curve, run.path
	last := len(path) - 1
	st := Step{Title: "Where it ends"}
	if taken < last {
		st.Text = []string{plural(taken, "step") + " taken of this run. Step on (" + s.Key(StepDescent) +
			") or run to the end (" + s.Key(RunDescent) + ") to see where descent stops."}
		return st
	}
	es := s.etaShow(s.Descent.Eta())
	w, w0 := path[last], path[0]
	switch {
	case run.end == endDiverged:
		st.Title = "Diverged"
		st.Text = []string{"With η = " + es + " the steps overshoot and grow without end: descent " +
			"diverged after " + plural(last, "step") + ". The learning rate is too large for this curve; make it smaller."}
	case run.end == endSettled:
		lo, hi := descentMinima(c)
		st.Title = "Converged"
		st.Text = []string{"After " + plural(last, "step") + " the last step moved w by less than " +
			s.record(numtext.FormatSig(descentSettled, 1), descentSettled) + ": w has settled at " + s.F(w) + ", where the slope J'(w) = " +
			s.F(c.DF(w)) + " is almost zero and J = " + s.F(c.F(w)) + ". " + valleyWords(s, c, w, lo, hi)}
	case bouncing(c, path):
		st.Title = "After " + strconv.Itoa(descentMaxSteps) + " steps"
		st.Text = []string{"Still not settled: w keeps jumping from one side of the valley to the other " +
			"(it is now " + s.F(w) + "). η = " + es + " overshoots the bottom every time; a smaller η would settle."}
	default:
		st.Title = "After " + strconv.Itoa(descentMaxSteps) + " steps"
		st.Text = []string{"Still crawling: in " + strconv.Itoa(descentMaxSteps) + " steps w only went from " + s.F(w0) +
			" to " + s.F(w) + ". η = " + es + " is safe but slow; a larger η gets there in fewer steps."}
	}
	return st
}

// downhill says which way a step goes for a given slope.
func downhill(slope float64) string {
	switch {
	case slope > 0:
		return "It is positive (uphill to the right), so the step goes left: w gets smaller."
	case slope < 0:
		return "It is negative (uphill to the left), so the step goes right: w gets bigger."
	}
	return "It is zero: the ground is flat here, so the step does not move."
}

// bouncing reports whether the last steps of path alternate around a valley.
func bouncing(c mathcore.Curve, path []float64) bool {
	n := len(path)
	if n < 4 {
		return false
	}
	for k := n - 3; k < n; k++ {
		if (c.DF(path[k]) > 0) == (c.DF(path[k-1]) > 0) {
			return false
		}
	}
	return true
}

// descentMinima returns the bottoms of the left and the right valley of c,
// found by small careful steps from each end.
func descentMinima(c mathcore.Curve) (left, right float64) {
	left, right = c.Lo, c.Hi
	for range 4000 {
		left = mathcore.DescentStep(c.DF, left, 0.005)
		right = mathcore.DescentStep(c.DF, right, 0.005)
	}
	return left, right
}

// valleyWords says which valley w settled in.
func valleyWords(s *Session, c mathcore.Curve, w, left, right float64) string {
	deep, shallow := left, right
	if c.F(right) < c.F(left) {
		deep, shallow = right, left
	}
	if math.Abs(w-deep) < math.Abs(w-shallow) {
		return "This is the deepest valley: the lowest loss on the whole curve."
	}
	return "This is the shallower valley: a local minimum. The other valley goes down to J = " +
		s.F(c.F(deep)) + ", but descent only sees the ground under its feet, so it stays here."
}

// descentFigure draws the curve and the path walked so far: a line from
// each weight to the next and a mark on each, the last one filled.
func descentFigure(c mathcore.Curve, path []float64, width, height int) []string {
	ymin, ymax := c.F(c.Lo), c.F(c.Lo)
	for k := 0; k <= 100; k++ {
		v := c.F(c.Lo + (c.Hi-c.Lo)*float64(k)/100)
		ymin = min(ymin, v)
		ymax = max(ymax, v)
	}
	top := 4.0 // the hump between the valleys, with room above
	for _, w := range path {
		if w >= c.Lo && w <= c.Hi {
			top = max(top, c.F(w))
		}
	}
	top = min(ymax, top+0.5)
	p := NewPlot(min(width, 60), height, c.Lo, c.Hi, ymin-0.3, top)
	p.Func(c.F)
	for k := 1; k < len(path); k++ {
		p.Segment(path[k-1], c.F(path[k-1]), path[k], c.F(path[k]))
	}
	for k, w := range path {
		r := '○'
		if k == len(path)-1 {
			r = '●'
		}
		p.Mark(w, c.F(w), r)
	}
	lines := p.Lines()
	if last := path[len(path)-1]; last < c.Lo || last > c.Hi {
		lines = append(lines, "(the last point is off the picture)")
	}
	return fitLines(lines, width)
}
