package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// This file holds the backward pass's steps that list many numbers: the δs
// of a layer's nodes past the first few, and the gradients of a layer as δ
// times an out.

// restDeltasStep gives the δs of the nodes of layer l past the first
// nodesShown, all computed the same way.
func (s *Session) restDeltasStep(l, width int) Step {
	n := s.Net
	size := n.Sizes[l]
	var vals []string
	for j := nodesShown; j < size; j++ {
		vals = append(vals, s.val(deltaGetter(l, j)))
	}
	return Step{
		Title: "The other " + strconv.Itoa(size-nodesShown) + " nodes of the " + n.LayerName(l),
		Text: []string{"Each gets its δ the same way, from the δs already known in the layer after it. " +
			"Their values, " + deltaName(n, l, nodesShown) + " to " + deltaName(n, l, size-1) + ":"},
		Figure: wrapItems(strings.Split(strings.Trim(vectorText(vals, 1<<20), "[]"), ", "), width, "  "),
	}
}

// gradientsTable lays out the gradients; on a narrow screen the column of
// symbols goes first, then the numbers substituted, rather than cutting
// the numbers short.
func gradientsTable(rows [][]string, width int) []string {
	lines := leftTable(rows)
	for _, drop := range []int{1, 1} { // the symbols, then the numbers substituted
		if blockWidth(lines) <= width {
			break
		}
		for i, r := range rows {
			if len(r) > 2 {
				rows[i] = dropColumns(r, []int{drop})
			}
		}
		lines = leftTable(rows)
	}
	return fitLines(lines, width)
}

// gradientsStep writes the gradient of each parameter in ps, all feeding
// layer l, as δ times an out.
func (s *Session) gradientsStep(l int, ps []mathcore.Param, width int) Step {
	n := s.Net
	const rowsShown = 16
	var rows [][]string
	for k, p := range ps {
		if k == rowsShown {
			rows = append(rows, []string{"… and " + strconv.Itoa(len(ps)-k) + " more, each one multiplication"})
			break
		}
		d := deltaName(n, l, p.To)
		dv := paren(s.val(deltaGetter(l, p.To)))
		g := "= " + s.V(gradGetter(p))
		if p.Bias {
			rows = append(rows, []string{"dJ/d" + n.ParamLabel(p), "= " + d + "·1", "= " + dv + "·1", g})
			continue
		}
		rows = append(rows, []string{"dJ/d" + n.ParamLabel(p), "= " + d + "·" + n.OutSymbol(l-1, p.From),
			"= " + dv + "·" + paren(outText(s, l-1, p.From)), g})
	}
	what := "weight"
	if n.HasBiases() {
		what = "weight and bias"
	}
	text := "Every " + what + " into the " + n.LayerName(l) + " now takes one multiplication: δ of the node it " +
		"feeds times the out of the node it comes from."
	if n.HasBiases() {
		text += " A bias's input is always 1, so its gradient is its node's δ itself."
	}
	factors := strconv.Itoa(2*(n.Output()-l+1)+1) + " factors"
	if paths := mathcore.PathCountApprox(n.Sizes, l); paths > 1 {
		factors = "sum over " + countText(paths) + " paths of " + factors + " each"
	} else {
		factors = "product of " + factors
	}
	after := "Compare " + chainLessonOf(n, l) + ": the same numbers, each there a " + factors + "."
	return Step{
		Title:   "Gradients into the " + n.LayerName(l),
		Text:    []string{text},
		Formula: "dJ/dw = δ of the node w feeds · out of the node w comes from",
		Figure:  gradientsTable(rows, width),
		After:   []string{after},
	}
}

// chainLessonOf names the chain-rule lesson that works out a weight into layer l.
func chainLessonOf(n *mathcore.Network, l int) string {
	if l == n.Output() {
		return lessonName(IDChainOutput)
	}
	return lessonName(IDChainHidden)
}

// leftTable lays rows out in columns two spaces apart, every column aligned
// left, so that formulas of different lengths line up at their "=". A row
// of a single cell is written as it is.
func leftTable(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		for c, cell := range r {
			if len(r) == 1 {
				break
			}
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
		line := ""
		for c, cell := range r {
			if c > 0 {
				line += "  "
			}
			line += padRight(cell, widths[c])
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}
