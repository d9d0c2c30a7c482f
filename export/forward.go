package export

import (
	"nnmath/mathcore"
)

// forward writes the forward pass, node by node: each dot product term by
// term, the net input and the output.
func (s *solution) forward() {
	n, d := s.n, &s.doc
	d.heading(2, text("Forward pass"))
	bias := ""
	if n.HasBiases() {
		bias = " plus its bias"
	}
	d.para(text("Each node multiplies the outputs of the layer before by the weights into it and adds the products" +
		bias + ": that is its net input. Its output is its activation applied to the net input."))
	for l := 1; l < len(n.Sizes); l++ {
		d.heading(3, text(layerTitle(n, l)))
		nodes := make([]block, n.Sizes[l])
		parallel(len(nodes), func(j int) { nodes[j] = display{fit(s.nodeForward(l, j))} })
		d.blocks = append(d.blocks, nodes...)
	}
}

// nodeForward returns the lines that compute node j of layer l.
func (s *solution) nodeForward(l, j int) []string {
	n, t, f := s.n, s.t, s.f
	var syms, subst []string
	var prods []float64
	for i, w := range n.Weights[l-1][j] {
		p := mathcore.Param{Layer: l - 1, From: i, To: j}
		syms = append(syms, paramSymbol(n, p)+`\, `+outSymbol(n, l-1, i))
		wv := f.operand(w)
		if i == 0 {
			wv = f.plain(w)
		}
		subst = append(subst, wv+` \cdot `+f.operand(t.Out[l-1][i]))
		prods = append(prods, t.Products[l-1][j][i])
	}
	if n.HasBiases() {
		syms = append(syms, paramSymbol(n, mathcore.Param{Bias: true, Layer: l - 1, To: j}))
		subst = append(subst, f.operand(n.Biases[l-1][j]))
		prods = append(prods, n.Biases[l-1][j])
	}
	budget := room(outSymbol(n, l, j))
	groups := [][]string{wrap(syms, "+", budget), wrap(subst, "+", budget)}
	if len(prods) > 1 {
		groups = append(groups, wrap(f.list(prods), "+", budget))
	}
	groups = append(groups, []string{f.plain(t.Net[l][j])})
	lines := aligned(netSymbol(n, l, j), groups[0], groups[1:]...)

	act := n.Activations[l-1]
	out := outSymbol(n, l, j)
	net := netSymbol(n, l, j)
	if act == mathcore.Linear {
		lines = append(lines, out+" &= "+net+" = "+f.plain(t.Out[l][j]))
	} else {
		lines = append(lines, out+" &= "+apply(act, net)+" = "+apply(act, f.plain(t.Net[l][j]))+" = "+f.plain(t.Out[l][j]))
	}
	return lines
}

// loss writes the loss of the outputs against the targets.
func (s *solution) loss() {
	n, t, f, d := s.n, s.t, s.f, &s.doc
	d.heading(2, text("Loss"))
	L := n.Output()
	var ys, outs []string
	for k, y := range t.Targets {
		ys = append(ys, f.plain(y))
		outs = append(outs, f.operand(t.Out[L][k]))
	}
	d.display(aligned("J", lossExpr(n, targetSymbols(n), outSymbols(n)), lossExpr(n, ys, outs), []string{f.plain(t.Loss)})...)
}
