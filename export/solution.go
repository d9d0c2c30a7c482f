package export

import (
	"strings"

	"nnmath/mathcore"
)

// solution builds the document for one network: the trace of one step, the
// chain of every parameter and the formatting of numbers.
type solution struct {
	n      *mathcore.Network
	t      *mathcore.Trace
	params []mathcore.Param
	chains []mathcore.Chain // chains[k] is the chain of params[k]
	f      numbers
	doc    document
}

// MaxListedParams is the most weights and biases a network may have for
// the solution to list the paths of every chain; a larger network's chains
// use dJ/dout from the layer-by-layer backpropagation instead, which keeps
// the document of a 512-512-4 network to a fifth of the size.
const MaxListedParams = 10000

// build computes one training step of n and returns its worked solution.
// n must be valid; it is not changed.
func build(n *mathcore.Network, digits int) *document {
	t := mathcore.NewTrace(n)
	t.Compute(n)
	s := &solution{n: n, t: t, params: n.Params(), f: numbers{digits}}
	s.chains = make([]mathcore.Chain, len(s.params))
	for k, p := range s.params {
		if len(s.params) > MaxListedParams {
			s.chains[k] = t.ChainLayerByLayer(n, p)
		} else {
			s.chains[k] = t.Chain(n, p)
		}
	}
	s.network()
	s.forward()
	s.loss()
	s.backward()
	s.update()
	s.after()
	if mathcore.IsPaper(n) {
		s.paperSlips()
	}
	return &s.doc
}

// shape returns the layer sizes joined by dashes: "4-2-1".
func shape(n *mathcore.Network) string {
	parts := make([]string, len(n.Sizes))
	for l, size := range n.Sizes {
		parts[l] = itoa(size)
	}
	return strings.Join(parts, "-")
}

// layerTitle returns a layer's name with a capital letter: "Hidden layer A".
func layerTitle(n *mathcore.Network, l int) string {
	name := n.LayerName(l)
	return strings.ToUpper(name[:1]) + name[1:]
}

// theLayer returns a layer's name for use inside a sentence: "the hidden
// layer", "hidden layer A", "the output layer".
func theLayer(n *mathcore.Network, l int) string {
	name := n.LayerName(l)
	if l > 0 && l < n.Output() && n.Output() > 2 {
		return name
	}
	return "the " + name
}

// nodeRange lists the labels of layer l's nodes: "h1, h2" or "i1 to i64".
func nodeRange(n *mathcore.Network, l int) string {
	size := n.Sizes[l]
	if size > 4 {
		return n.NodeLabel(l, 0) + " to " + n.NodeLabel(l, size-1)
	}
	labels := make([]string, size)
	for j := range labels {
		labels[j] = n.NodeLabel(l, j)
	}
	return strings.Join(labels, ", ")
}

// joinWords joins phrases as English: "a", "a and b", "a, b and c".
func joinWords(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// lossScale returns the factor in front of the sum of squares as LaTeX:
// \frac{1}{2} for half_sse, \frac{1}{n} for mse (nothing when n is 1).
func lossScale(n *mathcore.Network) string {
	outs := n.Sizes[n.Output()]
	if n.Loss == mathcore.MSE {
		if outs == 1 {
			return ""
		}
		return `\frac{1}{` + itoa(outs) + `}`
	}
	return `\frac{1}{2}`
}

// lossExpr returns J written out with the given targets and outputs (LaTeX
// pieces), broken over lines: 1/2 (y - out)^2 or 1/n [(y1 - out_o1)^2 + ..].
// The lines fit beside the widest output symbol, the widest left part of
// the displays they go in.
func lossExpr(n *mathcore.Network, targets, outs []string) []string {
	terms := make([]string, len(targets))
	for k := range targets {
		terms[k] = "(" + targets[k] + " - " + outs[k] + ")^{2}"
	}
	scale := lossScale(n)
	if len(terms) == 1 {
		return []string{scale + terms[0]}
	}
	budget := room(outSymbol(n, n.Output(), len(terms)-1)) - mathWidth(scale+`\bigl[`)
	lines := wrap(terms, "+", budget)
	lines[0] = scale + `\bigl[` + lines[0]
	lines[len(lines)-1] += `\bigr]`
	return lines
}

// aligned returns the lines of a display: lhs &= the first part of first,
// then each further group on a line of its own starting with &=; the other
// parts of a group continue it, indented (a product deeper than a sum).
func aligned(lhs string, first []string, more ...[]string) []string {
	var out []string
	for g, group := range append([][]string{first}, more...) {
		for i, part := range group {
			switch {
			case g == 0 && i == 0:
				out = append(out, lhs+" &= "+part)
			case i == 0:
				out = append(out, "&= "+part)
			case strings.HasPrefix(part, `\cdot`):
				out = append(out, `&\qquad `+part)
			default:
				out = append(out, `&\quad `+part)
			}
		}
	}
	return out
}
