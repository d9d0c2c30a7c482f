package numtext

import (
	"math"
	"strconv"
)

// FormatStep writes next, the value of a parameter after one update step
// from prev, with sig significant figures or more: as many as it takes for
// the step to show. The figures are enough when next and prev round to
// different texts and, for a step no larger than half a unit in the 4th
// figure of next, when the text lies within 1% of the step from next: the
// rule by which nnmath check grades an updated weight, so that a value
// copied as shown is judged correct. A step of 0 gives FormatSig(next, sig).
func FormatStep(next, prev float64, sig int) string {
	return FormatSig(next, StepFigures(next, prev, sig))
}

// StepFigures returns the significant figures FormatStep writes next with:
// sig, or more when the step from prev needs them to show. Writing prev
// with as many figures makes the two agree with the step between them.
func StepFigures(next, prev float64, sig int) int {
	step := math.Abs(next - prev)
	if step == 0 || math.IsNaN(step) || math.IsInf(step, 0) {
		return sig
	}
	tiny := step <= halfUnit(next, 4)
	for f := max(sig, 1); f < 17; f++ {
		t := FormatSig(next, f)
		if t == FormatSig(prev, f) {
			continue
		}
		v, err := strconv.ParseFloat(t, 64)
		if err == nil && (!tiny || math.Abs(v-next) <= 0.01*step) {
			return f
		}
	}
	return 17
}

// halfUnit returns half a unit in the sig-th significant figure of x, 0 for 0.
func halfUnit(x float64, sig int) float64 {
	if x == 0 {
		return 0
	}
	return 0.5 * math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-float64(sig-1))
}
