package judge

import (
	"errors"
	"math"
	"strings"
	"testing"

	"nnmath/mathcore"
)

func TestErrorCarriedForward(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	dw9 := mustLookup(t, j, "dJ/dw9")
	s := mathcore.SigmoidOf

	// The learner wrote out_h1 = 0.407 and out = 0.64; from those dJ/dw9 is
	// -(1 - 0.64) · 0.64 · 0.36 · 0.407.
	want := -(1 - 0.64) * 0.64 * 0.36 * 0.407
	res, err := j.CheckCarried(dw9, want, map[string]float64{"out_h1": 0.407, "out": 0.64})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Correct || !res.Carried || math.Abs(res.CarriedValue-want) > 1e-12 ||
		!strings.Contains(res.Explanation, "carried forward") || len(res.CarriedFrom) != 2 {
		t.Errorf("carried: %+v", res)
	}

	// Only out_h1 given: out follows from it.
	out := s(0.6*0.407 + 0.4*s(0.1766))
	want = -(1 - out) * out * (1 - out) * 0.407
	res, _ = j.CheckCarried(dw9, want, map[string]float64{"out_h1": 0.407})
	if !res.Carried || res.Verdict != Correct || res.CarriedFrom[0] != "out_h1" {
		t.Errorf("carried from out_h1 alone: %+v", res)
	}

	// A new weight from the learner's own gradient.
	res, _ = j.CheckCarried(mustLookup(t, j, "w9_new"), 0.6-0.1*(-0.5), map[string]float64{"dJ/dw9": -0.5, "net_h1": 9})
	if !res.Carried || len(res.CarriedFrom) != 1 || res.CarriedFrom[0] != "dJ/dw9" {
		t.Errorf("w9_new from dJ/dw9: %+v", res)
	}

	// A hidden gradient from the learner's dJ/dout (any alias) and slope.
	want = -1 * 0.2304 * 0.6 * 0.2414 * 0.5
	res, _ = j.CheckCarried(mustLookup(t, j, "dJ/dw1"), want, map[string]float64{"dJ/dŷ": -1, "dout/dnet_o": 0.2304, "dout_h1/dnet_h1": 0.2414})
	if !res.Carried {
		t.Errorf("dJ/dw1 from factors: %+v", res)
	}

	// Right for the exact values: plain correct, nothing carried.
	res, _ = j.CheckCarried(dw9, -0.0493, map[string]float64{"out_h1": 0.407})
	if res.Verdict != Correct || res.Carried {
		t.Errorf("exact answer: %+v", res)
	}
	// Wrong for both: not accepted, and still diagnosed.
	res, _ = j.CheckCarried(mustLookup(t, j, "dJ/dw1"), -0.0167, map[string]float64{"out_h1": 0.5929})
	if res.Verdict == Correct || res.Carried || res.Diagnosis == nil || res.Diagnosis.Slip != DJdoutMinusOne {
		t.Errorf("wrong for both: %+v", res)
	}
	// An earlier answer for the quantity itself is ignored.
	res, _ = j.CheckCarried(dw9, -0.1, map[string]float64{"dJ/dw9": -0.1})
	if res.Verdict == Correct {
		t.Error("the answer itself was carried")
	}
	// Bad earlier answers.
	var u *UnknownQuantityError
	if _, err := j.CheckCarried(dw9, 0, map[string]float64{"out_h9": 1}); !errors.As(err, &u) {
		t.Errorf("unknown earlier name: %v", err)
	}
	if _, err := j.CheckCarried(dw9, 0, map[string]float64{"out_h1": math.NaN()}); err == nil {
		t.Error("NaN earlier answer accepted")
	}
}

func TestCarriedOnRandomNetworks(t *testing.T) {
	// Perturbing one forward value and recomputing by hand through mathcore
	// (a network whose hidden output is forced) must agree with CheckCarried.
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		if n.Output() != 2 {
			continue
		}
		// Replace out_h1 by 0.3 and compute dJ/dw of every output weight from h1.
		tr := mathcore.NewTrace(n)
		tr.Compute(n)
		hidden := append([]float64(nil), tr.Out[1]...)
		hidden[0] = 0.3
		top := &mathcore.Network{Sizes: n.Sizes[1:], Activations: n.Activations[1:], Loss: n.Loss,
			Weights: n.Weights[1:], Inputs: hidden, Targets: n.Targets, LearningRate: n.LearningRate}
		if n.Biases != nil {
			top.Biases = n.Biases[1:]
		}
		tt := mathcore.NewTrace(top)
		tt.Compute(top)
		for k := range n.Sizes[2] {
			p := mathcore.Param{Layer: 1, From: 0, To: k}
			q := Quantity{Kind: KindGrad, Param: p}
			q = mustLookup(t, j, j.cat.list[j.cat.byKey[q.key()]].Name)
			want := tt.Gradient(mathcore.Param{Layer: 0, From: 0, To: k})
			res, err := j.CheckCarried(q, want, map[string]float64{n.OutSymbol(1, 0): 0.3})
			if err != nil {
				t.Fatal(err)
			}
			if GradeValue(want, res.Exact, j.Tolerance) != Correct && (!res.Carried || res.Verdict != Correct) {
				t.Errorf("%s %s: %v not carried (%+v)", label, q.Name, want, res)
			}
		}
	}
}

func TestWorkedChain(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	w := j.Chain(mustLookup(t, j, "dJ/dw1"), -0.0167, map[string]float64{"dJ/dout": -1, "out_h1": 0.407})
	if w.Formula != "dJ/dw1 = dJ/dout · dout/dnet_o · dnet_o/dout_h1 · dout_h1/dnet_h1 · dnet_h1/dw1" {
		t.Errorf("formula %q", w.Formula)
	}
	if len(w.Paths) != 1 || len(w.Paths[0]) != 5 {
		t.Fatalf("paths %+v", w.Paths)
	}
	f := w.Paths[0]
	if f[0].Name != "dJ/dout" || !f[0].HasUser || f[0].Value != -1 || math.Abs(f[0].Exact+0.3604621059) > 1e-9 {
		t.Errorf("first factor %+v", f[0])
	}
	if f[1].HasUser || f[4].Name != "" || f[4].Exact != 0.5 {
		t.Errorf("factors %+v", f)
	}
	if !w.Result.HasUser || w.Result.Value != -0.0167 || math.Abs(w.Result.Exact+0.006017092) > 1e-9 {
		t.Errorf("result %+v", w.Result)
	}
	// Every quantity of every network has a chain whose formula names it.
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		for _, q := range j.Quantities() {
			w := j.Chain(q, 0, nil)
			if !strings.HasPrefix(w.Formula, q.Name+" = ") || len(w.Paths) == 0 {
				t.Errorf("%s: %s: %q %d paths", label, q.Name, w.Formula, len(w.Paths))
			}
			if w.Sum && q.Kind == KindGrad {
				var sum float64
				for _, p := range w.Paths {
					prod := 1.0
					for _, s := range p {
						prod *= s.Exact
					}
					sum += prod
				}
				if math.Abs(sum-j.Exact(q)) > 1e-12 {
					t.Errorf("%s: %s: paths give %v, exact %v", label, q.Name, sum, j.Exact(q))
				}
			}
		}
	}
}
