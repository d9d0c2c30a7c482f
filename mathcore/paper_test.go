package mathcore

import (
	"math"
	"testing"
)

// The exact values of the paper's worked example, from the worked-example page.
func TestPaperExactValues(t *testing.T) {
	n := Paper()
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := NewTrace(n)
	tr.Compute(n)
	w := func(k int) Param {
		p, ok := n.ParamByLabel("w" + itoa(k))
		if !ok {
			t.Fatalf("no w%d", k)
		}
		return p
	}
	cases := []struct {
		name string
		got  float64
		want float64
		tol  float64
	}{
		{"net_h1", tr.Net[1][0], 0.376, 1e-15},
		{"out_h1", tr.Out[1][0], 0.5929079905, 1e-10},
		{"net_h2", tr.Net[1][1], 0.1766, 1e-15},
		{"out_h2", tr.Out[1][1], 0.5440356125, 1e-10},
		{"net_o", tr.Net[2][0], 0.5733590393, 1e-10},
		{"out", tr.Out[2][0], 0.6395378941, 1e-10},
		{"J", tr.Loss, 0.0649664649, 1e-10},
		{"dJ/dout", tr.DOut[2][0], -0.3604621059, 1e-10},
		{"dout/dnet_o", tr.DAct[2][0], 0.2305291761, 1e-10},
		{"dout_h1/dnet_h1", tr.DAct[1][0], 0.2413681053, 1e-10},
		{"dJ/dw1", tr.Gradient(w(1)), -0.0060170920, 1e-10},
		{"dJ/dw2", tr.Gradient(w(2)), -0.0041226243, 1e-10},
		{"dJ/dw3", tr.Gradient(w(3)), -0.0067391430, 1e-10},
		{"dJ/dw4", tr.Gradient(w(4)), -0.0046173393, 1e-10},
		{"dJ/dw5", tr.Gradient(w(5)), -0.0036102552, 1e-10},
		{"dJ/dw6", tr.Gradient(w(6)), -0.0024735746, 1e-10},
		{"dJ/dw7", tr.Gradient(w(7)), 0, 0},
		{"dJ/dw8", tr.Gradient(w(8)), 0, 0},
		{"dJ/dw9", tr.Gradient(w(9)), -0.0492688944, 1e-10},
		{"dJ/dw10", tr.Gradient(w(10)), -0.0452077449, 1e-10},
		{"w9 new", tr.Updated(w(9)), 0.6049268894, 1e-10},
		{"w1 new", tr.Updated(w(1)), 0.4006017092, 1e-10},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %.12f, want %.10f", c.name, c.got, c.want)
		}
	}
	// Closed forms to 1e-12: the page's values are rounded, these are not.
	s := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	oh1, oh2 := s(0.376), s(0.1766)
	out := s(0.6*oh1 + 0.4*oh2)
	dw9 := -(1 - out) * out * (1 - out) * oh1
	dw1 := -(1 - out) * out * (1 - out) * 0.6 * oh1 * (1 - oh1) * 0.5
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"out", tr.Out[2][0], out}, {"dJ/dw9", tr.Gradient(w(9)), dw9}, {"dJ/dw1", tr.Gradient(w(1)), dw1}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.15f, closed form %.15f", c.name, c.got, c.want)
		}
	}
}

func itoa(k int) string {
	if k >= 10 {
		return itoa(k/10) + string(rune('0'+k%10))
	}
	return string(rune('0' + k))
}

func TestPaperLabels(t *testing.T) {
	n := Paper()
	want := map[string]Param{
		"w1": {Layer: 0, From: 0, To: 0}, "w2": {Layer: 0, From: 0, To: 1},
		"w3": {Layer: 0, From: 1, To: 0}, "w7": {Layer: 0, From: 3, To: 0},
		"w8": {Layer: 0, From: 3, To: 1}, "w9": {Layer: 1, From: 0, To: 0},
		"w10": {Layer: 1, From: 1, To: 0},
	}
	for label, p := range want {
		if got := n.ParamLabel(p); got != label {
			t.Errorf("ParamLabel(%+v) = %s, want %s", p, got, label)
		}
		if got, ok := n.ParamByLabel(label); !ok || got != p {
			t.Errorf("ParamByLabel(%s) = %+v, %v", label, got, ok)
		}
	}
	for _, bad := range []string{"w0", "w11", "w01", "b1", "x1", "w", "w+1", "w-1"} {
		if _, ok := n.ParamByLabel(bad); ok {
			t.Errorf("ParamByLabel(%q) found a parameter", bad)
		}
	}
	if got := len(n.Params()); got != 10 {
		t.Errorf("Params has %d entries, want 10", got)
	}
	labels := []string{n.NodeLabel(0, 0), n.NodeLabel(1, 1), n.NodeLabel(2, 0), n.OutSymbol(2, 0), n.OutSymbol(1, 0), n.NetSymbol(2, 0), n.OutSymbol(0, 2)}
	wantLabels := []string{"i1", "h2", "o", "out", "out_h1", "net_o", "i3"}
	for i := range labels {
		if labels[i] != wantLabels[i] {
			t.Errorf("label %d = %q, want %q", i, labels[i], wantLabels[i])
		}
	}
}

