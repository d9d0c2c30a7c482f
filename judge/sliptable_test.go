package judge

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// planter builds, for every quantity of n where the slip applies, the
// answers a learner who makes it gives, without the judge's rules.
type planter func(n *mathcore.Network, j *Judge) []slipCase

// planters holds a planter for every slip of slipRules: TestSlipTable
// fails for a slip without one.
var planters = map[SlipID]planter{
	Sign: fromSlipAnswers(Sign), SigmoidSign: fromSlipAnswers(SigmoidSign), NetForOut: fromSlipAnswers(NetForOut),
	OutForNet: fromSlipAnswers(OutForNet), MissingDerivative: fromSlipAnswers(MissingDerivative),
	DoubleDerivative: fromSlipAnswers(DoubleDerivative), DJdoutMinusOne: fromSlipAnswers(DJdoutMinusOne),
	WrongPath: fromSlipAnswers(WrongPath), UpdatedWeight: fromSlipAnswers(UpdatedWeight),
	UpdateSign: fromSlipAnswers(UpdateSign), MissingEta: fromSlipAnswers(MissingEta), WrongInput: fromSlipAnswers(WrongInput),
	PaperValue:       plantPaper,
	MSEFactor:        plantMSEFactor,
	ActivationSlope:  plantSlope,
	SwappedIndices:   plantSwapped,
	GradientAsWeight: plantGradientAsWeight,
	WeightAsGradient: plantWeightAsGradient,
	NoStep:           plantNoStep,
	EarlyRounding:    plantRounding,
}

func fromSlipAnswers(id SlipID) planter {
	return func(n *mathcore.Network, j *Judge) []slipCase {
		var cs []slipCase
		for _, c := range slipAnswers(n, j) {
			if c.slip == id {
				cs = append(cs, c)
			}
		}
		return cs
	}
}

// plantPass plants the answers of a reference pass under o for every
// quantity.
func plantPass(id SlipID, n *mathcore.Network, j *Judge, o refOpts) []slipCase {
	p := newRef(n, o)
	var cs []slipCase
	for _, q := range j.Quantities() {
		cs = append(cs, slipCase{id, q, p.value(q, o)})
	}
	return cs
}

// plantPaper plants the numbers the paper printed, on its network.
func plantPaper(n *mathcore.Network, j *Judge) []slipCase {
	if !mathcore.IsPaper(n) {
		return nil
	}
	var cs []slipCase
	for name, v := range map[string]float64{"out_h1": 0.407, "dJ/dw9": -0.033, "dJ/dw1": -0.016, "w9_new": 0.603} {
		q, err := j.Lookup(name)
		if err != nil {
			panic(err)
		}
		cs = append(cs, slipCase{PaperValue, q, v})
	}
	return cs
}

func plantMSEFactor(n *mathcore.Network, j *Judge) []slipCase {
	out := float64(n.Sizes[n.Output()])
	var cs []slipCase
	for _, f := range []float64{1, 2, 1 / out, 2 / out} {
		cs = append(cs, plantPass(MSEFactor, n, j, refOpts{factor: f})...)
	}
	return cs
}

// plantSlope uses a wrong slope at every node of one activation.
func plantSlope(n *mathcore.Network, j *Judge) []slipCase {
	wrong := map[mathcore.Activation][]func(net, out float64) float64{
		mathcore.Sigmoid: {func(_, out float64) float64 { return out }},
		mathcore.Tanh:    {func(_, out float64) float64 { return 1 - out }, func(_, out float64) float64 { return out * (1 - out) }},
		mathcore.ReLU: {
			func(net, _ float64) float64 { return map[bool]float64{true: 0, false: 1}[net > 0] },
			func(float64, float64) float64 { return 0 },
			func(float64, float64) float64 { return 1 },
		},
	}
	var cs []slipCase
	for act, fs := range wrong {
		if !slices.Contains(n.Activations, act) {
			continue
		}
		for _, f := range fs {
			cs = append(cs, plantPass(ActivationSlope, n, j, refOpts{slope: func(a mathcore.Activation, _, _ int, net, out float64) (float64, bool) {
				return f(net, out), a == act
			}})...)
		}
	}
	return cs
}

