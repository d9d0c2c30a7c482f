package mathcore

import (
	"math"
	"math/big"
)

// MaxChainPaths is the most paths Chain lists one by one; beyond it a chain
// is described layer by layer (Chain.Terms) only.
const MaxChainPaths = 64

// FactorKind says which derivative a chain-rule factor is.
type FactorKind int

// The kinds of chain-rule factor, in the order the paper writes a chain.
const (
	LossFactor   FactorKind = iota // dJ/dout of an output node
	ActFactor                      // dout/dnet of a node: the activation's slope
	WeightFactor                   // dnet_k/dout_j of the next layer: the weight on the path
	InputFactor                    // dnet_j/dw: the output of the weight's source node
	BiasFactor                     // dnet_j/db: always 1
)

// Factor is one derivative in a chain, with its value. Layer and Node name
// the node whose net is differentiated (LossFactor: whose out). For a
// WeightFactor, Source is the node of layer Layer-1 the weight comes from;
// for WeightFactor and InputFactor, Param is the weight itself.
type Factor struct {
	Kind   FactorKind
	Layer  int
	Node   int
	Source int
	Param  Param
	Value  float64
}

// Path is one route from a parameter to an output: its factors in the
// paper's order (dJ/dout first, dnet/dw last) and their product.
type Path struct {
	Factors []Factor
	Product float64
}

// Term is one addend of dJ/dout_j for a node j that feeds several nodes k of
// the next layer: dJ/dnet_k * w_kj.
type Term struct {
	Node    int     // k, in the layer after j
	DNet    float64 // dJ/dnet_k
	Weight  Param   // w_kj
	WeightV float64 // its value
	Value   float64 // DNet * WeightV
}

// Chain is the chain rule for one parameter: every path from it to the
// outputs (when there are at most MaxChainPaths), the layer-by-layer form,
// the gradient and the updated value.
type Chain struct {
	Param             Param
	Layer             int     // the layer of the node the parameter feeds
	Node              int     // that node
	Paths             []Path  // nil when PathCount > MaxChainPaths
	PathCount         int     // number of paths to the outputs; math.MaxInt when PathCountOverflow
	PathCountOverflow bool    // the true number of paths is more than an int holds (16 layers of 512 nodes)
	Terms             []Term  // dJ/dout of Node as a sum over the next layer; nil in the output layer
	DOut              float64 // dJ/dout of Node
	DAct              float64 // dout/dnet of Node
	Local             float64 // dnet/dparam: the source node's output, or 1 for a bias
	Gradient          float64 // dJ/dparam
	Old               float64 // the parameter's value
	New               float64 // Old - eta * Gradient
}

// Chain returns the chain rule for p in n, read from t, which was computed for n.
func (t *Trace) Chain(n *Network, p Param) Chain {
	c := t.ChainLayerByLayer(n, p)
	m := c.Layer
	if m < n.Output() {
		for k := range n.Weights[m] {
			w := Param{Layer: m, From: p.To, To: k}
			wv := n.Value(w)
			c.Terms = append(c.Terms, Term{Node: k, DNet: t.Delta[m+1][k], Weight: w, WeightV: wv, Value: t.Delta[m+1][k] * wv})
		}
	}
	if c.PathCount <= MaxChainPaths {
		tail := []Factor{{Kind: ActFactor, Layer: m, Node: p.To, Value: c.DAct}}
		if p.Bias {
			tail = append(tail, Factor{Kind: BiasFactor, Layer: m, Node: p.To, Param: p, Value: 1})
		} else {
			tail = append(tail, Factor{Kind: InputFactor, Layer: m, Node: p.To, Source: p.From, Param: p, Value: c.Local})
		}
		c.Paths = t.paths(n, m, p.To, tail)
	}
	return c
}

// ChainLayerByLayer returns the chain rule for p in n without its Paths
// and Terms: the layer-by-layer factors, the gradient and the update, in
// constant time and with no allocation, for a network too large to list
// every path of every parameter.
func (t *Trace) ChainLayerByLayer(n *Network, p Param) Chain {
	m := p.Layer + 1
	c := Chain{
		Param:    p,
		Layer:    m,
		Node:     p.To,
		DOut:     t.DOut[m][p.To],
		DAct:     t.DAct[m][p.To],
		Local:    1,
		Gradient: t.Gradient(p),
		Old:      n.Value(p),
		New:      t.Updated(p),
	}
	if !p.Bias {
		c.Local = t.Out[p.Layer][p.From]
	}
	c.PathCount, c.PathCountOverflow = CountPaths(n.Sizes, m)
	return c
}

// paths returns every path from node j of layer l to the outputs, each
// ending with tail (the factors at node j and below).
func (t *Trace) paths(n *Network, l, j int, tail []Factor) []Path {
	if l == n.Output() {
		fs := append([]Factor{{Kind: LossFactor, Layer: l, Node: j, Value: t.DOut[l][j]}}, tail...)
		prod := 1.0
		for _, f := range fs {
			prod *= f.Value
		}
		return []Path{{Factors: fs, Product: prod}}
	}
	var out []Path
	for k := range n.Weights[l] {
		w := Param{Layer: l, From: j, To: k}
		step := []Factor{
			{Kind: ActFactor, Layer: l + 1, Node: k, Value: t.DAct[l+1][k]},
			{Kind: WeightFactor, Layer: l + 1, Node: k, Source: j, Param: w, Value: n.Value(w)},
		}
		out = append(out, t.paths(n, l+1, k, append(step, tail...))...)
	}
	return out
}

// CountPaths returns the number of paths from a node of layer l to the
// outputs of a network with the given layer sizes: the product of the sizes
// of the layers after l. When the product does not fit an int it returns
// math.MaxInt and overflow true.
func CountPaths(sizes []int, l int) (count int, overflow bool) {
	count = 1
	for r := l + 1; r < len(sizes); r++ {
		if sizes[r] <= 0 {
			return 0, false
		}
		if count > math.MaxInt/sizes[r] {
			return math.MaxInt, true
		}
		count *= sizes[r]
	}
	return count, false
}

// PathCountApprox returns the number of paths from a node of layer l to the
// outputs as a float64: exact up to 2^53, and close beyond, where
// CountPaths overflows.
func PathCountApprox(sizes []int, l int) float64 {
	x := 1.0
	for r := l + 1; r < len(sizes); r++ {
		x *= float64(sizes[r])
	}
	return x
}

// PathCountDecimal returns the exact number of paths from a node of layer l
// to the outputs, the product of the sizes of the layers after l, in
// decimal however large it is (up to 512^14 in the largest network).
func PathCountDecimal(sizes []int, l int) string {
	x := big.NewInt(1)
	var s big.Int
	for r := l + 1; r < len(sizes); r++ {
		x.Mul(x, s.SetInt64(int64(sizes[r])))
	}
	return x.String()
}
