package digits

import (
	"math"
	"slices"
	"strings"
	"testing"

	"nnmath/mathcore"
	"nnmath/mnist"
)

// subset returns the first count training images.
func subset(t testing.TB, count int) *mnist.Set {
	t.Helper()
	d, err := mnist.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &mnist.Set{Images: d.Train.Images[:count*mnist.Pixels], Labels: d.Train.Labels[:count]}
}

// TestSameNumbersOnAnyNumberOfWorkers trains the same configuration on 1,
// 2, 3 and 5 workers and wants every weight equal to the last bit.
func TestSameNumbersOnAnyNumberOfWorkers(t *testing.T) {
	set := subset(t, 700)
	for _, outputs := range []int{1, 10} {
		var first *Net
		var firstLoss float64
		for _, workers := range []int{1, 2, 3, 5} {
			cfg := Config{Hidden: 37, Outputs: outputs, Epochs: 2, LearningRate: 3, Batch: 13, Seed: 7, Workers: workers}
			tr, err := NewTrainer(set, cfg)
			if err != nil {
				t.Fatal(err)
			}
			var loss float64
			for !tr.Done() {
				for !tr.Train(100) {
				}
				loss = tr.FinishEpoch()
			}
			if first == nil {
				first, firstLoss = tr.Net().Clone(), loss
				continue
			}
			n := tr.Net()
			if !slices.Equal(n.W1, first.W1) || !slices.Equal(n.B1, first.B1) ||
				!slices.Equal(n.W2, first.W2) || !slices.Equal(n.B2, first.B2) || loss != firstLoss {
				t.Errorf("outputs %d: %d workers give other numbers than 1 worker", outputs, workers)
			}
		}
	}
}

// TestStepMatchesMathcore checks one mini-batch step against mathcore's
// own forward pass, backward pass and update (on the network file's form
// of the Net): the new weights are the old ones minus η times the average
// of the images' gradients.
func TestStepMatchesMathcore(t *testing.T) {
	set := subset(t, 50)
	for _, outputs := range []int{1, 10} {
		cfg := Config{Hidden: 5, Outputs: outputs, Epochs: 1, LearningRate: 0.5, Batch: 3, Seed: 3, Workers: 2}
		tr, err := NewTrainer(set, cfg)
		if err != nil {
			t.Fatal(err)
		}
		batch := append([]int32(nil), tr.order[:cfg.Batch]...)
		x := make([]float64, Inputs)
		before := tr.Net().Network(x, 0, cfg.LearningRate)
		tr.Train(1)
		after := tr.Net().Network(x, 0, cfg.LearningRate)

		want := before.Clone()
		tc := mathcore.NewTrace(before)
		var loss float64
		for _, k := range batch {
			Darkness(before.Inputs, set.Image(int(k)))
			Targets(before.Targets, int(set.Labels[k]))
			tc.Compute(before)
			loss += tc.Loss
			for l := range want.Weights {
				for j := range want.Weights[l] {
					for i := range want.Weights[l][j] {
						want.Weights[l][j][i] -= cfg.LearningRate * tc.GradW[l][j][i] / float64(cfg.Batch)
					}
					want.Biases[l][j] -= cfg.LearningRate * tc.GradB[l][j] / float64(cfg.Batch)
				}
			}
		}
		if got := tr.AverageLoss(); math.Abs(got-loss/3) > 1e-12 {
			t.Errorf("outputs %d: average loss %v, mathcore says %v", outputs, got, loss/3)
		}
		for l := range want.Weights {
			for j := range want.Weights[l] {
				for i, w := range want.Weights[l][j] {
					if math.Abs(after.Weights[l][j][i]-w) > 1e-12 {
						t.Fatalf("outputs %d: w[%d][%d][%d] = %v after the step, mathcore says %v", outputs, l, j, i, after.Weights[l][j][i], w)
					}
				}
				if math.Abs(after.Biases[l][j]-want.Biases[l][j]) > 1e-12 {
					t.Fatalf("outputs %d: b[%d][%d] = %v after the step, mathcore says %v", outputs, l, j, after.Biases[l][j], want.Biases[l][j])
				}
			}
		}
	}
}

// TestForwardMatchesMathcore checks Net.Forward against mathcore's forward
// pass on a test image.
func TestForwardMatchesMathcore(t *testing.T) {
	set := subset(t, 10)
	n := NewNet(7, 10, 5)
	x := make([]float64, Inputs)
	Darkness(x, set.Image(2))
	h, out := make([]float64, 7), make([]float64, 10)
	n.Forward(x, h, out)
	m := n.Network(x, int(set.Labels[2]), 0.1)
	tc := mathcore.NewTrace(m)
	tc.Compute(m)
	for k, o := range tc.Outputs() {
		if math.Abs(o-out[k]) > 1e-12 {
			t.Errorf("output %d: Forward gives %v, mathcore %v", k, out[k], o)
		}
	}
}

// TestEvaluateCounts checks the report's figures against a count made here.
func TestEvaluateCounts(t *testing.T) {
	set := subset(t, 300)
	n := NewNet(10, 1, 2)
	for i := range n.B2 {
		n.B2[i] = 0.2 // a few images answered "4", a few not
	}
	r := Evaluate(n, set, 3)
	var tp, fp, fn, right int
	x, h, out := make([]float64, Inputs), make([]float64, 10), make([]float64, 1)
	for k := range set.Len() {
		Darkness(x, set.Image(k))
		n.Forward(x, h, out)
		four, said := set.Labels[k] == Four, out[0] >= 0.5
		switch {
		case four && said:
			tp++
		case said:
			fp++
		case four:
			fn++
		}
		if four == said {
			right++
		}
	}
	if r.TruePos != tp || r.FalsePos != fp || r.FalseNeg != fn || r.Correct != right {
		t.Errorf("report TP %d FP %d FN %d right %d, counted %d %d %d %d", r.TruePos, r.FalsePos, r.FalseNeg, r.Correct, tp, fp, fn, right)
	}
	if want := 2 * float64(tp) / float64(2*tp+fp+fn); math.Abs(r.F1-want) > 1e-15 {
		t.Errorf("F1 %v, want %v", r.F1, want)
	}
}

// TestConfigCheck names the flag of each bad value.
func TestConfigCheck(t *testing.T) {
	bad := map[string]func(*Config){
		"--hidden":  func(c *Config) { c.Hidden = 0 },
		"--outputs": func(c *Config) { c.Outputs = 2 },
		"--epochs":  func(c *Config) { c.Epochs = 0 },
		"--lr":      func(c *Config) { c.LearningRate = math.NaN() },
		"--batch":   func(c *Config) { c.Batch = 0 },
	}
	for flag, spoil := range bad {
		c := DefaultConfig(1)
		spoil(&c)
		if err := c.Check(); err == nil || !strings.Contains(err.Error(), flag) {
			t.Errorf("%s: error %v does not name the flag", flag, err)
		}
	}
	if err := DefaultConfig(10).Check(); err != nil {
		t.Error(err)
	}
}