// plantSwapped transposes the weights of one layer in the forward or the
// backward pass.
func plantSwapped(n *mathcore.Network, j *Judge) []slipCase {
	var cs []slipCase
	for l := range n.Weights {
		swap := func(ll, k, jj int) (float64, bool) {
			if ll != l || jj >= n.Sizes[l+1] || k >= n.Sizes[l] {
				return 0, false
			}
			return n.Weights[l][jj][k], true
		}
		cs = append(cs, plantPass(SwappedIndices, n, j, refOpts{fwd: swap})...)
		if l >= 1 {
			cs = append(cs, plantPass(SwappedIndices, n, j, refOpts{back: swap})...)
		}
	}
	return cs
}

func plantGradientAsWeight(n *mathcore.Network, j *Judge) []slipCase {
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	var cs []slipCase
	for _, q := range j.Quantities() {
		if q.Kind == KindNew {
			cs = append(cs, slipCase{GradientAsWeight, q, tr.Gradient(q.Param)})
		}
	}
	return cs
}

func plantWeightAsGradient(n *mathcore.Network, j *Judge) []slipCase {
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	var cs []slipCase
	for _, q := range j.Quantities() {
		if q.Kind == KindGrad {
			cs = append(cs, slipCase{WeightAsGradient, q, n.Value(q.Param) - n.LearningRate*tr.Gradient(q.Param)})
		}
	}
	return cs
}

func plantNoStep(n *mathcore.Network, j *Judge) []slipCase {
	var cs []slipCase
	for _, q := range j.Quantities() {
		if q.Kind == KindNew {
			cs = append(cs, slipCase{NoStep, q, n.Value(q.Param)})
		}
	}
	return cs
}

// plantRounding rounds every intermediate to 2 or 3 decimals, and writes a
// tiny value as 0 (0.0000).
func plantRounding(n *mathcore.Network, j *Judge) []slipCase {
	var cs []slipCase
	for d := 2; d <= 3; d++ {
		cs = append(cs, plantPass(EarlyRounding, n, j, refOpts{round: d})...)
	}
	for _, q := range j.Quantities() {
		if x := j.Exact(q); x != 0 && math.Abs(x) < 5e-5 {
			cs = append(cs, slipCase{EarlyRounding, q, 0})
		}
	}
	return cs
}

// judgeNetworks returns the paper's network, the issue's five and count
// random networks of every kind in testnet.JudgeKinds, by kind.
func judgeNetworks(count int) map[string][]*mathcore.Network {
	nets := map[string][]*mathcore.Network{}
	for name, n := range testnet.IssueNetworks(12) {
		nets[name] = append(nets[name], n)
	}
	for _, k := range testnet.JudgeKinds() {
		for seed := range uint64(count) {
			nets[k.Name] = append(nets[k.Name], testnet.Random(100+seed, k.Spec))
		}
	}
	return nets
}

// plantOutcome is how the judge took one planted wrong answer.
type plantOutcome int

const (
	plantSkipped  plantOutcome = iota // not wrong: within the tolerance of the exact value
	plantNamed                        // the planted slip named
	plantAlso                         // another slip named, the planted one among the others that fit
	plantMissed                       // a wrong answer without the planted slip
	plantAccepted                     // a wrong answer judged correct
)

// judgePlanted checks one planted answer.
func judgePlanted(j *Judge, c slipCase) (plantOutcome, Result) {
	exact := j.Exact(c.q)
	if !finite(c.answer) || j.Grade(c.q, c.answer, exact) == Correct || c.answer == exact {
		return plantSkipped, Result{}
	}
	if c.q.Kind == KindNew && j.tooFewFigures(c.q, c.answer) {
		return plantSkipped, Result{} // the new value rounded: a precision problem, graded close
	}
	res := j.Check(c.q, c.answer)
	switch d := res.Diagnosis; {
	case res.Verdict == Correct:
		return plantAccepted, res
	case d == nil:
		return plantMissed, res
	case d.Slip == c.slip || (d.Slip == PaperValue && d.Cause == c.slip):
		return plantNamed, res
	case slices.Contains(d.Also, c.slip):
		return plantAlso, res
	}
	return plantMissed, res
}

