package mathcore

// Trace holds every intermediate value of one forward pass, backward pass
// and update of a network: what the lessons show, number by number.
//
// Layer indices follow Network: layer 0 is the input layer and weight layer
// l connects layer l to layer l+1. Per-node slices are indexed [layer][node]
// and hold nothing at layer 0 except Out[0], which is the inputs.
type Trace struct {
	Products [][][]float64 // Products[l][j][i] = w * out of node i of layer l, into node j of layer l+1
	Sum      [][]float64   // Sum[l][j]: the sum of the products into node j of layer l
	Net      [][]float64   // Net[l][j] = Sum[l][j] + bias (no bias: equal to Sum)
	Out      [][]float64   // Out[l][j] = activation(Net[l][j]); Out[0] holds the inputs
	Targets  []float64     // the targets y the loss was computed against
	Loss     float64       // J
	DOut     [][]float64   // DOut[l][j] = dJ/dout of node j of layer l
	DAct     [][]float64   // DAct[l][j] = dout/dnet of node j of layer l
	Delta    [][]float64   // Delta[l][j] = dJ/dnet = DOut * DAct
	GradW    [][][]float64 // GradW[l][j][i] = dJ/dw, shaped like Network.Weights
	GradB    [][]float64   // GradB[l][j] = dJ/db, or nil without biases
	NewW     [][][]float64 // NewW = w - eta * dJ/dw
	NewB     [][]float64   // NewB = b - eta * dJ/db, or nil without biases
}

// NewTrace returns a trace with room for networks shaped like n.
func NewTrace(n *Network) *Trace {
	t := &Trace{}
	t.alloc(n)
	return t
}

func (t *Trace) fits(n *Network) bool {
	if len(t.Out) != len(n.Sizes) || (t.GradB == nil) != (n.Biases == nil) {
		return false
	}
	for l, s := range n.Sizes {
		if len(t.Out[l]) != s {
			return false
		}
	}
	return true
}

func (t *Trace) alloc(n *Network) {
	L := len(n.Sizes)
	t.Products = make([][][]float64, L-1)
	t.GradW = make([][][]float64, L-1)
	t.NewW = make([][][]float64, L-1)
	for l := 0; l < L-1; l++ {
		t.Products[l] = matrix(n.Sizes[l+1], n.Sizes[l])
		t.GradW[l] = matrix(n.Sizes[l+1], n.Sizes[l])
		t.NewW[l] = matrix(n.Sizes[l+1], n.Sizes[l])
	}
	t.Sum = layered(n.Sizes)
	t.Net = layered(n.Sizes)
	t.Out = layered(n.Sizes)
	t.Out[0] = make([]float64, n.Sizes[0])
	t.DOut = layered(n.Sizes)
	t.DAct = layered(n.Sizes)
	t.Delta = layered(n.Sizes)
	t.Targets = make([]float64, n.Sizes[L-1])
	t.GradB, t.NewB = nil, nil
	if n.Biases != nil {
		t.GradB = make([][]float64, L-1)
		t.NewB = make([][]float64, L-1)
		for l := 0; l < L-1; l++ {
			t.GradB[l] = make([]float64, n.Sizes[l+1])
			t.NewB[l] = make([]float64, n.Sizes[l+1])
		}
	}
}

func matrix(rows, cols int) [][]float64 {
	m := make([][]float64, rows)
	for j := range m {
		m[j] = make([]float64, cols)
	}
	return m
}

// layered returns one slice per layer after the input layer, and nil for layer 0.
func layered(sizes []int) [][]float64 {
	v := make([][]float64, len(sizes))
	for l := 1; l < len(sizes); l++ {
		v[l] = make([]float64, sizes[l])
	}
	return v
}

// Compute fills t for n with n's own inputs and targets. It does not change
// n. It allocates only when n's shape differs from the last network t held.
func (t *Trace) Compute(n *Network) {
	t.ComputeFor(n, n.Inputs, n.Targets)
}

// ComputeFor fills t for n with the given inputs and targets, which match
// the sizes of n's first and last layers.
func (t *Trace) ComputeFor(n *Network, inputs, targets []float64) {
	if !t.fits(n) {
		t.alloc(n)
	}
	t.forward(n, inputs, targets)
	t.backward(n)
	t.update(n, false)
}

