package lessons

import (
	"strings"

	"nnmath/mathcore"
)

// This file holds the small text helpers the backprop lessons share: widths,
// padding, tables, brackets around negative numbers and the names of
// vectors and derivatives for any network.

// bpTable lays out rows in columns separated by two spaces; the first
// column is aligned left and the others right (numbers). A row with a
// single cell is written as it is, across the columns.
func bpTable(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		if len(r) == 1 {
			continue
		}
		for c, cell := range r {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], textWidth(cell))
		}
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		if len(r) == 1 {
			out = append(out, r[0])
			continue
		}
		var b strings.Builder
		for c, cell := range r {
			if c > 0 {
				b.WriteString("  ")
				b.WriteString(padLeft(cell, widths[c]))
			} else {
				b.WriteString(padRight(cell, widths[c]))
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// bpTableWidth returns the width of the widest line of lines.
func bpTableWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, textWidth(l))
	}
	return w
}

// bpWrap breaks text into lines of at most width columns at spaces, for
// text inside a figure (which the renderer never wraps).
func bpWrap(text string, width int) []string {
	width = max(width, 10)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case textWidth(line)+1+textWidth(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return fitLines(lines, width)
}

// pf formats x for a substitution: with the session's decimals and in
// brackets when negative.
func (s *Session) pf(x float64) string { return paren(s.F(x)) }

// pv formats the current value of parameter p, marked when it changed with
// the last edit; it is safe when the network changed shape since then.
func (s *Session) pv(p mathcore.Param) string {
	if s.prevNet != nil && !sameShape(s.prevNet, s.Net) {
		return s.F(s.Net.Value(p))
	}
	return s.P(p)
}

// lossDerivative returns dJ/dout for output node k: the formula in symbols
// and with the numbers substituted.
func (s *Session) lossDerivative(k int) (formula, numbers string) {
	n := s.Net
	L := n.Output()
	out := n.OutSymbol(L, k)
	y := "y"
	if n.Sizes[L] > 1 {
		y = "y" + itoa(k+1)
	}
	yv, ov := s.F(s.Trace.Targets[k]), s.F(s.Trace.Out[L][k])
	if n.Loss == mathcore.MSE {
		m := itoa(n.Sizes[L])
		return "-(2/" + m + ")·(" + y + " - " + out + ")", "-(2/" + m + ")·(" + yv + " - " + paren(ov) + ")"
	}
	return "-(" + y + " - " + out + ")", "-(" + yv + " - " + paren(ov) + ")"
}

// actDerivative returns dout/dnet of node j in layer l (l >= 1) for the
// layer's activation: the formula in symbols and with the numbers
// substituted ("" when there is nothing to substitute).
func (s *Session) actDerivative(l, j int) (formula, numbers string) {
	n := s.Net
	out, net := n.OutSymbol(l, j), n.NetSymbol(l, j)
	ov := s.F(s.Trace.Out[l][j])
	switch n.Activations[l-1] {
	case mathcore.Tanh:
		return "1 - " + out + "^2", "1 - " + paren(ov) + "^2"
	case mathcore.ReLU:
		return "1 if " + net + " > 0, else 0", net + " = " + s.F(s.Trace.Net[l][j])
	case mathcore.Linear:
		return "1", ""
	}
	return out + "·(1 - " + out + ")", ov + "·(1 - " + ov + ")"
}

// activationName returns how the lessons name an activation.
func activationName(a mathcore.Activation) string {
	if a == mathcore.Sigmoid {
		return "sigmoid σ"
	}
	return a.String()
}

// lossFormula returns the loss as a formula for n.
func lossFormula(n *mathcore.Network) string {
	if n.Sizes[n.Output()] == 1 {
		if n.Loss == mathcore.MSE {
			return "J = (y - out)^2"
		}
		return "J = 1/2·(y - out)^2"
	}
	if n.Loss == mathcore.MSE {
		return "J = (1/" + itoa(n.Sizes[n.Output()]) + ")·Σ (y_k - out_k)^2"
	}
	return "J = 1/2·Σ (y_k - out_k)^2"
}

// bpPrinted1 returns the first number the paper printed for quantity q, or 0.
func bpPrinted1(q string) float64 {
	if v := printedValues(q); len(v) > 0 {
		return v[0]
	}
	return 0
}

// firstOutputWeight returns the first weight into the output layer: w9 for
// the paper's network.
func firstOutputWeight(n *mathcore.Network) mathcore.Param {
	return mathcore.Param{Layer: n.Output() - 1}
}

// gradGetter returns a getter of dJ/dp for Session.V.
func gradGetter(p mathcore.Param) func(t *mathcore.Trace) float64 {
	return func(t *mathcore.Trace) float64 { return t.Gradient(p) }
}

// newGetter returns a getter of p's updated value for Session.V.
func newGetter(p mathcore.Param) func(t *mathcore.Trace) float64 {
	return func(t *mathcore.Trace) float64 { return t.Updated(p) }
}
