package export

import (
	"strings"

	"nnmath/mathcore"
)

// network writes the title and the section that describes the network: its
// layers, activations, loss, learning rate, sample and parameters.
func (s *solution) network() {
	n, d := s.n, &s.doc
	d.heading(1, text("Worked solution: one training step of a "+shape(n)+" network"))
	if n.Name != "" {
		d.para(text(n.Name))
	}
	if n.Notes != "" {
		d.para(text("Note: " + n.Notes))
	}
	d.para(text("Every number is rounded to " + decimals(s.f.digits) + ". Each result is computed from the " +
		"unrounded values, so its last digit can differ from a calculation with the rounded numbers shown."))

	d.heading(2, text("The network"))
	var layers []string
	for l := range n.Sizes {
		layers = append(layers, theLayer(n, l)+" ("+nodeRange(n, l)+")")
	}
	d.para(text("A fully connected "+shape(n)+" network: "+joinWords(layers)+". "+
		"Each weight is numbered by its source node, then its target node, layer by layer"), s.numberingExample(), text("."))

	var items []inline
	for _, a := range []mathcore.Activation{mathcore.Sigmoid, mathcore.Tanh, mathcore.ReLU, mathcore.Linear} {
		var where []string
		for l, b := range n.Activations {
			if a == b {
				where = append(where, theLayer(n, l+1))
			}
		}
		if where != nil {
			items = append(items, append(line(text("Activation in "+joinWords(where)+": ")), activationDef(a)...))
		}
	}
	lossItem := line(text("Loss: "), tex("J = "+lossFormula(n)))
	if n.Loss == mathcore.MSE {
		lossItem = append(lossItem, text(", the mean of the squared errors."))
	} else {
		lossItem = append(lossItem, text(", half the sum of the squared errors."))
	}
	items = append(items, lossItem,
		line(text("Learning rate: "), tex(`\eta = `+s.f.plain(n.LearningRate)), text(".")),
		append(line(text("Inputs: ")), s.valueList(n.Inputs, func(j int) string { return outSymbol(n, 0, j) })...),
		append(line(text("Targets: ")), s.valueList(n.Targets, func(k int) string { return targetSymbol(n, k) })...),
	)
	d.list(items...)

	tb := s.paramTable()
	d.para(text("The parameters before the step:"))
	d.table(tb)
}

// numberingExample returns ": w1 goes from i1 to h1, w2 from i1 to h2" for
// the first two weights (just the first when there is one).
func (s *solution) numberingExample() span {
	n := s.n
	ex := ", so that "
	for k, p := range s.params[:min(2, n.Sizes[0]*n.Sizes[1])] {
		if k > 0 {
			ex += ` and `
		}
		ex += n.ParamLabel(p) + " goes from " + n.NodeLabel(0, p.From) + " to " + n.NodeLabel(1, p.To)
	}
	return text(ex)
}

// valueList returns "x1 = 0.5000, x2 = 0.5600." for the values with the
// given symbols, as inline math.
func (s *solution) valueList(values []float64, sym func(int) string) inline {
	var out inline
	for k, v := range values {
		if k > 0 {
			out = append(out, text(", "))
		}
		out = append(out, tex(sym(k)+" = "+s.f.plain(v)))
	}
	return append(out, text("."))
}

// activationDef returns the definition of a and of its slope.
func activationDef(a mathcore.Activation) inline {
	switch a {
	case mathcore.Tanh:
		return line(text("the hyperbolic tangent "), tex(`\mathrm{out} = \tanh(\mathrm{net})`), text(", with slope "),
			tex(derivative(`\mathrm{out}`, `\mathrm{net}`)+` = 1 - \mathrm{out}^{2}`), text("."))
	case mathcore.ReLU:
		return line(text("the ReLU "), tex(`\mathrm{out} = \max(0,\, \mathrm{net})`), text(", with slope 1 where "),
			tex(`\mathrm{net} > 0`), text(" and 0 elsewhere."))
	case mathcore.Linear:
		return line(text("linear, "), tex(`\mathrm{out} = \mathrm{net}`), text(", with slope 1."))
	default:
		return line(text("the sigmoid "), tex(`\mathrm{out} = \sigma(\mathrm{net}) = \frac{1}{1 + e^{-\mathrm{net}}}`),
			text(", with slope "), tex(derivative(`\mathrm{out}`, `\mathrm{net}`)+` = \mathrm{out}\,(1 - \mathrm{out})`), text("."))
	}
}

// lossFormula returns J on one line: written out for up to three outputs,
// as a sum over k for more.
func lossFormula(n *mathcore.Network) string {
	outs := n.Sizes[n.Output()]
	if outs <= 3 {
		lines := lossExpr(n, targetSymbols(n), outSymbols(n))
		return strings.Join(lines, " ")
	}
	return lossScale(n) + `\sum_{k=1}^{` + itoa(outs) + `} (y_{k} - \mathrm{out}_{ok})^{2}`
}

// targetSymbols returns the symbols of the targets: y, or y_{1}, y_{2}...
func targetSymbols(n *mathcore.Network) []string {
	out := make([]string, n.Sizes[n.Output()])
	for k := range out {
		out[k] = targetSymbol(n, k)
	}
	return out
}

// outSymbols returns the symbols of the outputs: out, or out_o1, out_o2...
func outSymbols(n *mathcore.Network) []string {
	L := n.Output()
	out := make([]string, n.Sizes[L])
	for k := range out {
		out[k] = outSymbol(n, L, k)
	}
	return out
}

// decimals returns "4 decimals", "1 decimal" or "whole numbers".
func decimals(k int) string {
	switch k {
	case 0:
		return "whole numbers"
	case 1:
		return "1 decimal"
	}
	return itoa(k) + " decimals"
}

// paramTable lists every parameter: its symbol, the nodes it joins and its
// value.
func (s *solution) paramTable() table {
	n := s.n
	tb := table{head: []inline{line(text("parameter")), line(text("from")), line(text("to")), line(text("value"))},
		right: []bool{false, false, false, true}}
	for _, p := range s.params {
		from := "bias"
		if !p.Bias {
			from = n.NodeLabel(p.Layer, p.From)
		}
		tb.rows = append(tb.rows, []inline{line(tex(paramSymbol(n, p))), line(text(from)),
			line(text(n.NodeLabel(p.Layer+1, p.To))), line(tex(s.f.plain(n.Value(p))))})
	}
	return tb
}
