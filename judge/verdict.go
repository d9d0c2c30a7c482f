package judge

import "math"

// DefaultTolerance is the relative tolerance of a correct answer: 1% of the
// exact value.
const DefaultTolerance = 0.01

// CloseTolerance is the relative tolerance of a close answer: 5% of the
// exact value.
const CloseTolerance = 0.05

// AbsoluteFloor is the smallest tolerance, for exact values at or near
// zero: an answer within 1e-6 of the exact value is never too far.
const AbsoluteFloor = 1e-6

// slack absorbs the rounding of the comparison itself, so that 1.01 is
// within 1% of 1.
const slack = 1e-9

// Verdict is the grade of one answer.
type Verdict int

// The verdicts, from worst to best.
const (
	Incorrect Verdict = iota // neither correct nor close
	Close                    // the sign agrees and it is within CloseTolerance
	Correct                  // the sign agrees and it is within the tolerance
)

var verdictNames = [...]string{Incorrect: "incorrect", Close: "close", Correct: "correct"}

// String returns "correct", "close" or "incorrect".
func (v Verdict) String() string {
	if v < 0 || int(v) >= len(verdictNames) {
		return "incorrect"
	}
	return verdictNames[v]
}

// MarshalText returns the verdict's name, so that JSON shows "correct".
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Grade returns the verdict on answer for a quantity whose exact value is
// exact, with relative tolerance tol (DefaultTolerance for the default):
// Correct when the signs agree and |answer - exact| <= max(tol*|exact|,
// AbsoluteFloor), Close when the signs agree and the same holds with
// CloseTolerance, and Incorrect otherwise (also for NaN or infinite input).
//
// The signs agree when both numbers have the same sign, or one of them is
// zero and the other lies within AbsoluteFloor of zero: an exact 0 is only
// matched by an answer within 1e-6 of it.
func Grade(answer, exact, tol float64) Verdict {
	if !finite(answer) || !finite(exact) {
		return Incorrect
	}
	if !signsAgree(answer, exact) {
		return Incorrect
	}
	d := math.Abs(answer - exact)
	switch {
	case d <= bound(exact, tol):
		return Correct
	case d <= bound(exact, CloseTolerance):
		return Close
	}
	return Incorrect
}

// Matches reports whether answer is within tolerance tol of value as Grade
// counts it: Grade(answer, value, tol) == Correct.
func Matches(answer, value, tol float64) bool { return Grade(answer, value, tol) == Correct }

func bound(exact, tol float64) float64 {
	return max(tol*math.Abs(exact), AbsoluteFloor) * (1 + slack)
}

func signsAgree(a, e float64) bool {
	switch {
	case a == 0:
		return math.Abs(e) <= AbsoluteFloor
	case e == 0:
		return math.Abs(a) <= AbsoluteFloor
	}
	return (a > 0) == (e > 0)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
