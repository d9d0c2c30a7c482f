package mathcore

import "math"

// DescentBound is the magnitude beyond which DescentPath and
// DescentDiverged treat a weight as diverged.
const DescentBound = 1e6

// Curve is a one-variable cost function for the gradient-descent lesson,
// with its derivative and a label.
type Curve struct {
	// Name labels the curve, such as "double well".
	Name string
	// Formula writes the function, such as "J(w) = w^4 - 3w^2 + w + 3".
	Formula string
	// F returns J(w).
	F func(w float64) float64
	// DF returns dJ/dw.
	DF func(w float64) float64
	// Lo and Hi bound the range of w worth plotting.
	Lo, Hi float64
}

// DoubleWell returns the curve J(w) = w⁴ − 3w² + w + 3 on w ∈ [−2.5, 2.5],
// with dJ/dw = 4w³ − 6w + 1.
//
// J has a global minimum J ≈ −0.5139 at w ≈ −1.3008, a local maximum
// J ≈ 3.0841 at w ≈ 0.1699 and a local minimum J ≈ 1.9298 at w ≈ 1.1309.
// The curvature J″ is about 14.3 at the global and 9.35 at the local
// minimum, so steps settle there only for η below about 0.14 and 0.21.
//
// From w = 2: η = 0.001 crawls (10 steps reach only w ≈ 1.82, 300 steps
// w ≈ 1.15), η = 0.05 converges to the local minimum in about 15 steps,
// and η = 0.2 or 0.3 overshoots and diverges within five steps. From w near 1, η = 0.3 bounces
// around the local minimum without settling. A small η ends in the minimum
// on the same side of the maximum as the start; a larger one can jump the
// hump (η = 0.05 from w = 2.5 ends in the global minimum).
func DoubleWell() Curve {
	return Curve{
		Name:    "double well",
		Formula: "J(w) = w^4 - 3w^2 + w + 3",
		F:       func(w float64) float64 { return w*w*w*w - 3*w*w + w + 3 },
		DF:      func(w float64) float64 { return 4*w*w*w - 6*w + 1 },
		Lo:      -2.5,
		Hi:      2.5,
	}
}

// DescentStep returns the weight after one step of gradient descent:
// w − eta·df(w).
func DescentStep(df func(float64) float64, w, eta float64) float64 {
	return w - eta*df(w)
}

// DescentDiverged reports whether w is NaN, infinite or larger in magnitude
// than DescentBound, that is, whether descent should stop and the caller
// should show "diverged" rather than the value.
func DescentDiverged(w float64) bool {
	return math.IsNaN(w) || math.Abs(w) > DescentBound
}

// DescentPath appends w0 and the weights after each of up to steps steps of
// DescentStep to dst and returns the extended slice. It allocates only when
// dst lacks capacity for steps+1 values.
//
// DescentPath stops early and reports diverged when a weight is NaN,
// infinite or beyond DescentBound (see DescentDiverged); that weight is not
// appended, so every value in the path is finite and safe to display. When
// w0 itself has diverged, dst is returned unchanged.
func DescentPath(dst []float64, df func(float64) float64, w0, eta float64, steps int) (path []float64, diverged bool) {
	if DescentDiverged(w0) {
		return dst, true
	}
	dst = append(dst, w0)
	w := w0
	for range max(steps, 0) {
		w = DescentStep(df, w, eta)
		if DescentDiverged(w) {
			return dst, true
		}
		dst = append(dst, w)
	}
	return dst, false
}
