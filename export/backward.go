package export

import (
	"nnmath/mathcore"
)

// backward writes the backward pass: the derivatives at each node, the
// layer-by-layer backpropagation where some chain has too many paths to
// list, and the chain rule for every weight and bias.
func (s *solution) backward() {
	n, d := s.n, &s.doc
	d.heading(2, text("Backward pass"))
	d.para(text("The gradient of the loss with respect to each parameter follows from the chain rule. "+
		"The factors are the derivative of the loss by an output, the slope of each activation on the way, "+
		"the weight of each connection on the way back ("), tex(derivative(`\mathrm{net}_{k}`, `\mathrm{out}_{j}`)+" = w_{kj}"),
		text(") and, last, the derivative of the net input by the parameter itself: the output of the weight's source node, or 1 for a bias."))

	d.heading(3, text("Derivatives at each node"))
	L := n.Output()
	var lines []string
	for k := range n.Sizes[L] {
		lines = append(lines, s.lossDerivative(k))
	}
	d.para(text("The derivative of the loss by each output:"))
	d.display(lines...)
	for l := L; l >= 1; l-- {
		lines = nil
		for j := range n.Sizes[l] {
			lines = append(lines, s.slope(l, j))
		}
		d.para(text("The slope of each activation in " + theLayer(n, l) + ":"))
		d.display(lines...)
	}

	if m := s.firstTermsLayer(); m > 0 {
		s.backprop(m)
	}
	s.chainRule()
}

// lossDerivative returns the line dJ/dout_k = -(y - out) = ... for output k.
func (s *solution) lossDerivative(k int) string {
	n, t, f := s.n, s.t, s.f
	L := n.Output()
	y, out := targetSymbol(n, k), outSymbol(n, L, k)
	scale := "-"
	if n.Loss == mathcore.MSE {
		scale = `-\frac{2}{` + itoa(n.Sizes[L]) + `}`
		if n.Sizes[L] == 1 {
			scale = "-2"
		}
	}
	return derivative("J", out) + " &= " + scale + "(" + y + " - " + out + ") = " +
		scale + "(" + f.plain(t.Targets[k]) + " - " + f.operand(t.Out[L][k]) + ") = " + f.plain(t.DOut[L][k])
}

// slope returns the line dout/dnet = ... for node j of layer l.
func (s *solution) slope(l, j int) string {
	n, t, f := s.n, s.t, s.f
	out, net := outSymbol(n, l, j), netSymbol(n, l, j)
	lhs := derivative(out, net) + " &= "
	v := f.plain(t.DAct[l][j])
	switch n.Activations[l-1] {
	case mathcore.Tanh:
		return lhs + "1 - " + out + "^{2} = 1 - " + f.operand(t.Out[l][j]) + "^{2} = " + v
	case mathcore.ReLU:
		if t.Net[l][j] > 0 {
			return lhs + v + `\quad \text{since } ` + net + " > 0"
		}
		return lhs + v + `\quad \text{since } ` + net + ` \le 0`
	case mathcore.Linear:
		return lhs + v
	default:
		return lhs + out + `\,(1 - ` + out + ") = " + f.plain(t.Out[l][j]) + `\,(1 - ` + f.plain(t.Out[l][j]) + ") = " + v
	}
}

// firstTermsLayer returns the first layer whose parameters' chains have too
// many paths to list (mathcore gives them layer by layer), or 0 if none has.
func (s *solution) firstTermsLayer() int {
	first := 0
	for _, c := range s.chains {
		if c.Paths == nil && (first == 0 || c.Layer < first) {
			first = c.Layer
		}
	}
	return first
}

// backprop writes dJ/dout and dJ/dnet of every node from the output layer
// back to layer m, each hidden one as a sum over the layer after it.
func (s *solution) backprop(m int) {
	n, t, f, d := s.n, s.t, s.f, &s.doc
	d.heading(3, text("Backpropagation, layer by layer"))
	d.para(text("Some parameters reach the outputs along more paths than can be listed, so their chains use "),
		tex(derivative("J", `\mathrm{out}_{j}`)),
		text(" computed layer by layer: for a hidden node j, "),
		tex(derivative("J", `\mathrm{out}_{j}`)+` = \sum_{k} `+derivative("J", `\mathrm{net}_{k}`)+`\, w_{kj}`),
		text(" over the nodes k of the next layer, and "),
		tex(derivative("J", `\mathrm{net}_{j}`)+" = "+derivative("J", `\mathrm{out}_{j}`)+` \cdot `+derivative(`\mathrm{out}_{j}`, `\mathrm{net}_{j}`)),
		text("."))
	L := n.Output()
	for l := L; l >= m; l-- {
		d.para(text(layerTitle(n, l) + ":"))
		for j := range n.Sizes[l] {
			out, net := outSymbol(n, l, j), netSymbol(n, l, j)
			var lines []string
			if l < L {
				c := t.Chain(n, mathcore.Param{Layer: l - 1, From: 0, To: j})
				var syms, subst []string
				var vals []float64
				for i, term := range c.Terms {
					syms = append(syms, derivative("J", netSymbol(n, l+1, term.Node))+`\, `+paramSymbol(n, term.Weight))
					dn := f.operand(term.DNet)
					if i == 0 {
						dn = f.plain(term.DNet)
					}
					subst = append(subst, dn+` \cdot `+f.operand(term.WeightV))
					vals = append(vals, term.Value)
				}
				budget := room(derivative("J", out))
				groups := [][]string{wrap(subst, "+", budget)}
				if len(vals) > 1 {
					groups = append(groups, wrap(f.list(vals), "+", budget))
				}
				groups = append(groups, []string{f.plain(t.DOut[l][j])})
				lines = aligned(derivative("J", out), wrap(syms, "+", budget), groups...)
			}
			if l > m || l == L {
				lines = append(lines, derivative("J", net)+" &= "+derivative("J", out)+` \cdot `+derivative(out, net)+" = "+
					f.plain(t.DOut[l][j])+` \cdot `+f.operand(t.DAct[l][j])+" = "+f.plain(t.Delta[l][j]))
			}
			d.display(lines...)
		}
	}
}
