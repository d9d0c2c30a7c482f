package mathcore

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 7)) }

// randomNetwork returns a network of the given shape with weights, biases,
// inputs and targets drawn from r.
func randomNetwork(r *rand.Rand, sizes []int, acts []Activation, loss Loss, biases bool) *Network {
	n := &Network{Sizes: sizes, Activations: acts, Loss: loss, LearningRate: 0.1 + r.Float64()}
	for l := 0; l+1 < len(sizes); l++ {
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = r.NormFloat64()
			}
		}
		n.Weights = append(n.Weights, m)
		if biases {
			b := make([]float64, sizes[l+1])
			for j := range b {
				b[j] = r.NormFloat64()
			}
			n.Biases = append(n.Biases, b)
		}
	}
	n.Inputs = make([]float64, sizes[0])
	for i := range n.Inputs {
		n.Inputs[i] = r.Float64()*2 - 1
	}
	n.Targets = make([]float64, sizes[len(sizes)-1])
	for i := range n.Targets {
		n.Targets[i] = r.Float64()
	}
	return n
}

func TestGradientsMatchFiniteDifferences(t *testing.T) {
	r := newRand(42)
	for trial := 0; trial < 200; trial++ {
		L := 2 + r.IntN(4)
		sizes := make([]int, L)
		for i := range sizes {
			sizes[i] = 1 + r.IntN(5)
		}
		acts := make([]Activation, L-1)
		for i := range acts {
			acts[i] = Activation(r.IntN(4))
		}
		n := randomNetwork(r, sizes, acts, Loss(r.IntN(2)), r.IntN(2) == 0)
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		if worst := GradientCheck(n, 1e-6); worst > 1e-6 {
			t.Errorf("trial %d %v %v loss %v: gradient differs from finite differences by %g", trial, sizes, acts, n.Loss, worst)
		}
	}
}

// Every path product must sum to the gradient, and the layer-by-layer terms
// must sum to dJ/dout of the node.
func TestChainPathsSumToGradient(t *testing.T) {
	r := newRand(3)
	n := randomNetwork(r, []int{3, 4, 4, 2}, []Activation{Tanh, Sigmoid, Linear}, HalfSSE, true)
	tr := NewTrace(n)
	tr.Compute(n)
	for _, p := range n.Params() {
		c := tr.Chain(n, p)
		if len(c.Paths) != c.PathCount {
			t.Fatalf("%s: %d paths listed, %d counted", n.ParamLabel(p), len(c.Paths), c.PathCount)
		}
		var sum float64
		for _, path := range c.Paths {
			sum += path.Product
		}
		if math.Abs(sum-c.Gradient) > 1e-12 {
			t.Errorf("%s: paths sum to %v, gradient %v", n.ParamLabel(p), sum, c.Gradient)
		}
		if c.Terms != nil {
			var s float64
			for _, term := range c.Terms {
				s += term.Value
			}
			if math.Abs(s-c.DOut) > 1e-12 {
				t.Errorf("%s: terms sum to %v, dJ/dout %v", n.ParamLabel(p), s, c.DOut)
			}
		}
		if want := c.Old - n.LearningRate*c.Gradient; c.New != want {
			t.Errorf("%s: new %v, want %v", n.ParamLabel(p), c.New, want)
		}
	}
}

func TestWideChainIsSummarised(t *testing.T) {
	n := randomNetwork(newRand(5), []int{2, 8, 9, 8}, []Activation{Sigmoid, Sigmoid, Sigmoid}, HalfSSE, false)
	tr := NewTrace(n)
	tr.Compute(n)
	c := tr.Chain(n, Param{Layer: 0, From: 0, To: 0})
	if c.Paths != nil || c.PathCount <= MaxChainPaths || len(c.Terms) != 9 {
		t.Errorf("paths %d, count %d, terms %d", len(c.Paths), c.PathCount, len(c.Terms))
	}
}

func TestUpdateRule(t *testing.T) {
	n := Paper()
	n.LearningRate = 0.5
	tr := NewTrace(n)
	before := n.Clone()
	loss := Step(n, tr)
	for _, p := range n.Params() {
		want := before.Value(p) - 0.5*tr.Gradient(p)
		if n.Value(p) != want {
			t.Errorf("%s = %v, want %v", n.ParamLabel(p), n.Value(p), want)
		}
	}
	w9, _ := n.ParamByLabel("w9")
	if math.Abs(n.Value(w9)-0.6246344472) > 1e-9 {
		t.Errorf("w9 after a step with eta 0.5 = %v", n.Value(w9))
	}
	if after := tr.LossFor(n, n.Inputs, n.Targets); after >= loss {
		t.Errorf("loss did not fall: %v -> %v", loss, after)
	}
}

