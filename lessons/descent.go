package lessons

import (
	"math"
	"strconv"

	"nnmath/mathcore"
)

// DescentState is the gradient-descent lesson's setting: the learning rate
// and the start point. The steps themselves are the lesson's steps, revealed
// one by one.
type DescentState struct {
	EtaIndex int     // index into DescentEtas
	Start    float64 // w0
}

// DescentEtas are the learning rates the descent lesson steps through with
// RaiseEta and LowerEta: from one that crawls to ones that overshoot and diverge.
var descentEtas = [...]float64{0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}

func newDescentState() DescentState { return DescentState{EtaIndex: 4, Start: 2} }

// Eta returns the descent lesson's learning rate.
func (d DescentState) Eta() float64 { return descentEtas[d.EtaIndex] }

// ScaleEta moves the descent lesson's learning rate one notch up (delta 1)
// or down (delta -1). It reports whether it changed.
func (s *Session) ScaleEta(delta int) bool {
	i := s.Descent.EtaIndex + delta
	if i < 0 || i >= len(descentEtas) {
		return false
	}
	s.Descent.EtaIndex = i
	return true
}

// Descent lesson limits.
const (
	descentMaxSteps = 30   // the lesson lists at most this many steps
	descentSettled  = 5e-5 // a step shorter than this counts as settled
	descentFarAway  = 10   // a weight beyond this has left the curve for good
)

func buildDescent(s *Session, width int) Page {
	c := mathcore.DoubleWell()
	intro := []Block{
		Text("Picture the loss as a landscape and the weight as your position on it. You cannot see " +
			"the whole landscape, only how steep the ground is where you stand. Gradient descent " +
			"says: take a step downhill, look again, repeat."),
		Text("Here the landscape is one curve, " + c.Formula + ", with slope J'(w) = 4w^3 - 6w + 1. " +
			"It has two valleys: a deep one on the left and a shallower one on the right. " +
			"Each step moves against the slope, by the slope times the learning rate η:"),
		Fig(wrapText("w_new = w - η·J'(w), with η = "+s.etaShow(s.Descent.Eta())+" and the start w_0 = "+
			s.F(s.Descent.Start), width)),
		Text("Try a tiny η (it crawls), a middle one (it settles in a valley), and a large one (it " +
			"jumps past the bottom, and at worst flies off). The paper's Figure 1, now lost, showed " +
			"such steps walking down a curve."),
		Fig(descentFigure(c, []float64{s.Descent.Start}, width, 11)),
	}
	return Page{Intro: intro, Steps: descentSteps(s, c, width)}
}

// descentSteps walks down c from the lesson's start, one step of the page
// per step of descent, until the steps settle, leave the curve or reach
// descentMaxSteps; a last step says which.
func descentSteps(s *Session, c mathcore.Curve, width int) []Step {
	eta, w0 := s.Descent.Eta(), s.Descent.Start
	path, diverged := mathcore.DescentPath(nil, c.DF, w0, eta, descentMaxSteps)
	if len(path) == 0 { // w0 itself has diverged
		path = []float64{w0}
	}
	es := s.etaShow(eta)
	var steps []Step
	for k := 1; k <= descentMaxSteps; k++ {
		w, slope := path[k-1], c.DF(path[k-1])
		prev, cur := "w_"+strconv.Itoa(k-1), "w_"+strconv.Itoa(k)
		st := Step{
			Title:   "Step " + strconv.Itoa(k),
			Text:    []string{"The slope at " + prev + " = " + s.F(w) + " is J'(" + prev + ") = " + s.F(slope) + ". " + downhill(slope)},
			Formula: cur + " = " + prev + " - η·J'(" + prev + ")",
			Numbers: s.F(w) + " - " + es + "·" + s.bracketed(slope),
		}
		if k == 1 {
			st.Note = "it says we take small steps \"in the direction of the gradient\". A step goes " +
				"against it, as the update rule w - η·J'(w) itself says: moving along the slope would " +
				"climb, and the loss would grow."
		}
		if lost := diverged && k == len(path); lost || math.Abs(path[k]) > descentFarAway {
			st.Result = "far off the curve"
			if !lost {
				st.Result = s.F(path[k])
			}
			st.After = []string{"That lands far outside the picture, where the curve is even steeper, so the " +
				"next step would be bigger still. Each step makes things worse."}
			return append(steps, st, Step{
				Title: "Diverged",
				Text: []string{"With η = " + es + " the steps overshoot and grow without end: descent " +
					"diverged after " + strconv.Itoa(k) + " steps. The learning rate is too large for this curve; " +
					"make it smaller."},
			})
		}
		next := path[k]
		st.Result = s.F(next)
		after := "J goes from " + s.F(c.F(w)) + " to " + s.F(c.F(next)) + "."
		if ns := c.DF(next); (ns > 0) != (slope > 0) && ns != 0 && slope != 0 {
			after += " The step jumped past the bottom of the valley: the slope changed sign."
		}
		st.After = s.withRounding([]string{after}, s.shown(w)-eta*s.shown(slope), next)
		st.Figure = descentFigure(c, path[:k+1], width, 9)
		steps = append(steps, st)
		if math.Abs(next-w) < descentSettled {
			lo, hi := descentMinima(c)
			steps = append(steps, Step{
				Title: "Converged",
				Text: []string{"The steps have become too small to see: w has settled at " + s.F(next) +
					", where the slope J'(w) = " + s.F(c.DF(next)) + " is almost zero and J = " + s.F(c.F(next)) + ". " +
					valleyWords(s, c, next, lo, hi)},
			})
			return s.onceRounded(steps)
		}
	}
	return s.onceRounded(append(steps, descentEnd(s, c, path)))
}

// descentEnd is the last step when descent neither settled nor diverged
// in descentMaxSteps steps: it bounces across a valley, or crawls.
func descentEnd(s *Session, c mathcore.Curve, path []float64) Step {
	w0, w := path[0], path[len(path)-1]
	es := s.etaShow(s.Descent.Eta())
	end := Step{Title: "After " + strconv.Itoa(descentMaxSteps) + " steps"}
	if bouncing(c, path) {
		end.Text = []string{"Still not settled: w keeps jumping from one side of the valley to the other " +
			"(it is now " + s.F(w) + "). η = " + es + " overshoots the bottom every time; a smaller η would settle."}
	} else {
		end.Text = []string{"Still crawling: in " + strconv.Itoa(descentMaxSteps) + " steps w only went from " + s.F(w0) +
			" to " + s.F(w) + ". η = " + es + " is safe but slow; a larger η gets there in fewer steps."}
	}
	return end
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
