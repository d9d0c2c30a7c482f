package mathcore

import "math"

// NumericalGradient estimates dJ/dp for n's own sample by central finite
// differences, (J(p + h) - J(p - h)) / 2h. It leaves n unchanged.
func NumericalGradient(n *Network, p Param, h float64) float64 {
	t := NewTrace(n)
	v := n.Value(p)
	n.SetValue(p, v+h)
	plus := t.LossFor(n, n.Inputs, n.Targets)
	n.SetValue(p, v-h)
	minus := t.LossFor(n, n.Inputs, n.Targets)
	n.SetValue(p, v)
	return (plus - minus) / (2 * h)
}

// GradientCheck compares every analytic gradient of n with its central
// finite-difference estimate (step h) and returns the largest difference,
// measured as |a - b| / max(1, |a|, |b|).
func GradientCheck(n *Network, h float64) float64 {
	t := NewTrace(n)
	t.Compute(n)
	var worst float64
	for _, p := range n.Params() {
		a := t.Gradient(p)
		b := NumericalGradient(n, p, h)
		d := math.Abs(a-b) / math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
		worst = math.Max(worst, d)
	}
	return worst
}

// Nudge is what happens to J when one parameter moves by Delta: the loss
// before and after, the change measured, and the change the gradient
// predicts to first order, dJ/dp · Delta.
type Nudge struct {
	Delta     float64
	Before    float64 // J
	After     float64 // J with p + Delta
	Measured  float64 // After - Before
	Predicted float64 // dJ/dp · Delta
}

// NudgeParam moves p by delta in a copy of n, computes J again with n's
// own sample and returns the change beside the one the gradient
// predicts. It leaves n unchanged.
func NudgeParam(n *Network, p Param, delta float64) Nudge {
	t := NewTrace(n)
	t.Compute(n)
	g := t.Gradient(p)
	before := t.Loss
	c := n.Clone()
	c.SetValue(p, c.Value(p)+delta)
	after := t.LossFor(c, c.Inputs, c.Targets)
	return Nudge{Delta: delta, Before: before, After: after, Measured: after - before, Predicted: g * delta}
}
