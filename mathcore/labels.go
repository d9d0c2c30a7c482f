package mathcore

import "strconv"

// Param names one weight or bias of a network. For a weight, Layer is the
// weight layer l, From the source node i in layer l and To the target node j
// in layer l+1. For a bias (Bias true), From is unused.
type Param struct {
	Bias     bool
	Layer    int
	From, To int
}

// Value returns the current value of p in n.
func (n *Network) Value(p Param) float64 {
	if p.Bias {
		return n.Biases[p.Layer][p.To]
	}
	return n.Weights[p.Layer][p.To][p.From]
}

// SetValue sets the value of p in n.
func (n *Network) SetValue(p Param, v float64) {
	if p.Bias {
		n.Biases[p.Layer][p.To] = v
		return
	}
	n.Weights[p.Layer][p.To][p.From] = v
}

// Params returns every parameter of n in label order: the weights w1, w2, ..
// (numbered by source node, then target node, layer by layer), then the
// biases b1, b2, .. (layer by layer, node by node).
func (n *Network) Params() []Param {
	var ps []Param
	for l := range n.Weights {
		for i := 0; i < n.Sizes[l]; i++ {
			for j := 0; j < n.Sizes[l+1]; j++ {
				ps = append(ps, Param{Layer: l, From: i, To: j})
			}
		}
	}
	for l := range n.Biases {
		for j := range n.Biases[l] {
			ps = append(ps, Param{Bias: true, Layer: l, To: j})
		}
	}
	return ps
}

// ParamCount returns how many weights and biases n has, len(n.Params())
// without listing them.
func (n *Network) ParamCount() int {
	c := 0
	for l := range n.Weights {
		c += n.Sizes[l] * n.Sizes[l+1]
	}
	for _, b := range n.Biases {
		c += len(b)
	}
	return c
}

// Number returns the 1-based number in p's label: 9 for w9, 1 for b1.
func (n *Network) Number(p Param) int {
	k := 0
	for l := 0; l < p.Layer; l++ {
		if p.Bias {
			k += n.Sizes[l+1]
		} else {
			k += n.Sizes[l] * n.Sizes[l+1]
		}
	}
	if p.Bias {
		return k + p.To + 1
	}
	return k + p.From*n.Sizes[p.Layer+1] + p.To + 1
}

// ParamLabel returns p's label as the paper writes it: "w1".."w10", "b1"...
func (n *Network) ParamLabel(p Param) string {
	if p.Bias {
		return "b" + strconv.Itoa(n.Number(p))
	}
	return "w" + strconv.Itoa(n.Number(p))
}

// ParamByLabel returns the parameter labelled s ("w9", "b1"), if there is one.
func (n *Network) ParamByLabel(s string) (Param, bool) {
	if len(s) < 2 || (s[0] != 'w' && s[0] != 'b') {
		return Param{}, false
	}
	k, err := strconv.Atoi(s[1:])
	if err != nil || k < 1 || s[1] == '0' || s[1] == '+' {
		return Param{}, false
	}
	for _, p := range n.Params() {
		if p.Bias == (s[0] == 'b') && n.Number(p) == k {
			return p, true
		}
	}
	return Param{}, false
}

// NodeLabel returns the label of node j of layer l: i1.. for inputs, o (or
// o1, o2.. when there are several outputs) for the output layer, h1.. for a
// single hidden layer, and ha1.., hb1.., hc1.. when there are several hidden
// layers, so that two hidden layers cannot be confused.
func (n *Network) NodeLabel(l, j int) string {
	return n.LayerPrefix(l) + n.nodeSuffix(l, j)
}

func (n *Network) nodeSuffix(l, j int) string {
	if l == n.Output() && n.Sizes[l] == 1 {
		return ""
	}
	return strconv.Itoa(j + 1)
}

// LayerPrefix returns the letters that start the labels of layer l's nodes:
// "i", "h", "ha", "hb".. or "o".
func (n *Network) LayerPrefix(l int) string {
	switch {
	case l == 0:
		return "i"
	case l == n.Output():
		return "o"
	case n.Output() == 2:
		return "h"
	default:
		return "h" + string(rune('a'+l-1))
	}
}

// LayerName returns a name for layer l: "input layer", "hidden layer",
// "hidden layer A".., or "output layer".
func (n *Network) LayerName(l int) string {
	switch {
	case l == 0:
		return "input layer"
	case l == n.Output():
		return "output layer"
	case n.Output() == 2:
		return "hidden layer"
	default:
		return "hidden layer " + string(rune('A'+l-1))
	}
}
