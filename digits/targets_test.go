package digits

import (
	"fmt"
	"os"
	"testing"
	"time"

	"nnmath/mnist"
)

// TestDefaultTrainingMeetsTargets trains both default networks on all
// 60,000 images and checks the targets on the 10,000 test images: F1 of
// "4" at least 0.96 with one output, accuracy at least 96% with ten. It is
// heavy, so it runs only when NNMATH_TRAIN=1, in its own step of .ci/run
// without the race detector.
func TestDefaultTrainingMeetsTargets(t *testing.T) {
	if os.Getenv("NNMATH_TRAIN") != "1" {
		t.Skip("set NNMATH_TRAIN=1 to train on all 60,000 images")
	}
	d, err := mnist.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, outputs := range []int{1, 10} {
		cfg := DefaultConfig(outputs)
		tr, err := NewTrainer(&d.Train, cfg)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		var r *Report
		for !tr.Done() {
			for !tr.Train(len(tr.order)) {
			}
			loss := tr.FinishEpoch()
			r = Evaluate(tr.Net(), &d.Test, 0)
			f1 := "" // "Which digit?" has no F1 of its own
			if outputs == 1 {
				f1 = fmt.Sprintf(", F1 of 4 %.4f", r.F1)
			}
			t.Logf("outputs %d, epoch %d: loss %.5f, accuracy %.4f%s (%v)",
				outputs, tr.Epoch(), loss, r.Accuracy, f1, time.Since(start).Round(time.Millisecond))
		}
		if outputs == 1 && r.F1 < 0.96 {
			t.Errorf("Is it a 4?: F1 of 4 is %.4f, want at least 0.96", r.F1)
		}
		if outputs == 10 && r.Accuracy < 0.96 {
			t.Errorf("Which digit?: accuracy is %.4f, want at least 0.96", r.Accuracy)
		}
	}
}
