package export

import (
	"nnmath/mathcore"
	"nnmath/numtext"
)

// chainRule writes the chain rule for every weight and bias, grouped by the
// layer the parameter feeds: the factors in the paper's order, the numbers
// substituted, and the product (for several paths, the sum of the paths'
// products).
func (s *solution) chainRule() {
	n, d := s.n, &s.doc
	group := ""
	for k, p := range s.params {
		c := s.chains[k]
		title := "Weights into " + theLayer(n, c.Layer)
		if p.Bias {
			title = "Biases of " + theLayer(n, c.Layer)
		}
		if title != group {
			d.heading(3, text(title))
			group = title
		}
		d.para(s.chainIntro(c)...)
		d.display(s.chainLines(c)...)
	}
}

// chainIntro says which connection the parameter is and how many paths lead
// from it to the outputs.
func (s *solution) chainIntro(c mathcore.Chain) inline {
	n, p := s.n, c.Param
	sym := tex(paramSymbol(n, p))
	var what string
	if p.Bias {
		what = " is the bias of " + n.NodeLabel(c.Layer, c.Node)
	} else {
		what = " connects " + n.NodeLabel(p.Layer, p.From) + " to " + n.NodeLabel(c.Layer, c.Node)
	}
	switch {
	case c.Paths == nil:
		count := []span{text(what + ". It reaches the outputs along " + itoa(c.PathCount) + " paths, too many to list, so the chain uses ")}
		if !c.PathCountOverflow && c.PathCount <= mathcore.MaxChainPaths {
			count = []span{text(what + ". It reaches the outputs along " + itoa(c.PathCount) + " paths; in a network this large the chain uses ")}
		}
		if c.PathCountOverflow || c.PathCount >= numtext.LargeCount {
			count = []span{text(what + ". It reaches the outputs along "), tex(pathCount(n, c)),
				text(" paths, too many to list, so the chain uses ")}
		}
		spans := append(append([]span{sym}, count...), tex(derivative("J", outSymbol(n, c.Layer, c.Node))),
			text(" from the layer-by-layer backpropagation above:"))
		return line(spans...)
	case len(c.Paths) == 1:
		return line(sym, text(what+":"))
	default:
		return line(sym, text(what+". It reaches the outputs along "+itoa(len(c.Paths))+
			" paths; the gradient is the sum of the products along them:"))
	}
}

// chainLines returns the display of one chain.
func (s *solution) chainLines(c mathcore.Chain) []string {
	n, f := s.n, s.f
	lhs := derivative("J", paramSymbol(n, c.Param))
	if c.Paths == nil {
		top := outSymbol(n, c.Layer, c.Node)
		last := derivative(netSymbol(n, c.Layer, c.Node), paramSymbol(n, c.Param))
		syms := derivative("J", top) + ` \cdot ` + derivative(top, netSymbol(n, c.Layer, c.Node)) + ` \cdot ` + last
		nums := f.plain(c.DOut) + ` \cdot ` + f.operand(c.DAct) + ` \cdot ` + f.operand(c.Local)
		return aligned(lhs, []string{syms}, []string{nums}, []string{f.plain(c.Gradient)})
	}
	budget := room(lhs)
	var syms, nums []string
	var prods []float64
	for k, path := range c.Paths {
		fs := make([]string, len(path.Factors))
		vs := make([]string, len(path.Factors))
		for i, fac := range path.Factors {
			fs[i] = factorSymbol(n, fac)
			vs[i] = f.operand(fac.Value)
		}
		if k == 0 {
			vs[0] = f.plain(path.Factors[0].Value)
		}
		syms = append(syms, prefixed(k, wrap(fs, `\cdot`, budget))...)
		nums = append(nums, prefixed(k, wrap(vs, `\cdot`, budget))...)
		prods = append(prods, path.Product)
	}
	groups := [][]string{nums}
	if len(prods) > 1 {
		groups = append(groups, wrap(f.list(prods), "+", budget))
	}
	groups = append(groups, []string{f.plain(c.Gradient)})
	return aligned(lhs, syms, groups...)
}

// prefixed marks the lines of path k of a sum: every path after the first
// starts with a plus on a new line, and each of its lines is a continuation.
func prefixed(k int, lines []string) []string {
	if k > 0 {
		lines[0] = "+ " + lines[0]
	}
	return lines
}

// pathCount writes a number of paths of numtext.LargeCount or more as math,
// to 2 significant figures: "\approx 4.2 \times 10^{17}".
func pathCount(n *mathcore.Network, c mathcore.Chain) string {
	return `\approx ` + power(numtext.Sci(mathcore.PathCountApprox(n.Sizes, c.Layer), 2))
}
