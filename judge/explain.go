package judge

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nnmath/numtext"
)

// explain writes the paragraph for the learner: the verdict, the exact
// value, and the slip or the advice that fits.
func (j *Judge) explain(r Result) string {
	ex := sig(r.Exact)
	var s string
	switch {
	case r.Quantity.Kind == KindNew:
		s = j.explainUpdate(r, j.Band(r.Quantity, r.Exact))
	case r.Verdict == Correct && r.Exact == 0:
		s = "Correct: the exact value is 0."
	case r.Verdict == Correct:
		s = fmt.Sprintf("Correct: within %s of the exact value %s.", percent(j.Tolerance), ex)
	case r.Verdict == Close && r.Diagnosis != nil:
		s = fmt.Sprintf("Close: within %s of the exact value %s, but not within %s, and a slip gives it far more nearly.",
			percent(CloseTolerance), ex, percent(j.Tolerance))
	case r.Verdict == Close:
		s = fmt.Sprintf("Close: within %s of the exact value %s, but not within %s. Keep 4 significant figures in every intermediate step.",
			percent(CloseTolerance), ex, percent(j.Tolerance))
	default:
		s = fmt.Sprintf("Incorrect: the exact value is %s.", ex)
	}
	switch {
	case r.Diagnosis != nil:
		s += " " + r.Diagnosis.Explanation
	case !finite(r.Answer):
		s += " The answer is not a finite number."
	case r.Verdict == Incorrect:
		s += " No common slip explains " + strconv.FormatFloat(r.Answer, 'g', -1, 64) +
			"; compare each step of the worked chain with the exact one."
	}
	return s
}

// tooFewFigures reports whether answer, for an updated parameter, is the
// exact value rounded to the figures the answer has, when those cannot
// show the step: fewer than 4, or 4 or more that leave a tiny step out. It
// is a precision problem, not a slip, graded close. An answer of fewer
// than 4 figures that is the old value itself is not: that is no step.
func (j *Judge) tooFewFigures(q Quantity, answer float64) bool {
	if q.Kind != KindNew || !finite(answer) {
		return false
	}
	exact, k := j.Exact(q), sigFigures(answer)
	if roundingOf(answer, exact, 4) {
		return true
	}
	return k < 4 && answer != j.net.Value(q.Param) && math.Abs(answer-exact) <= HalfUnit(exact, k)*(1+slack)
}

// sigFigures returns the number of significant figures of x as it is
// written in its shortest form: 3 for 0.150, 6 for 0.704481.
func sigFigures(x float64) int {
	m := strconv.FormatFloat(math.Abs(x), 'e', -1, 64) // "7.04481e-01"
	m = m[:strings.IndexByte(m, 'e')]
	return max(1, len(strings.Replace(m, ".", "", 1)))
}

