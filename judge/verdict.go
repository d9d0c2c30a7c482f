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

// floorText is AbsoluteFloor as messages write it (TestFloorText checks
// that the two agree).
const floorText = "1e-6"

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

// GradeValue returns the verdict on answer for a value whose exact value is
// exact, with relative tolerance tol (DefaultTolerance for the default),
// by the rule for plain values such as one factor of a chain; a quantity
// is graded with (*Judge).Grade, which judges an updated parameter on its
// step:
// Correct when the signs agree and |answer - exact| <= max(tol*|exact|,
// AbsoluteFloor), Close when the signs agree and the same holds with
// CloseTolerance, and Incorrect otherwise (also for NaN or infinite input).
//
// The signs agree when both numbers have the same sign, or one of them is
// zero and the other lies within AbsoluteFloor of zero: an exact 0 is only
// matched by an answer within 1e-6 of it.
func GradeValue(answer, exact, tol float64) Verdict {
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

// ValueMatches reports whether answer is within tolerance tol of value as
// GradeValue counts it: GradeValue(answer, value, tol) == Correct.
func ValueMatches(answer, value, tol float64) bool { return GradeValue(answer, value, tol) == Correct }

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

// Band is how far an answer may lie from a value of a quantity: within
// Correct it is correct, within Close it is close (when the signs agree).
type Band struct {
	Correct, Close float64
	// Step is, for an updated parameter, the size |new - old| of the update
	// the band is measured on; 0 for other quantities.
	Step float64
	// Tiny is true when Step is too small to show in 4 significant figures
	// of the new value, so that the band is measured on the step alone.
	Tiny bool
}

// Band returns how far an answer for q may lie from value, a value of q
// (its exact value, or the value it takes under a slip or for the
// learner's earlier answers).
//
// For most quantities the band is relative to value: Correct is
// max(Tolerance·|value|, AbsoluteFloor), Close is max(CloseTolerance·|value|,
// AbsoluteFloor). An updated parameter (w9_new) is judged on the step it
// takes, |value - old| = |eta · dJ/dw|, because 1% of the new value is
// larger than the step itself: Correct is max(Tolerance·step, half a unit
// in the 4th significant figure of value, AbsoluteFloor), Close is
// max(CloseTolerance·step, half a unit in the 3rd significant figure but
// less than half the step, Correct). When the step is no larger than half a unit in the 4th
// significant figure, 4 figures of the new value cannot show it, and the
// band is Tolerance·step and CloseTolerance·step alone (at least
// AbsoluteFloor): the answer must be written with enough figures to show
// the step. Grade also requires the answer to move from the old value the
// way the step does.
func (j *Judge) Band(q Quantity, value float64) Band {
	if q.Kind != KindNew {
		return Band{
			Correct: max(j.Tolerance*math.Abs(value), AbsoluteFloor),
			Close:   max(CloseTolerance*math.Abs(value), AbsoluteFloor),
		}
	}
	step := math.Abs(value - j.net.Value(q.Param))
	b := Band{
		Correct: max(j.Tolerance*step, AbsoluteFloor),
		Close:   max(CloseTolerance*step, AbsoluteFloor),
		Step:    step,
		Tiny:    step <= HalfUnit(value, 4),
	}
	if !b.Tiny {
		b.Correct = max(b.Correct, HalfUnit(value, 4))
		// Half a unit in the 3rd figure, but never half the step or more:
		// an answer off by a slip such as a missing eta is not close.
		b.Close = max(b.Close, b.Correct, min(HalfUnit(value, 3), step/2))
	}
	return b
}

// HalfUnit returns half a unit in the sig-th significant figure of x:
// HalfUnit(0.6049, 4) is 0.00005. It is 0 for 0 and for NaN or infinite x.
func HalfUnit(x float64, sig int) float64 {
	if x == 0 || !finite(x) {
		return 0
	}
	return 0.5 * math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-float64(sig-1))
}

// Grade returns the verdict on answer for q when q's value is value,
// with the band Band gives: Correct when the signs agree and the answer is
// within Band.Correct, Close when the signs agree and it is within
// Band.Close, and Incorrect otherwise (also for NaN or infinite input). An
// answer for an updated parameter must also move from the old value the
// way the update does: one that stays at the old value or moves the other
// way is Incorrect.
func (j *Judge) Grade(q Quantity, answer, value float64) Verdict {
	if !finite(answer) || !finite(value) || !signsAgree(answer, value) {
		return Incorrect
	}
	if q.Kind == KindNew {
		old := j.net.Value(q.Param)
		if step := value - old; math.Abs(step) > AbsoluteFloor && !((answer-old)*step > 0) {
			return Incorrect // no step, or a step the wrong way
		}
	}
	b := j.Band(q, value)
	d := math.Abs(answer - value)
	switch {
	case d <= b.Correct*(1+slack):
		return Correct
	case d <= b.Close*(1+slack):
		return Close
	}
	return Incorrect
}

// matches reports whether answer is correct for q when q's value is value.
func (j *Judge) matches(q Quantity, answer, value float64) bool {
	return j.Grade(q, answer, value) == Correct
}
