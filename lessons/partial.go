package lessons

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
