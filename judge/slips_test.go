package judge

import (
	"math"
	"slices"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// chainWith returns the gradient of p rebuilt from mathcore's chain-rule
// paths with each factor replaced by f(factor): an independent way to build
// the answer a slip gives.
func chainWith(n *mathcore.Network, tr *mathcore.Trace, p mathcore.Param, f func(mathcore.Factor) float64) float64 {
	var sum float64
	for _, path := range tr.Chain(n, p).Paths {
		prod := 1.0
		for _, fac := range path.Factors {
			prod *= f(fac)
		}
		sum += prod
	}
	return sum
}

// slipCase is one wrong answer built from a slip.
type slipCase struct {
	slip   SlipID
	q      Quantity
	answer float64
}

// slipAnswers builds, for every quantity of n where a slip applies, the
// answer a learner who made that slip would give, computed from mathcore's
// trace and chains rather than from the judge's own recomputation.
func slipAnswers(n *mathcore.Network, j *Judge) []slipCase {
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	L := n.Output()
	altScale := 1 / float64(n.Sizes[L])
	scale := 0.5
	if n.Loss == mathcore.MSE {
		altScale, scale = 0.5, 1/float64(n.Sizes[L])
	}
	var cs []slipCase
	for _, q := range j.Quantities() {
		exact := j.Exact(q)
		cs = append(cs, slipCase{Sign, q, -exact})
		switch q.Kind {
		case KindNet:
			cs = append(cs, slipCase{OutForNet, q, tr.Out[q.Layer][q.Node]})
		case KindOut:
			cs = append(cs, slipCase{NetForOut, q, tr.Net[q.Layer][q.Node]})
			if n.Activations[q.Layer-1] == mathcore.Sigmoid {
				cs = append(cs, slipCase{SigmoidSign, q, mathcore.SigmoidOf(-tr.Net[q.Layer][q.Node])})
			}
		case KindLoss:
			cs = append(cs, slipCase{MSEFactor, q, tr.Loss * altScale / scale})
		case KindGrad:
			cs = append(cs, gradSlipAnswers(n, tr, q, altScale, scale)...)
		case KindNew:
			w, g := n.Value(q.Param), tr.Gradient(q.Param)
			cs = append(cs, slipCase{UpdateSign, q, w + n.LearningRate*g}, slipCase{MissingEta, q, w - g})
		}
	}
	return cs
}

// gradSlipAnswers returns the slipped answers for the gradient q, with
// altScale the other loss's factor and scale the network's.
func gradSlipAnswers(n *mathcore.Network, tr *mathcore.Trace, q Quantity, altScale, scale float64) []slipCase {
	L := n.Output()
	var cs []slipCase
	p := q.Param
	id := func(f mathcore.Factor) float64 { return f.Value }
	with := func(kind mathcore.FactorKind, v func(f mathcore.Factor) float64) float64 {
		return chainWith(n, tr, p, func(f mathcore.Factor) float64 {
			if f.Kind == kind {
				return v(f)
			}
			return id(f)
		})
	}
	cs = append(cs,
		slipCase{DJdoutMinusOne, q, with(mathcore.LossFactor, func(mathcore.Factor) float64 { return -1 })},
		slipCase{MSEFactor, q, with(mathcore.LossFactor, func(f mathcore.Factor) float64 { return f.Value * altScale / scale })},
		slipCase{MissingDerivative, q, with(mathcore.ActFactor, func(f mathcore.Factor) float64 {
			if f.Layer == L {
				return 1
			}
			return f.Value
		})},
		slipCase{DoubleDerivative, q, with(mathcore.ActFactor, func(f mathcore.Factor) float64 {
			if f.Layer == L {
				return f.Value * f.Value
			}
			return f.Value
		})},
	)
	if p.Layer+1 < L {
		cs = append(cs, slipCase{UpdatedWeight, q, with(mathcore.WeightFactor, func(f mathcore.Factor) float64 {
			return tr.NewW[f.Layer-1][f.Node][f.Source]
		})})
		for sib := range n.Sizes[p.Layer+1] {
			if sib == p.To {
				continue
			}
			cs = append(cs, slipCase{WrongPath, q, with(mathcore.WeightFactor, func(f mathcore.Factor) float64 {
				if f.Layer == p.Layer+2 {
					return n.Weights[f.Layer-1][f.Node][sib]
				}
				return f.Value
			})})
		}
	}
	if !p.Bias {
		for i2 := range n.Sizes[p.Layer] {
			if i2 != p.From {
				cs = append(cs, slipCase{WrongInput, q, with(mathcore.InputFactor, func(mathcore.Factor) float64 { return tr.Out[p.Layer][i2] })})
			}
		}
		if p.Layer >= 1 {
			cs = append(cs, slipCase{NetForOut, q, with(mathcore.InputFactor, func(mathcore.Factor) float64 { return tr.Net[p.Layer][p.From] })})
		}
		if p.Layer >= 1 && n.Activations[p.Layer-1] == mathcore.Sigmoid {
			cs = append(cs, slipCase{SigmoidSign, q, with(mathcore.InputFactor, func(mathcore.Factor) float64 { return mathcore.SigmoidOf(-tr.Net[p.Layer][p.From]) })})
		}
	}
	return cs
}

// Every wrong answer built from a slip is diagnosed as that slip, on the
// paper's network and on random ones, unless the slip leaves the value
// correct or close (then there is nothing to diagnose: a close answer is
// judged as rounding, not as a slip).
func TestEverySlipIsDiagnosed(t *testing.T) {
	tested := map[SlipID]int{}
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		for _, c := range slipAnswers(n, j) {
			if j.Grade(c.q, c.answer, j.Exact(c.q)) != Incorrect {
				continue
			}
			res := j.Check(c.q, c.answer)
			if res.Diagnosis == nil {
				t.Errorf("%s: %s = %.6g (%s) not diagnosed", label, c.q.Name, c.answer, c.slip)
				continue
			}
			d := res.Diagnosis
			got := d.Slip
			if got == PaperValue {
				got = d.Cause
			}
			if got != c.slip {
				t.Errorf("%s: %s = %.6g built from %s diagnosed as %s (also %v)", label, c.q.Name, c.answer, c.slip, d.Slip, d.Also)
				continue
			}
			if d.Explanation == "" || res.Verdict == Correct {
				t.Errorf("%s: %s: empty explanation or correct verdict", label, c.q.Name)
			}
			tested[c.slip]++
		}
	}
	for _, s := range Slips {
		if _, own := planters[s]; own && s != PaperValue && tested[s] == 0 && !slices.Contains(tableOnly, s) {
			t.Errorf("slip %s was never exercised", s)
		}
	}
	t.Logf("diagnosed per slip: %v", tested)
}

