package export

import (
	"runtime"
	"sync"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// chainRule writes the chain rule for every weight and bias, grouped by the
// layer the parameter feeds: the factors in the paper's order, the numbers
// substituted, and the product (for several paths, the sum of the paths'
// products).
func (s *solution) chainRule() {
	if len(s.params) > MaxListedParams {
		s.chainTables()
		return
	}
	n, d := s.n, &s.doc
	intros, displays := s.chainBlocks()
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
		d.blocks = append(d.blocks, intros[k], displays[k])
	}
}

// chainTables writes the chain rule of a network too large to write every
// chain as a display: a table per group of parameters, one row for each,
// with the three layer-by-layer factors and their product.
func (s *solution) chainTables() {
	n, d, f := s.n, &s.doc, s.f
	var tb *table
	group := ""
	flush := func() {
		if tb != nil {
			d.table(*tb)
		}
	}
	for k, p := range s.params {
		c := s.chains[k]
		title, what := "Weights into "+theLayer(n, c.Layer), "weight"
		if p.Bias {
			title, what = "Biases of "+theLayer(n, c.Layer), "bias"
		}
		if title != group {
			flush()
			group = title
			d.heading(3, text(title))
			last := "the output of the weight's source node"
			if p.Bias {
				last = "1"
			}
			d.para(text("In a network this large the chains are not written one by one. The gradient of each "+what+" is "),
				tex(derivative("J", `\mathrm{out}_{j}`)+` \cdot `+derivative(`\mathrm{out}_{j}`, `\mathrm{net}_{j}`)+` \cdot `+derivative(`\mathrm{net}_{j}`, what[:1])),
				text(", where j is the node it feeds, "), tex(derivative("J", `\mathrm{out}_{j}`)),
				text(" comes from the layer-by-layer backpropagation above and "), tex(derivative(`\mathrm{net}_{j}`, what[:1])),
				text(" is "+last+":"))
			tb = &table{head: []inline{line(text("parameter")), line(text("from")), line(text("to")),
				line(tex(derivative("J", `\mathrm{out}_{j}`))), line(tex(derivative(`\mathrm{out}_{j}`, `\mathrm{net}_{j}`))),
				line(tex(derivative(`\mathrm{net}_{j}`, what[:1]))), line(text("gradient"))},
				right: []bool{false, false, false, true, true, true, true}}
		}
		from := "bias"
		if !p.Bias {
			from = n.NodeLabel(p.Layer, p.From)
		}
		tb.rows = append(tb.rows, []inline{line(tex(paramSymbol(n, p))), line(text(from)), line(text(n.NodeLabel(c.Layer, c.Node))),
			line(tex(f.plain(c.DOut))), line(tex(f.plain(c.DAct))), line(tex(f.plain(c.Local))), line(tex(f.plain(c.Gradient)))})
	}
	flush()
}

// chainBlocks returns the introduction and the display of every chain,
// computed on every core for a large network.
func (s *solution) chainBlocks() ([]block, []block) {
	intros, displays := make([]block, len(s.chains)), make([]block, len(s.chains))
	parallel(len(s.chains), func(k int) {
		intros[k] = paragraph{s.chainIntro(s.chains[k])}
		displays[k] = display{fit(s.chainLines(s.chains[k]))}
	})
	return intros, displays
}

// parallel calls do(k) for every k in [0, count), on every core when
// count is large enough to repay it. Each call must write only its own k.
func parallel(count int, do func(k int)) {
	workers := runtime.GOMAXPROCS(0)
	if count < 64 || workers == 1 {
		for k := range count {
			do(k)
		}
		return
	}
	var wg sync.WaitGroup
	size := (count + workers - 1) / workers
	for from := 0; from < count; from += size {
		wg.Go(func() {
			for k := from; k < min(from+size, count); k++ {
				do(k)
			}
		})
	}
	wg.Wait()
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