func (t *Trace) forward(n *Network, inputs, targets []float64) {
	copy(t.Out[0], inputs)
	copy(t.Targets, targets)
	for l, w := range n.Weights {
		in := t.Out[l]
		act := n.Activations[l]
		sums, nets, outs := t.Sum[l+1], t.Net[l+1], t.Out[l+1]
		sums, nets, outs = sums[:len(w)], nets[:len(w)], outs[:len(w)]
		var bias []float64
		if n.Biases != nil {
			bias = n.Biases[l][:len(w)]
		}
		for j, row := range w {
			prod := t.Products[l][j][:len(row)]
			in := in[:len(row)]
			var s float64
			for i, wi := range row {
				p := wi * in[i]
				prod[i] = p
				s += p
			}
			sums[j] = s
			if bias != nil {
				s += bias[j]
			}
			nets[j] = s
			if act == Sigmoid {
				outs[j] = SigmoidOf(s)
			} else {
				outs[j] = act.Apply(s)
			}
		}
	}
	L := len(t.Out) - 1
	t.Loss = n.Loss.Value(t.Targets, t.Out[L])
}

func (t *Trace) backward(n *Network) {
	L := len(t.Out) - 1
	outs := t.Out[L]
	dout := t.DOut[L][:len(t.Targets)]
	for k, y := range t.Targets {
		dout[k] = n.Loss.Derivative(y, outs[k], len(outs))
	}
	for l := L; l >= 1; l-- {
		act := n.Activations[l-1]
		douts, dacts, deltas, nets, outs := t.DOut[l], t.DAct[l], t.Delta[l], t.Net[l], t.Out[l]
		m := len(douts)
		dacts, deltas, nets, outs = dacts[:m], deltas[:m], nets[:m], outs[:m]
		if l < L {
			next := n.Weights[l] // from layer l to layer l+1
			nextDelta := t.Delta[l+1][:len(next)]
			for j := range douts {
				var s float64
				for k, row := range next {
					s += nextDelta[k] * row[j]
				}
				douts[j] = s
			}
		}
		for j, d := range douts {
			var slope float64
			if act == Sigmoid {
				slope = outs[j] * (1 - outs[j])
			} else {
				slope = act.Derivative(nets[j], outs[j])
			}
			dacts[j] = slope
			deltas[j] = d * slope
		}
		prev := t.Out[l-1]
		for j, delta := range deltas {
			g := t.GradW[l-1][j][:len(prev)]
			for i, x := range prev {
				g[i] = delta * x
			}
			if t.GradB != nil {
				t.GradB[l-1][j] = delta
			}
		}
	}
}

// update fills NewW and NewB, and when apply is set also stores them in n.
func (t *Trace) update(n *Network, apply bool) {
	eta := n.LearningRate
	for l, m := range n.Weights {
		for j, row := range m {
			grad, next := t.GradW[l][j], t.NewW[l][j]
			grad, next = grad[:len(row)], next[:len(row)]
			for i, w := range row {
				v := w - eta*grad[i]
				next[i] = v
				if apply {
					row[i] = v
				}
			}
		}
	}
	for l, b := range n.Biases {
		grad, next := t.GradB[l][:len(b)], t.NewB[l][:len(b)]
		for j, v := range b {
			next[j] = v - eta*grad[j]
			if apply {
				b[j] = next[j]
			}
		}
	}
}

// Gradient returns dJ/dp as last computed.
func (t *Trace) Gradient(p Param) float64 {
	if p.Bias {
		return t.GradB[p.Layer][p.To]
	}
	return t.GradW[p.Layer][p.To][p.From]
}

// Updated returns p's value after one step, p - eta * dJ/dp, as last computed.
func (t *Trace) Updated(p Param) float64 {
	if p.Bias {
		return t.NewB[p.Layer][p.To]
	}
	return t.NewW[p.Layer][p.To][p.From]
}

// Outputs returns the outputs of the output layer.
func (t *Trace) Outputs() []float64 { return t.Out[len(t.Out)-1] }

// Apply copies the updated weights and biases of t into n, the network t was
// computed for: one step of gradient descent.
func (t *Trace) Apply(n *Network) { n.setParams(t.NewW, t.NewB) }