// tableOnly lists the slips that slipAnswers does not plant: TestSlipTable
// plants them.
var tableOnly = []SlipID{ActivationSlope, SwappedIndices, GradientAsWeight, WeightAsGradient, NoStep, EarlyRounding}

// allowed lists which slips may be claimed for each kind of quantity: a
// slip that cannot change a quantity must never be named for it.
var allowed = map[Kind][]SlipID{
	KindNet:          {Sign, SigmoidSign, NetForOut, OutForNet, SwappedIndices, EarlyRounding},
	KindOut:          {Sign, SigmoidSign, NetForOut, OutForNet, PaperValue, SwappedIndices, EarlyRounding},
	KindLoss:         {Sign, SigmoidSign, NetForOut, OutForNet, MSEFactor, SwappedIndices, EarlyRounding},
	KindDOut:         {Sign, SigmoidSign, NetForOut, OutForNet, MSEFactor, DJdoutMinusOne, MissingDerivative, DoubleDerivative, WrongPath, UpdatedWeight, PaperValue, ActivationSlope, SwappedIndices, EarlyRounding},
	KindDAct:         {Sign, SigmoidSign, NetForOut, OutForNet, MissingDerivative, DoubleDerivative, ActivationSlope, SwappedIndices, EarlyRounding},
	KindDelta:        {Sign, SigmoidSign, NetForOut, OutForNet, MSEFactor, DJdoutMinusOne, MissingDerivative, DoubleDerivative, WrongPath, UpdatedWeight, ActivationSlope, SwappedIndices, EarlyRounding},
	KindWeightFactor: {Sign, WrongPath, UpdatedWeight, SwappedIndices, EarlyRounding},
	KindGrad:         {Sign, SigmoidSign, NetForOut, OutForNet, MSEFactor, DJdoutMinusOne, MissingDerivative, DoubleDerivative, WrongPath, UpdatedWeight, WrongInput, PaperValue, ActivationSlope, SwappedIndices, WeightAsGradient, EarlyRounding},
	KindNew:          {Sign, SigmoidSign, NetForOut, OutForNet, MSEFactor, DJdoutMinusOne, MissingDerivative, DoubleDerivative, WrongPath, UpdatedWeight, WrongInput, UpdateSign, MissingEta, PaperValue, ActivationSlope, SwappedIndices, GradientAsWeight, NoStep, EarlyRounding},
}

