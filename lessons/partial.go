package lessons

import "nnmath/mathcore"

// PartialState is the point (X, Y) where the partial-derivatives lesson
// evaluates f(x, y) = x^2 + y^3.
type PartialState struct {
	X, Y float64
}

// Partial-derivative point limits and step.
const (
	PointLimit = 2.0  // the point stays in [-2, 2] x [-2, 2]
	PointStep  = 0.25 // one key press moves the point this far
)

func newPartialState() PartialState { return PartialState{X: 1, Y: 0.5} }

// MovePoint moves the point by (dx, dy) steps, staying inside the plotted square.
func (s *Session) MovePoint(dx, dy int) {
	s.Partial.X = clamp(s.Partial.X+float64(dx)*PointStep, -PointLimit, PointLimit)
	s.Partial.Y = clamp(s.Partial.Y+float64(dy)*PointStep, -PointLimit, PointLimit)
}

func clamp(x, lo, hi float64) float64 {
	return max(lo, min(hi, x))
}

func buildPartial(s *Session, width int) Page {
	x0, y0 := s.Partial.X, s.Partial.Y
	f0 := mathcore.Surface(x0, y0)
	dx, dy := mathcore.SurfaceDX(x0, y0), mathcore.SurfaceDY(x0, y0)
	xs, ys := s.F(x0), s.F(y0)
	px, py := paren(xs), paren(ys)
	cube := s.F(y0 * y0 * y0)
	square := s.F(x0 * x0)

	intro := []Block{
		Text("The loss of a network depends on many weights at once. To see how it changes with " +
			"one of them, we hold all the others still and look at the slope along that one " +
			"direction. That slope is a partial derivative."),
		Text("We practise on a function of two numbers, the paper's own example: " + mathcore.SurfaceFormula +
			". The point is at x = " + xs + ", y = " + ys + "; move it and every number below follows."),
		Fig(partialFigure(s, width)),
	}
	steps := []Step{
		{
			Title:   "Hold y still",
			Text:    []string{"Fix y at " + ys + ". Then y^3 is just a number, and f is a function of x alone: a parabola (the first picture)."},
			Formula: "f(x, " + ys + ") = x^2 + " + py + "^3",
			Numbers: "x^2 + " + paren(cube),
			Result:  "a parabola in x",
		},
		{
			Title:   "Slope along x",
			Text:    []string{"Differentiate as usual and treat y as a constant: x^2 gives 2x, and the constant y^3 gives 0."},
			Formula: "df/dx = 2x",
			Numbers: "2·" + px,
			Result:  s.F(dx),
			After: []string{"This is the slope of the tangent line drawn at the point on the parabola: walking a little " +
				"in x, f changes about " + s.F(dx) + " times as much. " + slopeWords(dx, "x")},
		},
		{
			Title:   "Hold x still",
			Text:    []string{"Now fix x at " + xs + " instead. Then x^2 is the constant, and f is a cubic in y (the second picture)."},
			Formula: "f(" + xs + ", y) = " + px + "^2 + y^3",
			Numbers: square + " + y^3",
			Result:  "a cubic in y",
		},
		{
			Title:   "Slope along y",
			Text:    []string{"Differentiate in y and treat x as a constant: y^3 gives 3y^2, and x^2 gives 0."},
			Formula: "df/dy = 3y^2",
			Numbers: "3·" + py + "^2",
			Result:  s.F(dy),
			After: []string{slopeWords(dy, "y") + " A square is never negative, so this cubic never slopes " +
				"downhill; at y = 0 it is flat for a moment."},
		},
		{
			Title:   "Both slopes together",
			Text:    []string{"The value at the point, and the two partial derivatives side by side. Together they are the gradient: the direction in which f climbs fastest."},
			Formula: "f(x, y) = x^2 + y^3",
			Numbers: px + "^2 + " + py + "^3",
			Result:  s.F(f0),
			After: []string{"Gradient (df/dx, df/dy) = (" + s.F(dx) + ", " + s.F(dy) + "). " +
				"A network does the same thing with one partial derivative per weight, and then steps " +
				"against the gradient to make the loss smaller: that is the next lesson."},
		},
	}
	return Page{Intro: intro, Steps: steps}
}

// slopeWords says in words what the sign of a slope means.
func slopeWords(slope float64, v string) string {
	switch {
	case slope > 0:
		return "The slope is positive: f goes up as " + v + " grows."
	case slope < 0:
		return "The slope is negative: f goes down as " + v + " grows."
	}
	return "The slope is zero: right here f is flat in the " + v + " direction."
}

// partialFigure draws the two slices through the point, each with the point
// and its tangent, side by side when the width allows and stacked otherwise.
func partialFigure(s *Session, width int) []string {
	x0, y0 := s.Partial.X, s.Partial.Y
	const gap = 3
	pw := min(width, 56)
	side := width >= 2*36+gap
	if side {
		pw = min((width-gap)/2, 56)
	}
	const height = 11
	left := slicePlot(pw, height, mathcore.SurfaceSliceX(y0), x0, mathcore.SurfaceDX(x0, y0),
		"f(x, "+s.F(y0)+"), slope at x = "+s.F(x0))
	right := slicePlot(pw, height, mathcore.SurfaceSliceY(x0), y0, mathcore.SurfaceDY(x0, y0),
		"f("+s.F(x0)+", y), slope at y = "+s.F(y0))
	var lines []string
	if side {
		lines = sideBySide(left, right, gap)
	} else {
		lines = append(append(left, ""), right...)
	}
	return fitLines(lines, width)
}

// slicePlot plots the curve f over [-2.5, 2.5] with the point at a and the
// a piece of the tangent through it, under a caption.
func slicePlot(width, height int, f func(float64) float64, a, slope float64, caption string) []string {
	const lo, hi = -2.5, 2.5
	ymin, ymax := f(lo), f(lo)
	for k := 0; k <= 50; k++ {
		v := f(lo + (hi-lo)*float64(k)/50)
		ymin, ymax = min(ymin, v), max(ymax, v)
	}
	pad := (ymax - ymin) * 0.05
	p := NewPlot(width, height, lo, hi, ymin-pad, ymax+pad)
	p.Func(f)
	fa := f(a)
	// A short piece of the tangent, so that it reads apart from the curve.
	t0, t1 := a-1, a+1
	p.Segment(t0, mathcore.Tangent(fa, slope, a, t0), t1, mathcore.Tangent(fa, slope, a, t1))
	p.Mark(a, fa, '●')
	return append([]string{clipText(caption, width)}, p.Lines()...)
}
