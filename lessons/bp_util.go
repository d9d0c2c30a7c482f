package lessons

import (
	"strconv"
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

// lossDerivative returns dJ/dout for output node k: the formula in symbols,
// with the numbers substituted (marked when they changed), and its value
// computed from the numbers as shown.
func (s *Session) lossDerivative(k int) (formula, numbers string, shown float64) {
	n := s.Net
	L := n.Output()
	out := n.OutSymbol(L, k)
	y := "y"
	if n.Sizes[L] > 1 {
		y = "y" + strconv.Itoa(k+1)
	}
	yv := s.val(func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.Targets[k] })
	ov := paren(fwOut(s, L, k))
	diff := s.shown(s.Trace.Targets[k]) - s.shown(s.Trace.Out[L][k])
	if n.Loss == mathcore.MSE {
		m := n.Sizes[L]
		if m == 1 {
			return "-2·(" + y + " - " + out + ")", "-2·(" + yv + " - " + ov + ")", -2 * diff
		}
		f := "-(2/" + strconv.Itoa(m) + ")"
		return f + "·(" + y + " - " + out + ")", f + "·(" + yv + " - " + ov + ")", -2 / float64(m) * diff
	}
	return "-(" + y + " - " + out + ")", "-(" + yv + " - " + ov + ")", -diff
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
		return "J = (1/" + strconv.Itoa(n.Sizes[n.Output()]) + ")·Σ (y_k - out_k)^2"
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
