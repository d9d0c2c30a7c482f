package judge

import "math"

// DefaultTolerance is the relative tolerance of a correct answer: 1% of the
// exact value.
const DefaultTolerance = 0.01

// CloseTolerance is the relative tolerance of a close answer: 5% of the
// exact value.
const CloseTolerance = 0.05

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
// Correct when the signs agree and |answer - exact| <= tol*|exact|, Close
// when the signs agree and the same holds with CloseTolerance, and
// Incorrect otherwise (also for NaN or infinite input).
//
// Every value is judged relatively, however small: an exact 0 is matched
// only by 0, and 0 matches no other value.
func GradeValue(answer, exact, tol float64) Verdict {
	if !finite(answer) || !finite(exact) || !signsAgree(answer, exact) {
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

func bound(exact, tol float64) float64 { return tol * math.Abs(exact) * (1 + slack) }

// signsAgree reports whether a and e have the same sign, 0 counting as a
// sign of its own.
func signsAgree(a, e float64) bool {
	if a == 0 || e == 0 {
		return a == 0 && e == 0
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
// Tolerance·|value|, Close is CloseTolerance·|value|. An updated parameter
// (w9_new) is judged on the step it takes, |value - old| = |η · dJ/dw|,
// because 1% of the new value is larger than the step itself: Correct is
// max(Tolerance·step, half a unit in the 4th significant figure of value),
// Close is max(CloseTolerance·step, half a unit in the 3rd significant
// figure but less than half the step, Correct). When the step is no larger
// than half a unit in the 4th significant figure, 4 figures of the new
// value cannot show it: the band is Tolerance·step and CloseTolerance·step,
// and Grade also accepts the new value correctly rounded to 4 significant
// figures when it moves the way the step does. Grade requires the answer
// to move from the old value the way the step does, whenever it is not 0.
func (j *Judge) Band(q Quantity, value float64) Band {
	if q.Kind != KindNew {
		return Band{Correct: j.Tolerance * math.Abs(value), Close: CloseTolerance * math.Abs(value)}
	}
	step := math.Abs(value - j.net.Value(q.Param))
	b := Band{
		Correct: j.Tolerance * step,
		Close:   CloseTolerance * step,
		Step:    step,
		Tiny:    step <= HalfUnit(value, 4),
	}
	if !b.Tiny {
		b.Correct = max(b.Correct, HalfUnit(value, 4))
		// Half a unit in the 3rd figure, but never half the step or more:
		// an answer off by a slip such as a missing η is not close.
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
// way the update does, however small the step: one that stays at the old
// value or moves the other way is Incorrect, and so is one that equals
// the old value at 4 significant figures while the step is not 0 (Check
// grades it close when it is the new value rounded). A tiny step's new
// value is also correct when it is value correctly rounded to 4
// significant figures and moves the right way; a parameter that does not
// move, when it is value correctly rounded to 4 or more.
func (j *Judge) Grade(q Quantity, answer, value float64) Verdict {
	if !finite(answer) || !finite(value) || !signsAgree(answer, value) {
		return Incorrect
	}
	b := j.Band(q, value)
	d := math.Abs(answer - value)
	if q.Kind == KindNew {
		old := j.net.Value(q.Param)
		if step := value - old; step != 0 && !((answer-old)*step > 0) {
			return Incorrect // no step, or a step the wrong way
		}
		if value != old && sigFigures(answer) <= 4 && roundingOf(answer, old, 4) {
			return Incorrect // the old value at 4 figures: no step shows
		}
		if b.Tiny && (sigFigures(answer) <= 4 || value == old) && roundingOf(answer, value, 4) {
			return Correct // the new value at 4 figures (or more, when it does not move), moving the right way
		}
	}
	switch {
	case d <= b.Correct*(1+slack):
		return Correct
	case d <= b.Close*(1+slack):
		return Close
	}
	return Incorrect
}

// roundingOf reports whether answer is value correctly rounded to the
// significant figures answer is written with, at least atLeast.
func roundingOf(answer, value float64, atLeast int) bool {
	return math.Abs(answer-value) <= HalfUnit(value, max(atLeast, sigFigures(answer)))*(1+slack)
}

// roundsTo reports whether answer, for an updated parameter, is value
// correctly rounded to the figures it is written with (at least 4), moving
// from the old value the way value does: the rounding of a slip's value.
func (j *Judge) roundsTo(q Quantity, answer, value float64) bool {
	old := j.net.Value(q.Param)
	return q.Kind == KindNew && finite(answer) && roundingOf(answer, value, 4) && (answer-old)*(value-old) > 0
}

// matches reports whether answer is correct for q when q's value is value.
func (j *Judge) matches(q Quantity, answer, value float64) bool {
	return j.Grade(q, answer, value) == Correct
}
