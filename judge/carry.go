package judge

import (
	"fmt"
	"strings"
)

// CheckCarried judges answer for q as Check does and, when it is not
// correct for the exact values, also against the value q takes when the
// learner's earlier answers (quantity name -> value, such as "out_h1" ->
// 0.407) replace the exact values they stand for: error carried forward.
// An answer right for those earlier answers is accepted: Verdict is
// Correct, Carried is set and the explanation says so, so that one early
// slip is not punished again at every later step.
//
// Earlier answers for q itself, or for quantities q does not depend on,
// change nothing. An unknown name is an *UnknownQuantityError; a value
// that is NaN or infinite is an error.
func (j *Judge) CheckCarried(q Quantity, answer float64, earlier map[string]float64) (Result, error) {
	over, err := j.overrides(q, earlier)
	if err != nil {
		return Result{}, err
	}
	res := j.Check(q, answer)
	if res.Verdict == Correct || len(over) == 0 {
		return res, nil
	}
	carried := evaluate(j.net, &rules{over: over}).value(q)
	if !j.matches(q, answer, carried) {
		return res, nil
	}
	// The earlier answers that matter: leaving one out changes the carried value.
	var used []string
	for _, e := range j.cat.quantities() {
		v, ok := over[e.key()]
		if !ok {
			continue
		}
		without := make(map[key]float64, len(over))
		for k, x := range over {
			if k != e.key() {
				without[k] = x
			}
		}
		if evaluate(j.net, &rules{over: without}).value(q) != carried {
			used = append(used, e.Name+" = "+sig(v))
			res.CarriedFrom = append(res.CarriedFrom, e.Name)
		}
	}
	if len(used) == 0 { // each is redundant with another: name them all
		for _, e := range j.cat.quantities() {
			if v, ok := over[e.key()]; ok {
				used = append(used, e.Name+" = "+sig(v))
				res.CarriedFrom = append(res.CarriedFrom, e.Name)
			}
		}
	}
	res.Verdict, res.Carried, res.CarriedValue, res.Diagnosis = Correct, true, carried, nil
	res.Explanation = fmt.Sprintf("Correct for your earlier answers (%s): with them %s = %s (error carried forward). "+
		"The exact value is %s; the slip lies in an earlier step.",
		strings.Join(used, ", "), q.Name, sig(carried), sig(res.Exact))
	return res, nil
}

// overrides turns the learner's earlier answers into values that replace
// the exact ones, leaving out q itself.
func (j *Judge) overrides(q Quantity, earlier map[string]float64) (map[key]float64, error) {
	over := map[key]float64{}
	for name, v := range earlier {
		e, err := j.Lookup(name)
		if err != nil {
			return nil, err
		}
		if !finite(v) {
			return nil, fmt.Errorf("judge: the earlier answer for %s is not a finite number", e.Name)
		}
		if e.key() != q.key() {
			over[e.key()] = v
		}
	}
	return over, nil
}
