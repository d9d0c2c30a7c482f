package digits

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnmath/mnist"
)

// benchData returns the data set for a benchmark, or skips it.
func benchData(b *testing.B) *mnist.Data {
	b.Helper()
	d, err := mnist.Load()
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkTrain measures the Trainer on the default network, per training
// image (ns/op is per image), on one worker and on two.
func BenchmarkTrain(b *testing.B) {
	d := benchData(b)
	for _, outputs := range []int{1, 10} {
		for _, workers := range []int{1, 2} {
			cfg := DefaultConfig(outputs)
			cfg.Workers = workers
			b.Run(name(outputs, workers), func(b *testing.B) {
				tr, err := NewTrainer(&d.Train, cfg)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				for left := b.N; left > 0; {
					done, _ := tr.Progress()
					if tr.Train(left) {
						left -= len(tr.order) - done
						tr.FinishEpoch()
						continue
					}
					after, _ := tr.Progress()
					left -= after - done
				}
			})
		}
	}
}

func name(outputs, workers int) string {
	q := "four"
	if outputs == 10 {
		q = "digit"
	}
	return q + "/workers=" + string(rune('0'+workers))
}

// BenchmarkPlainSGD is the floor the Trainer must beat: the plain loop one
// writes first, as in Nielsen's network.py, for the default network (dense
// inputs and matrices of rows, gradients summed over a mini-batch, then the
// update), per training image.
func BenchmarkPlainSGD(b *testing.B) {
	d := benchData(b)
	for _, outputs := range []int{1, 10} {
		b.Run(name(outputs, 1), func(b *testing.B) {
			cfg := DefaultConfig(outputs)
			p := newPlain(cfg.Hidden, outputs)
			b.ReportAllocs()
			b.ResetTimer()
			k := 0
			for left := b.N; left > 0; left -= cfg.Batch {
				batch := min(cfg.Batch, left)
				for range batch {
					p.backprop(d.Train.Image(k), int(d.Train.Labels[k]))
					k = (k + 1) % d.Train.Len()
				}
				p.update(cfg.LearningRate / float64(batch))
			}
		})
	}
}

// plain is the plain loop's network and its gradient sums.
type plain struct {
	w1, nw1    [][]float64 // [hidden][784]
	b1, nb1    []float64
	w2, nw2    [][]float64 // [outputs][hidden]
	b2, nb2    []float64
	x, h, o, y []float64
	dh, dout   []float64
}

func newPlain(hidden, outputs int) *plain {
	rng := rand.New(rand.NewPCG(1, 2))
	mat := func(r, c int, s float64) [][]float64 {
		m := make([][]float64, r)
		for i := range m {
			m[i] = make([]float64, c)
			for j := range m[i] {
				m[i][j] = rng.NormFloat64() * s
			}
		}
		return m
	}
	return &plain{
		w1: mat(hidden, Inputs, 1/math.Sqrt(Inputs)), nw1: mat(hidden, Inputs, 0),
		b1: make([]float64, hidden), nb1: make([]float64, hidden),
		w2: mat(outputs, hidden, 1/math.Sqrt(float64(hidden))), nw2: mat(outputs, hidden, 0),
		b2: make([]float64, outputs), nb2: make([]float64, outputs),
		x: make([]float64, Inputs), h: make([]float64, hidden), o: make([]float64, outputs),
		y: make([]float64, outputs), dh: make([]float64, hidden), dout: make([]float64, outputs),
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// backprop adds the gradient of one image to the sums.
func (p *plain) backprop(img []uint8, label int) {
	for i, v := range img {
		p.x[i] = float64(v) / 255
	}
	for j, row := range p.w1 {
		z := p.b1[j]
		for i, w := range row {
			z += w * p.x[i]
		}
		p.h[j] = sigmoid(z)
	}
	for k, row := range p.w2 {
		z := p.b2[k]
		for j, w := range row {
			z += w * p.h[j]
		}
		p.o[k] = sigmoid(z)
	}
	Targets(p.y, label)
	for k := range p.o {
		p.dout[k] = (p.o[k] - p.y[k]) * p.o[k] * (1 - p.o[k])
		p.nb2[k] += p.dout[k]
		for j := range p.h {
			p.nw2[k][j] += p.dout[k] * p.h[j]
		}
	}
	for j := range p.h {
		s := 0.0
		for k := range p.o {
			s += p.w2[k][j] * p.dout[k]
		}
		p.dh[j] = s * p.h[j] * (1 - p.h[j])
		p.nb1[j] += p.dh[j]
		for i, x := range p.x {
			p.nw1[j][i] += p.dh[j] * x
		}
	}
}

// update takes one step of gradient descent with rate c on the sums and clears them.
func (p *plain) update(c float64) {
	step := func(w, g []float64) {
		for i := range w {
			w[i] -= c * g[i]
			g[i] = 0
		}
	}
	for j := range p.w1 {
		step(p.w1[j], p.nw1[j])
	}
	step(p.b1, p.nb1)
	for k := range p.w2 {
		step(p.w2[k], p.nw2[k])
	}
	step(p.b2, p.nb2)
}