// explainUpdate writes the verdict on an updated parameter, whose band is
// measured on its step.
func (j *Judge) explainUpdate(r Result, b Band) string {
	p := r.Quantity.Param
	label := j.net.ParamLabel(p)
	what := "weight"
	if p.Bias {
		what = "bias"
	}
	ex := sig(r.Exact)
	if b.Tiny && b.Step > 0 {
		ex = plainNew(r.Exact, b.Step)
	}
	rule := fmt.Sprintf("an updated %s is judged on its step |η · dJ/d%s| = %s", what, label, sig(b.Step))
	old := j.net.Value(p)
	switch {
	case b.Step == 0 && r.Verdict == Correct:
		return fmt.Sprintf("Correct: %s does not move, since dJ/d%s is 0, so %s_new = %s = %s.", label, label, label, label, sig(r.Exact))
	case r.Verdict == Close && j.tooFewFigures(r.Quantity, r.Answer):
		k := sigFigures(r.Answer)
		if k < 4 {
			k = 4
		}
		if roundingOf(r.Answer, old, k) {
			return fmt.Sprintf("Close: %s is %s_new rounded to %d significant figures, where it still equals %s = %s: its step of %s does not show. "+
				"Write it with enough figures to show the step, as %s: an updated %s is judged on its step, within %s of it.",
				numtext.FormatSig(r.Answer, k), label, k, label, short(old), sig(r.Exact-old), writeAs(r.Exact, b.Step, r.Answer), what, percent(j.Tolerance))
		}
		k = sigFigures(r.Answer)
		if b.Step == 0 {
			return fmt.Sprintf("Close: %s is %s_new rounded to %d significant figure%s. %s does not move, since dJ/d%s is 0: write %s_new with 4 significant figures, as %s.",
				strconv.FormatFloat(r.Answer, 'g', -1, 64), label, k, plural(k), label, label, label, writeAs(r.Exact, 0, r.Answer))
		}
		return fmt.Sprintf("Close: %s is %s_new rounded to %d significant figure%s, too few to show its step of %s from %s = %s. "+
			"Write it as %s: an updated %s is judged on its step, within %s of it.",
			strconv.FormatFloat(r.Answer, 'g', -1, 64), label, k, plural(k), sig(r.Exact-old), label, short(old),
			writeAs(r.Exact, b.Step, r.Answer), what, percent(j.Tolerance))
	case r.Verdict == Correct && math.Abs(r.Answer-r.Exact) > b.Correct*(1+slack):
		return fmt.Sprintf("Correct: %s is %s_new = %s at 4 significant figures, and moves from %s = %s the way its step of %s does.",
			short(r.Answer), label, ex, label, short(old), sig(r.Exact-old))
	case r.Verdict == Correct:
		orFigure := ", or half a unit in the 4th significant figure"
		if b.Tiny {
			orFigure = ""
		}
		return fmt.Sprintf("Correct: within %s of the exact value %s. %s: within %s of the step%s.",
			short(b.Correct), ex, capital(rule), percent(j.Tolerance), orFigure)
	case r.Verdict == Close && r.Diagnosis != nil:
		return fmt.Sprintf("Close: within %s of the exact value %s, but not within %s (%s), and a slip gives it far more nearly.",
			short(b.Close), ex, short(b.Correct), rule)
	case r.Verdict == Close:
		return fmt.Sprintf("Close: within %s of the exact value %s, but not within %s: %s (correct within %s of it or half a unit in the 4th significant figure, "+
			"close within %s or half a unit in the 3rd, but less than half the step). Keep 4 significant figures in every intermediate step.",
			short(b.Close), ex, short(b.Correct), rule, percent(j.Tolerance), percent(CloseTolerance))
	}
	return fmt.Sprintf("Incorrect: the exact value is %s, a step of %s from %s = %s.", ex, sig(r.Exact-old), label, short(old))
}

// plainNew writes an updated value with enough decimals to show a step of
// the given size to 4 significant figures.
func plainNew(x, step float64) string {
	d := 4
	if step > 0 {
		d = max(4, 3-int(math.Floor(math.Log10(step))))
	}
	return strconv.FormatFloat(x, 'f', min(d, 15), 64)
}

// writeAs writes the exact new value x as the learner should: with 4
// significant figures, or enough decimals to show a tiny step, and never
// as the learner's own answer.
func writeAs(x, step, answer float64) string {
	s := sig(x)
	if step > 0 && step <= HalfUnit(x, 4) {
		s = plainNew(x, step)
	}
	for d := 4; d <= 15; d++ {
		if v, err := strconv.ParseFloat(s, 64); err != nil || v != answer {
			return s
		}
		s = strconv.FormatFloat(x, 'f', d, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sig formats x with 4 significant figures.
func sig(x float64) string { return numtext.FormatSig(x, 4) }

func percent(tol float64) string {
	p := tol * 100
	if p == math.Trunc(p) {
		return fmt.Sprintf("%.0f%%", p)
	}
	return numtext.FormatSig(p, 3) + "%"
}