func TestTrainLowersLoss(t *testing.T) {
	n := Paper()
	tr := NewTrace(n)
	losses, err := Train(n, tr, nil, 500, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(losses) != 500 || !(losses[499] < losses[0]) || losses[499] > 0.01 {
		t.Errorf("losses: first %v last %v (%d)", losses[0], losses[len(losses)-1], len(losses))
	}
	xor := randomNetwork(newRand(9), []int{2, 3, 1}, []Activation{Tanh, Sigmoid}, HalfSSE, true)
	samples := []Sample{{[]float64{0, 0}, []float64{0}}, {[]float64{0, 1}, []float64{1}}, {[]float64{1, 0}, []float64{1}}, {[]float64{1, 1}, []float64{0}}}
	losses, err = Train(xor, NewTrace(xor), samples, 20000, nil)
	if err != nil {
		t.Fatal(err)
	}
	if last := losses[len(losses)-1]; last > losses[0]/4 {
		t.Errorf("xor loss %v -> %v", losses[0], last)
	}
	for _, bad := range []Sample{
		{[]float64{1}, []float64{0}},
		{[]float64{math.NaN(), 0}, []float64{0}},
		{[]float64{0, 0}, []float64{math.Inf(1)}},
	} {
		before := xor.Clone()
		if _, err := Train(xor, NewTrace(xor), []Sample{bad}, 1, nil); err == nil {
			t.Errorf("the sample %v was accepted", bad)
		}
		if !reflect.DeepEqual(before, xor) {
			t.Errorf("a refused sample %v changed the network", bad)
		}
	}
}

func TestTrainStopsBeforeOverflow(t *testing.T) {
	// Each step multiplies w by 1 - eta·i² = -39: the values overflow.
	n := &Network{Sizes: []int{1, 1}, Activations: []Activation{Linear}, Weights: [][][]float64{{{0.5}}},
		Inputs: []float64{2}, Targets: []float64{0}, LearningRate: 10}
	losses, err := Train(n, NewTrace(n), nil, 1000, nil)
	if err == nil || !strings.Contains(err.Error(), "overflows") {
		t.Fatalf("1000 diverging steps: error %v", err)
	}
	if !n.finiteParams() || len(losses) == 0 || len(losses) >= 1000 {
		t.Errorf("after diverging: w = %v, %d losses", n.Weights, len(losses))
	}
	for _, l := range losses {
		if !finite(l) {
			t.Fatalf("a loss of %v was recorded", l)
		}
	}
}

func TestSigmoidExtremes(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{0, 0.5}, {-1000, 0}, {1000, 1}, {1e308, 1}, {-1e308, 0}, {-math.MaxFloat64, 0}, {40, 1 - math.Exp(-40)},
	} {
		got := SigmoidOf(c.x)
		if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(got-c.want) > 1e-15 {
			t.Errorf("sigmoid(%g) = %v, want %v", c.x, got, c.want)
		}
	}
	if got := SigmoidOf(-745); got <= 0 || got > 1e-300 {
		t.Errorf("sigmoid(-745) = %v, want a tiny positive number", got)
	}
	// A saturated network stays finite: outputs 0 or 1, gradients 0.
	n := Paper()
	n.Weights[0][0][0] = 1e6
	n.Inputs[0] = 1e6
	tr := NewTrace(n)
	tr.Compute(n)
	for _, p := range n.Params() {
		if g := tr.Gradient(p); math.IsNaN(g) || math.IsInf(g, 0) {
			t.Errorf("%s gradient %v", n.ParamLabel(p), g)
		}
	}
	if tr.Out[1][0] != 1 || tr.DAct[1][0] != 0 {
		t.Errorf("saturated h1: out %v, slope %v", tr.Out[1][0], tr.DAct[1][0])
	}
}

func TestActivationDerivatives(t *testing.T) {
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		for _, x := range []float64{-2, -0.3, 0.7, 3} {
			num := (a.Apply(x+1e-6) - a.Apply(x-1e-6)) / 2e-6
			if got := a.Derivative(x, a.Apply(x)); math.Abs(got-num) > 1e-8 {
				t.Errorf("%v'(%v) = %v, finite differences %v", a, x, got, num)
			}
		}
		b, err := ParseActivation(a.String())
		if err != nil || b != a {
			t.Errorf("ParseActivation(%q) = %v, %v", a.String(), b, err)
		}
	}
	if _, err := ParseActivation("sigmod"); err == nil || err.Error() != `unknown activation "sigmod" (use sigmoid, tanh, relu or linear)` {
		t.Errorf("ParseActivation(sigmod) error %v", err)
	}
}

func TestLosses(t *testing.T) {
	y, out := []float64{1, 0}, []float64{0.6, 0.2}
	if got := HalfSSE.Value(y, out); math.Abs(got-0.5*(0.16+0.04)) > 1e-15 {
		t.Errorf("half_sse %v", got)
	}
	if got := MSE.Value(y, out); math.Abs(got-(0.16+0.04)/2) > 1e-15 {
		t.Errorf("mse %v", got)
	}
	if got := MSE.Derivative(1, 0.6, 2); math.Abs(got-(-0.4)) > 1e-15 {
		t.Errorf("mse derivative %v", got)
	}
	if got := HalfSSE.Derivative(1, 0.6, 2); math.Abs(got-(-0.4)) > 1e-15 {
		t.Errorf("half_sse derivative %v", got)
	}
	if _, err := ParseLoss("mae"); err == nil {
		t.Error("ParseLoss accepted mae")
	}
}