func TestSlipsOnlyWhereTheyApply(t *testing.T) {
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		for _, q := range j.Quantities() {
			exact := j.Exact(q)
			for _, c := range j.candidates(q) {
				if !slices.Contains(allowed[q.Kind], c.id) {
					t.Errorf("%s: %s claims %s", label, q.Name, c.id)
				}
				if j.matches(q, c.value, exact) {
					t.Errorf("%s: %s under %s is %v, within tolerance of exact %v", label, q.Name, c.id, c.value, exact)
				}
			}
		}
	}
	// Layers without a slope: a linear output has nothing to leave out.
	n := testnet.Random(9, testnet.Spec{Sizes: []int{2, 2, 1}, Loss: mathcore.HalfSSE})
	n.Activations[1] = mathcore.Linear
	j := mustJudge(t, n)
	q := mustLookup(t, j, "dJ/dw5")
	for _, c := range j.candidates(q) {
		if (c.id == MissingDerivative || c.id == DoubleDerivative) && c.rank == 20 && c.steps[0].Symbol == "dout/dnet_o" {
			t.Errorf("linear output: %s claimed for %s", c.id, q.Name)
		}
		if c.id == SigmoidSign && len(c.steps) == 1 && c.steps[0].Symbol == "out" {
			t.Errorf("linear output: sigmoid_sign claimed at out")
		}
	}
	// An answer no slip explains gets no diagnosis.
	pj := mustJudge(t, mathcore.Paper())
	if res := pj.Check(mustLookup(t, pj, "dJ/dw9"), 0.123); res.Diagnosis != nil {
		t.Errorf("0.123 for dJ/dw9 diagnosed as %s", res.Diagnosis.Slip)
	}
}

