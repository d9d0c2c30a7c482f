package judge

import (
	"fmt"
	"math"

	"nnmath/mathcore"
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
func (j *Judge) Quantities() []Quantity { return append([]Quantity(nil), j.cat.quantities()...) }

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
// gets a diagnosis only when a slip gives it at least five times more
// nearly than the exact value does (otherwise it is the rounding of a
// right computation); a new value rounded to too few figures to show its
// step gets none (the explanation says to write more).
func (j *Judge) Check(q Quantity, answer float64) Result {
	r := Result{Quantity: q, Answer: answer, Exact: j.Exact(q)}
	r.Verdict = j.Grade(q, answer, r.Exact)
	if r.Verdict == Incorrect && j.tooFewFigures(q, answer) {
		r.Verdict = Close // the exact value, rounded too far to show the step
	}
	switch {
	case r.Verdict == Incorrect:
		if d, ok := j.Diagnose(q, answer); ok {
			r.Diagnosis = &d
		}
	case r.Verdict == Close && !j.tooFewFigures(q, answer):
		// A close answer is a rounding of the right computation, unless a
		// slip gives it far more nearly than the exact value does.
		if d, ok := j.diagnose(q, answer, math.Abs(answer-r.Exact)/5); ok {
			r.Diagnosis = &d
		}
	}
	r.Explanation = j.explain(r)
	return r
}
