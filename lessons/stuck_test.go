package lessons

import (
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// An output whose ReLU is off cannot be moved by training on its sample:
// the loss and training lessons say so instead of promising to close the
// gap, and an output that can move is not named.
func TestStuckOutputsAreNamed(t *testing.T) {
	n := &mathcore.Network{
		Sizes:        []int{2, 2, 2},
		Activations:  []mathcore.Activation{mathcore.Sigmoid, mathcore.ReLU},
		Weights:      [][][]float64{{{0.5, -1}, {0.3, 0.2}}, {{0.6, 0.4}, {-1, -1}}},
		Inputs:       []float64{0.2, 0.5},
		Targets:      []float64{0.3, 0.2},
		LearningRate: 0.1,
	}
	if got := stuckOutputs(n); len(got) != 1 || got[0] != 1 {
		t.Fatalf("stuck outputs %v, want [1] (o2: net below 0)", got)
	}
	s := NewSession(n)
	for _, id := range []string{IDLoss, IDTraining} {
		text := strings.Join(strings.Fields(testnet.PageText(lessonByID(t, id).Build(s, 100))), " ")
		if !strings.Contains(text, "out_o2 stays where it is") || strings.Contains(text, "out_o1 stays") {
			t.Errorf("%s does not name the stuck output:\n%s", id, text)
		}
		if strings.Contains(text, "Training will move the weights to close that gap.") {
			t.Errorf("%s promises to close a gap training cannot close", id)
		}
	}
	if got := stuckOutputs(mathcore.Paper()); len(got) != 0 {
		t.Errorf("the paper's network has stuck outputs %v", got)
	}
}