func TestPaperSlips(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	cases := []struct {
		name        string
		answer      float64
		slip, cause SlipID
		mentions    string
	}{
		{"dJ/dw9", -0.033, PaperValue, SigmoidSign, "out_h1 = 0.407"},
		{"dJ/dw1", -0.016, PaperValue, DJdoutMinusOne, "-1"},
		{"dJ/dw1", -0.0167, DJdoutMinusOne, DJdoutMinusOne, "-1"},
		{"dJ/dw9", -0.0338, SigmoidSign, SigmoidSign, "out_h1"},
		{"out_h1", 0.407, PaperValue, SigmoidSign, "σ(-0.376)"},
		{"out_h2", 0.455, PaperValue, SigmoidSign, "σ(-0.1766)"},
		{"out_h1", 0.4071, PaperValue, SigmoidSign, "σ(-0.376)"},
		{"dJ/dout", 0.36, PaperValue, Sign, "-(y - out)"},
		{"net_o", 0.2962, NetForOut, NetForOut, "net_h1"},
		{"net_h1", 0.5929, OutForNet, OutForNet, "out_h1"},
		{"w9_new", 0.5951, UpdateSign, UpdateSign, "+"},
		{"w9_new", 0.6493, MissingEta, MissingEta, "η"},
		{"dJ/dw1", -0.004011, WrongPath, WrongPath, "w10"},
		{"dJ/dw9", -0.04521, WrongInput, WrongInput, "out_h2"},
		{"dJ/dw9", -0.09854, MSEFactor, MSEFactor, "2/n"},
		{"dJ/dw9", -0.2137, MissingDerivative, MissingDerivative, "left out"},
	}
	for _, c := range cases {
		res := j.Check(mustLookup(t, j, c.name), c.answer)
		d := res.Diagnosis
		if d == nil {
			t.Errorf("%s = %v: no diagnosis (exact %v)", c.name, c.answer, res.Exact)
			continue
		}
		if d.Slip != c.slip || d.Cause != c.cause || !strings.Contains(d.Explanation, c.mentions) {
			t.Errorf("%s = %v: %s (cause %s, also %v): %s", c.name, c.answer, d.Slip, d.Cause, d.Also, d.Explanation)
		}
	}
	// The paper's values are only the paper's on its network.
	n := mathcore.Paper()
	n.Weights[1][0][1] = 0.41
	other := mustJudge(t, n)
	if res := other.Check(mustLookup(t, other, "dJ/dw9"), -0.033); res.Diagnosis != nil && res.Diagnosis.Slip == PaperValue {
		t.Error("paper_value claimed for another network")
	}
}

func TestSeveralMatchesPreferTheSpecific(t *testing.T) {
	// On the paper's network dJ/dw7 is 0 (i4 = 0); a 0.455 for out_h2 is both
	// the paper's value and sigma(-x): the paper is named, the other listed,
	// and the explanation, which names the paper's sign slip, says it once.
	j := mustJudge(t, mathcore.Paper())
	res := j.Check(mustLookup(t, j, "out_h2"), 0.455)
	if res.Diagnosis == nil || res.Diagnosis.Slip != PaperValue || !slices.Contains(res.Diagnosis.Also, SigmoidSign) ||
		strings.Contains(res.Explanation, "also comes from") || !strings.Contains(res.Explanation, "sign slip") {
		t.Errorf("out_h2 = 0.455: %+v", res.Diagnosis)
	}
	// Flipping dJ/dout flips the update's step: update_sign is the specific name.
	res = j.Check(mustLookup(t, j, "w9_new"), 0.6-0.1*0.0492688944)
	if res.Diagnosis == nil || res.Diagnosis.Slip != UpdateSign {
		t.Errorf("w9_new with + : %+v", res.Diagnosis)
	}
}

func TestDiagnoseNeverOnNaN(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	q := mustLookup(t, j, "dJ/dw9")
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := j.Diagnose(q, x); ok {
			t.Errorf("diagnosed %v", x)
		}
		if res := j.Check(q, x); res.Verdict != Incorrect || strings.Contains(res.Explanation, "NaN") {
			t.Errorf("Check(%v) = %v %q", x, res.Verdict, res.Explanation)
		}
	}
}

// An explanation names the paper only on the paper's network.
func TestExplanationsNameThePaperOnlyOnItsNetwork(t *testing.T) {
	n := mathcore.Paper()
	n.Targets[0] = 0.9 // the paper's shape, not its values
	for _, net := range []*mathcore.Network{n, testnet.TwoTwoTwo()} {
		j := mustJudge(t, net)
		q := mustLookup(t, j, "dJ/dw1")
		for _, e := range []float64{j.Exact(q), -j.Exact(q)} {
			for _, scale := range []float64{1, -1 / j.Exact(mustLookup(t, j, "dJ/d"+net.OutSymbol(net.Output(), 0))), 2} {
				res := j.Check(q, e*scale)
				if strings.Contains(strings.ToLower(res.Explanation), "paper") {
					t.Errorf("%s: dJ/dw1 = %v: %s", net.Name, e*scale, res.Explanation)
				}
			}
		}
	}
}