// TestSlipTable walks slipRules: every slip in it has a planter, and is
// named on several networks of different kinds (the paper's value, on
// the paper's network alone).
func TestSlipTable(t *testing.T) {
	nets := judgeNetworks(2)
	for _, id := range tableIDs() {
		plant, ok := planters[id]
		if !ok {
			t.Errorf("slip %s is in slipRules but no test plants it: add a planter to planters", id)
			continue
		}
		kinds := map[string]int{}
		for kind, ns := range nets {
			for _, n := range ns {
				j := mustJudge(t, n)
				for _, c := range plant(n, j) {
					out, res := judgePlanted(j, c)
					switch out {
					case plantNamed:
						kinds[kind]++
					case plantAccepted:
						t.Errorf("%s: %s = %v (%s) accepted: %s", kind, c.q.Name, c.answer, id, res.Explanation)
					}
				}
			}
		}
		want := 3
		if id == PaperValue {
			want = 1
		}
		if len(kinds) < want {
			t.Errorf("slip %s named on %d kinds of network %v, want at least %d", id, len(kinds), kinds, want)
		}
	}
}

// tableIDs returns the ids of slipRules, each once, in table order.
func tableIDs() []SlipID {
	var ids []SlipID
	for _, r := range slipRules {
		if !slices.Contains(ids, r.id) {
			ids = append(ids, r.id)
		}
	}
	return ids
}

// TestTypicalWrongAnswers: on the issue's networks and random networks of
// every kind, at least 90% of the typical wrong answers (every slip
// planted at every quantity) are named with the planted slip, and none is
// accepted.
func TestTypicalWrongAnswers(t *testing.T) {
	counts := map[plantOutcome]int{}
	perSlip := map[SlipID][2]int{}
	for kind, ns := range judgeNetworks(4) {
		for _, n := range ns {
			j := mustJudge(t, n)
			for _, id := range tableIDs() {
				for _, c := range planters[id](n, j) {
					out, res := judgePlanted(j, c)
					counts[out]++
					if out == plantSkipped {
						continue
					}
					ps := perSlip[id]
					ps[1]++
					if out == plantNamed || out == plantAlso {
						ps[0]++
					}
					perSlip[id] = ps
					if out == plantAccepted {
						t.Errorf("%s: %s = %v (%s) accepted: %s", kind, c.q.Name, c.answer, id, res.Explanation)
					}
					if testing.Verbose() && out == plantMissed {
						slip := SlipID("none")
						if res.Diagnosis != nil {
							slip = res.Diagnosis.Slip
						}
						t.Logf("missed %s: %s = %.6g (exact %.6g) planted %s, named %s", kind, c.q.Name, c.answer, res.Exact, id, slip)
					}
				}
			}
		}
	}
	wrong := counts[plantNamed] + counts[plantAlso] + counts[plantMissed] + counts[plantAccepted]
	rate := float64(counts[plantNamed]+counts[plantAlso]) / float64(wrong)
	named := float64(counts[plantNamed]) / float64(wrong)
	t.Logf("%d typical wrong answers: %.1f%% named (%.1f%% as the first slip), %d missed, %d accepted",
		wrong, 100*rate, 100*named, counts[plantMissed], counts[plantAccepted])
	for id, ps := range perSlip {
		t.Logf("  %-20s %s", id, fmt.Sprintf("%d/%d", ps[0], ps[1]))
	}
	if rate < 0.9 {
		t.Errorf("%.1f%% of typical wrong answers named, want at least 90%%", 100*rate)
	}
}
