package lessons

import (
	"strings"
	"testing"

	"nnmath/mathcore"
)

// hasResult reports whether some step's formula line reads "name = ... = want".
func hasResult(p Page, name, want string) bool {
	for _, st := range p.Steps {
		if strings.HasPrefix(st.Formula, name+" = ") && st.Result == want {
			return true
		}
	}
	return false
}

func TestChainOutputShowsExactGradient(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w9, _ := s.Net.ParamByLabel("w9")
	p := lessonByID(t, IDChainOutput).Build(s, 80)
	if want := s.F(s.Trace.Gradient(w9)); !hasResult(p, "dJ/dw9", want) || want != "-0.04927" {
		t.Errorf("chain-output does not show dJ/dw9 = %s", want)
	}
	if !noteHas(p, "-0.033") {
		t.Error("chain-output lacks the paper's -0.033 note")
	}
	// The paper's shape with other values: the slips in formulas stay, the
	// paper's printed numbers go.
	s.Change(func(n *mathcore.Network) { n.Weights[1][0][0] = 0.7 })
	p = lessonByID(t, IDChainOutput).Build(s, 80)
	for _, printed := range []string{"0.64", "-0.36", "0.2306", "0.2304", "0.407", "-0.033", "0.603"} {
		if noteHas(p, printed) {
			t.Errorf("edited network: a note quotes the paper's %s", printed)
		}
	}
	for _, slip := range []string{"1/2·(y - out)^2", "e^x/(1 + e^x)", "net_h1 and net_h2"} {
		if !noteHas(p, slip) {
			t.Errorf("edited network of the paper's shape: the note on %q is gone", slip)
		}
	}
	// Another shape: no notes.
	s = NewSession(network(t, "2-2-2 biases"))
	for _, id := range []string{IDChainOutput, IDChainHidden, IDUpdate, IDSigmoid, IDLoss} {
		if noteHas(lessonByID(t, id).Build(s, 80), "") {
			t.Errorf("%s: notes shown for a network that is not the paper's shape", id)
		}
	}
}

func noteHas(p Page, sub string) bool {
	for _, st := range p.Steps {
		if st.Note != "" && strings.Contains(st.Note, sub) {
			return true
		}
	}
	return false
}

func TestChainHiddenShowsSelectedGradient(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w1 := mathcore.Param{}
	p := lessonByID(t, IDChainHidden).Build(s, 80)
	if want := s.F(s.Trace.Gradient(w1)); !hasResult(p, "dJ/dw1", want) || want != "-0.006017" {
		t.Errorf("chain-hidden does not show dJ/dw1 = %s", want)
	}
	if !noteHas(p, "-1") {
		t.Error("chain-hidden lacks the paper's dJ/dout = -1 note")
	}
	s.SelectParam(1) // w2
	w2, _ := s.Net.ParamByLabel("w2")
	p = lessonByID(t, IDChainHidden).Build(s, 80)
	if want := s.F(s.Trace.Gradient(w2)); !hasResult(p, "dJ/dw2", want) {
		t.Errorf("after SelectParam chain-hidden does not show dJ/dw2 = %s", want)
	}
	// Several paths: the sum over paths; every parameter of every network.
	for _, name := range learningNetNames {
		s := NewSession(network(t, name))
		for range s.Net.Params() {
			p := lessonByID(t, IDChainHidden).Build(s, 80)
			sel := s.selected()
			if p.Skip != "" {
				if s.ParamChoices() != 1 || s.Net.Layers() != 2 || !strings.Contains(strings.ToLower(p.Skip), "lesson 9") {
					t.Errorf("%s: chain-hidden skipped: %q", name, p.Skip)
				}
				continue
			}
			if want := s.F(s.Trace.Gradient(sel)); !hasResult(p, "dJ/d"+s.Net.ParamLabel(sel), want) {
				t.Errorf("%s: chain for %s does not end in %s", name, s.Net.ParamLabel(sel), want)
			}
			s.SelectParam(1)
		}
	}
}

func TestChainLayerByLayerBeyondMaxPaths(t *testing.T) {
	// 2-9-9-2: w1 has 9·2 = 18 paths; 2-8-8-8-2 has 8·8·2 = 128 > MaxChainPaths.
	sizes := []int{2, 8, 8, 8, 2}
	n := &mathcore.Network{Sizes: sizes, Loss: mathcore.HalfSSE, Inputs: []float64{0.3, 0.7}, Targets: []float64{1, 0}, LearningRate: 0.1}
	for l := 0; l+1 < len(sizes); l++ {
		n.Activations = append(n.Activations, mathcore.Sigmoid)
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = float64((i+2*j+l)%7-3) / 10
			}
		}
		n.Weights = append(n.Weights, m)
	}
	s := NewSession(n)
	p := lessonByID(t, IDChainHidden).Build(s, 80)
	if want := s.F(s.Trace.Gradient(mathcore.Param{})); !hasResult(p, "dJ/dw1", want) {
		t.Errorf("layer-by-layer chain does not end in dJ/dw1 = %s", want)
	}
	checkPage(t, "2-8-8-8-2", p, 80)
}
