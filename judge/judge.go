package judge

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// Judge checks answers for one network. Build it with New; it does not
// change the network, and is safe for concurrent use once built as long as
// Tolerance is not changed.
type Judge struct {
	// Tolerance is the relative tolerance of a correct answer; New sets it
	// to DefaultTolerance.
	Tolerance float64

	net   *mathcore.Network
	cat   *catalogue
	exact *values
	paper bool
}

// New returns a judge for a copy of n, or an error naming what is wrong
// with n.
func New(n *mathcore.Network) (*Judge, error) {
	if n == nil {
		return nil, fmt.Errorf("judge: no network")
	}
	if err := n.Validate(); err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	n = n.Clone()
	return &Judge{
		Tolerance: DefaultTolerance,
		net:       n,
		cat:       newCatalogue(n),
		exact:     evaluate(n, &rules{}),
		paper:     mathcore.IsPaper(n),
	}, nil
}

// Network returns the judge's copy of the network; callers must not change it.
func (j *Judge) Network() *mathcore.Network { return j.net }

// Quantities returns every quantity of the network in teaching order. The
// slice is the caller's.
func (j *Judge) Quantities() []Quantity { return append([]Quantity(nil), j.cat.all().list...) }

// Lookup returns the quantity named name. Names are read leniently: case,
// spaces and underscores do not matter, "∂" stands for "d", and "ŷ" or
// "y_hat" for "out". For an unknown name the error is an
// *UnknownQuantityError listing the nearest valid names.
func (j *Judge) Lookup(name string) (Quantity, error) { return j.cat.lookup(name) }

// Exact returns the exact value of q. A zero is always +0, so that it
// never prints as "-0".
func (j *Judge) Exact(q Quantity) float64 {
	v := j.exact.value(q)
	if v == 0 {
		return 0
	}
	return v
}

// Result is the judgement of one answer.
type Result struct {
	Quantity Quantity
	Answer   float64
	Exact    float64
	Verdict  Verdict
	// Carried is set when the answer is wrong for the exact values but right
	// for the learner's own earlier answers (error carried forward); Verdict
	// is then Correct and CarriedValue is the value those answers lead to.
	Carried      bool
	CarriedValue float64
	CarriedFrom  []string   // the names of the earlier answers that were used
	Diagnosis    *Diagnosis // the slip that explains a wrong answer, or nil
	Explanation  string     // a paragraph for the learner
}

// Check judges answer as a value of q against the exact value (with the
// band Band gives) and, when it is incorrect, diagnoses it. A close answer
// gets no diagnosis: it is the rounding of a right computation, not a
// slip. Neither do an updated parameter's old value (the update left out,
// said as such) and a new value rounded to too few figures to show a tiny
// step (the explanation says to write more).
func (j *Judge) Check(q Quantity, answer float64) Result {
	r := Result{Quantity: q, Answer: answer, Exact: j.Exact(q)}
	r.Verdict = j.Grade(q, answer, r.Exact)
	if r.Verdict == Incorrect && !j.notUpdated(q, answer) && j.tooFewFigures(q, answer) {
		r.Verdict = Close // the exact value, rounded too far to show the step
	}
	if r.Verdict == Incorrect && !j.notUpdated(q, answer) {
		if d, ok := j.Diagnose(q, answer); ok {
			r.Diagnosis = &d
		}
	}
	r.Explanation = j.explain(r)
	return r
}

func (j *Judge) explain(r Result) string {
	ex := sig(r.Exact)
	q := r.Quantity
	b := j.Band(q, r.Exact)
	var s string
	switch {
	case q.Kind == KindNew:
		s = j.explainUpdate(r, b)
	case r.Verdict == Correct:
		s = fmt.Sprintf("Correct: within %s of the exact value %s.", j.relative(r.Exact, j.Tolerance), ex)
	case r.Verdict == Close:
		s = fmt.Sprintf("Close: within %s of the exact value %s, but not within %s. Keep 4 significant figures in every intermediate step.",
			j.relative(r.Exact, CloseTolerance), ex, j.relative(r.Exact, j.Tolerance))
	default:
		s = fmt.Sprintf("Incorrect: the exact value is %s.", ex)
	}
	switch {
	case r.Diagnosis != nil:
		s += " " + r.Diagnosis.Explanation
	case r.Verdict == Incorrect && j.notUpdated(q, r.Answer):
		label := j.net.ParamLabel(q.Param)
		s += fmt.Sprintf(" %s is %s before the update: the step eta · dJ/d%s is left out.", short(r.Answer), label, label)
	case r.Verdict == Incorrect && !j.tooFewFigures(q, r.Answer):
		s += " No common slip explains " + sig(r.Answer) + "; compare each step of the worked chain with the exact one."
	}
	return s
}