func TestDeepLabels(t *testing.T) {
	n := randomNetwork(newRand(1), []int{3, 4, 4, 2}, []Activation{Tanh, ReLU, Sigmoid}, MSE, true)
	cases := map[string]string{
		n.NodeLabel(1, 0): "ha1", n.NodeLabel(2, 3): "hb4", n.NodeLabel(3, 1): "o2",
		n.LayerName(1): "hidden layer A", n.LayerName(2): "hidden layer B",
		n.ParamLabel(Param{Layer: 1, From: 0, To: 0}):    "w13",
		n.ParamLabel(Param{Layer: 2, From: 3, To: 1}):    "w36",
		n.ParamLabel(Param{Bias: true, Layer: 2, To: 1}): "b10",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestPaperChains(t *testing.T) {
	n := Paper()
	tr := NewTrace(n)
	tr.Compute(n)
	w1, _ := n.ParamByLabel("w1")
	c := tr.Chain(n, w1)
	if len(c.Paths) != 1 || c.PathCount != 1 {
		t.Fatalf("w1 has %d paths", len(c.Paths))
	}
	var syms []string
	for _, f := range c.Paths[0].Factors {
		syms = append(syms, n.FactorSymbol(f))
	}
	want := []string{"dJ/dout", "dout/dnet_o", "dnet_o/dout_h1", "dout_h1/dnet_h1", "dnet_h1/dw1"}
	if len(syms) != len(want) {
		t.Fatalf("factors %v, want %v", syms, want)
	}
	for i := range want {
		if syms[i] != want[i] {
			t.Errorf("factor %d = %s, want %s", i, syms[i], want[i])
		}
	}
	vals := []float64{-0.3604621059, 0.2305291761, 0.6, 0.2413681053, 0.5}
	for i, f := range c.Paths[0].Factors {
		if math.Abs(f.Value-vals[i]) > 1e-10 {
			t.Errorf("%s = %.12f, want %.10f", syms[i], f.Value, vals[i])
		}
	}
	if math.Abs(c.Paths[0].Product-c.Gradient) > 1e-15 {
		t.Errorf("path product %v != gradient %v", c.Paths[0].Product, c.Gradient)
	}
	w9, _ := n.ParamByLabel("w9")
	c9 := tr.Chain(n, w9)
	if got := len(c9.Paths[0].Factors); got != 3 || c9.Terms != nil {
		t.Errorf("w9 chain has %d factors and terms %v", got, c9.Terms)
	}
}

func TestHasPaperShape(t *testing.T) {
	n := Paper()
	n.Weights[0][0][0] = 0.9
	if !HasPaperShape(n) || IsPaper(n) {
		t.Error("an edited weight: want the paper's shape but not the paper's values")
	}
	n.Activations[1] = Tanh
	if HasPaperShape(n) {
		t.Error("a tanh output still has the paper's shape")
	}
	m := Paper()
	m.Biases = [][]float64{{0, 0}, {0}}
	if HasPaperShape(m) {
		t.Error("a network with biases still has the paper's shape")
	}
}

// TestParamCount counts the weights and biases as Params lists them.
func TestParamCount(t *testing.T) {
	biased := Paper()
	biased.Biases = [][]float64{{0, 0}, {0}}
	for _, n := range []*Network{Paper(), biased} {
		if got, want := n.ParamCount(), len(n.Params()); got != want {
			t.Errorf("ParamCount %d, want %d", got, want)
		}
	}
}
