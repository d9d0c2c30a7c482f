package lessons

import (
	"math"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// overflowNet parses a network file for the overflow tests.
func overflowNet(t *testing.T, file string) *mathcore.Network {
	t.Helper()
	n, err := mathcore.ParseNetwork([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// finiteParams reports whether every parameter of n is a finite number.
func finiteParams(n *mathcore.Network) bool {
	for _, p := range n.Params() {
		if v := n.Value(p); math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func TestSetFieldRefusesOverflow(t *testing.T) {
	// out = w2 · w1 · i1 = 1e300 once w2 is 1: the loss overflows.
	s := NewSession(overflowNet(t, `{"layers":[1,1,1],"activation":"linear",
		"weights":[[[1e300]],[[1e-300]]],"inputs":[1],"targets":[1]}`))
	before := s.Net.Clone()
	w2 := Fields(s.Net)[2]
	err := s.Edit(w2, "1")
	if err == nil || !strings.Contains(err.Error(), "overflows") || !strings.Contains(err.Error(), "w2") {
		t.Errorf("w2 = 1: error %v, want one that says the values overflow", err)
	}
	if s.Net.Weights[1][0][0] != before.Weights[1][0][0] {
		t.Error("a refused edit changed w2")
	}
}

func TestApplyUpdateStopsBeforeOverflow(t *testing.T) {
	// Each step multiplies w by -9: the loss overflows after a few steps.
	s := NewSession(overflowNet(t, `{"layers":[1,1],"activation":"linear","weights":[[[1e150]]],
		"inputs":[1],"targets":[0],"learning_rate":10}`))
	var err error
	steps := 0
	for ; steps < 50 && err == nil; steps++ {
		err = s.ApplyUpdate()
	}
	if err == nil || !strings.Contains(err.Error(), "diverged") {
		t.Fatalf("50 steps of a diverging update: error %v", err)
	}
	if !finiteParams(s.Net) || s.Updates.Steps() != steps-1 {
		t.Errorf("after the refused step: w = %v, %d steps counted, want %d", s.Net.Weights, s.Updates.Steps(), steps-1)
	}
}

func TestTrainingStopsWhenItDiverges(t *testing.T) {
	s := NewSession(overflowNet(t, `{"layers":[1,1],"activation":"linear","weights":[[[0.5]]],
		"inputs":[2],"targets":[0],"learning_rate":10}`))
	s.StartTraining()
	for range TrainLimit {
		if !s.TrainTick() {
			break
		}
	}
	tr := s.Training
	if !tr.Diverged || tr.Running || !tr.Done() {
		t.Fatalf("diverged %v running %v done %v after %d steps", tr.Diverged, tr.Running, tr.Done(), tr.Steps())
	}
	if !finiteParams(tr.Net) {
		t.Errorf("the trained network holds non-finite weights: %v", tr.Net.Weights)
	}
	for _, l := range tr.Losses {
		if math.IsNaN(l) || math.IsInf(l, 0) {
			t.Fatalf("a loss of %v was recorded", l)
		}
	}
	_, text := testnet.PageFigures(lessonByID(t, IDTraining).Build(s, 80))
	if all := strings.Join(text, "\n"); !strings.Contains(all, "Diverged after") || strings.Contains(all, "NaN") {
		t.Errorf("the training lesson after diverging:\n%s", all)
	}
}