// tooFewFigures reports whether answer, for an updated parameter, is the
// exact value rounded to the figures the answer has, when those are fewer
// than 4 or too few to show a tiny step: a precision problem, not a slip,
// graded close.
func (j *Judge) tooFewFigures(q Quantity, answer float64) bool {
	if q.Kind != KindNew || !finite(answer) {
		return false
	}
	exact, k := j.Exact(q), sigFigures(answer)
	return (k < 4 || j.Band(q, exact).Tiny) && math.Abs(answer-exact) <= HalfUnit(exact, k)*(1+slack)
}

// sigFigures returns the number of significant figures of x as it is
// written in its shortest form: 3 for 0.150, 6 for 0.704481.
func sigFigures(x float64) int {
	m := strconv.FormatFloat(math.Abs(x), 'e', -1, 64) // "7.04481e-01"
	m = m[:strings.IndexByte(m, 'e')]
	return max(1, len(strings.Replace(m, ".", "", 1)))
}

// notUpdated reports whether answer, for an updated parameter, is the
// parameter's value before the update.
func (j *Judge) notUpdated(q Quantity, answer float64) bool {
	return q.Kind == KindNew && j.matches(q, answer, j.net.Value(q.Param))
}

// relative describes the band tol·|exact| of a quantity that is not an
// update: "1%", or the absolute floor, "1e-6", when that is wider.
func (j *Judge) relative(exact, tol float64) string {
	if tol*math.Abs(exact) < AbsoluteFloor {
		return floorText
	}
	return percent(tol)
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
	if b.Tiny && b.Step > AbsoluteFloor {
		ex = plainNew(r.Exact, b.Step)
	}
	rule := fmt.Sprintf("an updated %s is judged on its step |eta · dJ/d%s| = %s", what, label, sig(b.Step))
	old := j.net.Value(p)
	if b.Step <= AbsoluteFloor && r.Verdict == Correct {
		return fmt.Sprintf("Correct: %s does not move, since dJ/d%s is 0, so %s_new = %s = %s.", label, label, label, label, ex)
	}
	if r.Verdict == Close && j.tooFewFigures(r.Quantity, r.Answer) {
		k := sigFigures(r.Answer)
		return fmt.Sprintf("Close: %s is %s_new rounded to %d significant figure%s, too few to show its step of %s from %s = %s. "+
			"Write it as %s: an updated %s is judged on its step, within %s of it.",
			strconv.FormatFloat(r.Answer, 'g', -1, 64), label, k, plural(k), sig(r.Exact-old), label, short(old), ex, what, percent(j.Tolerance))
	}
	switch r.Verdict {
	case Correct:
		orFigure := ", or half a unit in the 4th significant figure"
		if b.Tiny {
			orFigure = ""
		}
		return fmt.Sprintf("Correct: within %s of the exact value %s. %s: within %s of the step%s.",
			distance(b.Correct), ex, capital(rule), percent(j.Tolerance), orFigure)
	case Close:
		return fmt.Sprintf("Close: within %s of the exact value %s, but not within %s: %s (correct within %s of it or half a unit in the 4th significant figure, "+
			"close within %s or half a unit in the 3rd, but less than half the step). Keep 4 significant figures in every intermediate step.",
			distance(b.Close), ex, distance(b.Correct), rule, percent(j.Tolerance), percent(CloseTolerance))
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

// distance writes a band's width: 4 significant figures without trailing
// zeros, and the absolute floor as "1e-6".
func distance(x float64) string {
	if x <= AbsoluteFloor {
		return floorText
	}
	return short(x)
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
