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
