package judge

import (
	"fmt"
	"math"

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
func (j *Judge) Quantities() []Quantity { return append([]Quantity(nil), j.cat.list...) }

// Lookup returns the quantity named name. Names are read leniently: case,
// spaces and underscores do not matter, "∂" stands for "d", and "ŷ" or
// "y_hat" for "out". For an unknown name the error is an
// *UnknownQuantityError listing the nearest valid names.
func (j *Judge) Lookup(name string) (Quantity, error) { return j.cat.lookup(name) }

// Exact returns the exact value of q.
func (j *Judge) Exact(q Quantity) float64 { return j.exact.value(q) }

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

// Check judges answer as a value of q against the exact value and, when it
// is not correct, diagnoses it.
func (j *Judge) Check(q Quantity, answer float64) Result {
	r := Result{Quantity: q, Answer: answer, Exact: j.Exact(q)}
	r.Verdict = Grade(answer, r.Exact, j.Tolerance)
	if r.Verdict != Correct {
		if d, ok := j.Diagnose(q, answer); ok {
			r.Diagnosis = &d
		}
	}
	r.Explanation = j.explain(r)
	return r
}

func (j *Judge) explain(r Result) string {
	ex := sig(r.Exact)
	pct := percent(j.Tolerance)
	var s string
	switch r.Verdict {
	case Correct:
		s = fmt.Sprintf("Correct: within %s of the exact value %s.", pct, ex)
	case Close:
		s = fmt.Sprintf("Close: within 5%% but not %s of the exact value %s. Keep 4 significant figures in every intermediate step.", pct, ex)
	default:
		s = fmt.Sprintf("Incorrect: the exact value is %s.", ex)
	}
	switch {
	case r.Diagnosis != nil:
		s += " " + r.Diagnosis.Explanation
	case r.Verdict == Incorrect:
		s += " No common slip explains " + sig(r.Answer) + "; compare each step of the worked chain with the exact one."
	}
	return s
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
