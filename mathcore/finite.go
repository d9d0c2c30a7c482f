package mathcore

import "fmt"

// CheckFinite computes n once and reports the first value that overflows
// (is not a finite number), naming it as the lessons do, or nil when every
// value of the forward pass, the loss, the backward pass and the update is
// finite. Inputs, weights and targets that are each finite can still give
// such values when they are very large.
func CheckFinite(n *Network) error {
	t := NewTrace(n)
	t.Compute(n)
	return t.Overflow(n)
}

// Overflow reports the first value of t, computed for n, that is not a
// finite number, or nil when there is none. It allocates nothing when every
// value is finite.
func (t *Trace) Overflow(n *Network) error {
	for l := 1; l < len(n.Sizes); l++ {
		for j := range n.Sizes[l] {
			for i, p := range t.Products[l-1][j] {
				if !finite(p) {
					return overflows("the product " + n.ParamLabel(Param{Layer: l - 1, To: j, From: i}) + "·" +
						n.NodeLabel(l-1, i) + " into " + n.NodeLabel(l, j))
				}
			}
			switch {
			case !finite(t.Net[l][j]):
				return overflows("net_" + n.NodeLabel(l, j))
			case !finite(t.Out[l][j]):
				return overflows("out_" + n.NodeLabel(l, j))
			}
		}
	}
	if !finite(t.Loss) {
		return overflows("the loss J")
	}
	for l := len(n.Sizes) - 1; l >= 1; l-- {
		for j := range n.Sizes[l] {
			if !finite(t.DOut[l][j]) || !finite(t.Delta[l][j]) {
				return overflows("dJ/dout_" + n.NodeLabel(l, j))
			}
		}
	}
	for l, m := range t.GradW {
		for j, row := range m {
			for i, g := range row {
				p := Param{Layer: l, To: j, From: i}
				switch {
				case !finite(g):
					return overflows("dJ/d" + n.ParamLabel(p))
				case !finite(t.NewW[l][j][i]):
					return overflows(n.ParamLabel(p) + "_new")
				}
			}
		}
	}
	for l, bs := range t.GradB {
		for j, g := range bs {
			p := Param{Bias: true, Layer: l, To: j}
			switch {
			case !finite(g):
				return overflows("dJ/d" + n.ParamLabel(p))
			case !finite(t.NewB[l][j]):
				return overflows(n.ParamLabel(p) + "_new")
			}
		}
	}
	return nil
}

func overflows(what string) error {
	return fmt.Errorf("%s overflows: the values are too large to compute (use smaller weights, biases or inputs)", what)
}
