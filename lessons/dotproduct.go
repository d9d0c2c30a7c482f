package lessons

import (
	"strings"

	"nnmath/mathcore"
)

// dotMaxTerms is how many product terms a formula shows before it writes
// "…" and the last term.
const dotMaxTerms = 8

func buildDot(s *Session, width int) Page {
	n := s.Net
	intro := []Block{
		Text("A node of the " + n.LayerName(1) + " listens to every input. It multiplies each input by the " +
			"weight on the edge between them, and adds the products up. The total is called net, the node's " +
			"net input."),
		Text("Multiplying two lists number by number and adding up is called a dot product."),
	}
	if n.HasBiases() {
		intro = append(intro, Text("This network also has biases: each node adds its own bias b to the sum, "+
			"a number that does not depend on the inputs."))
	}
	var steps []Step
	size := n.Sizes[1]
	shown := size
	if size > nodesShown+1 {
		shown = nodesShown - 1
	}
	for j := 0; j < shown; j++ {
		steps = append(steps, dotStep(s, j, width))
	}
	if shown < size {
		var nets []string
		for j := shown; j < size; j++ {
			nets = append(nets, n.NetSymbol(1, j)+" "+netText(s, 1, j))
		}
		steps = append(steps, Step{
			Title: "The other " + plural(size-shown, "node"),
			Text:  []string{"Every other node of the " + n.LayerName(1) + " works the same way, with its own weights:"},
			After: []string{strings.Join(nets, ", ")},
		})
	}
	if fig := dotMatrixFigure(s); fig != nil && fitsWidth(fig, width) {
		steps = append(steps, Step{
			Title: "All at once: a matrix times a vector",
			Text: []string{"Put the weights into each node in one row, and the inputs in one column. Each row " +
				"times the column is one dot product, so the whole layer is one matrix times a vector:"},
			Figure: fig,
		})
	}
	return Page{Intro: intro, Steps: s.onceRounded(steps)}
}

// dotTerms returns the indices of the terms a formula shows: all of them,
// or the first few and the last with a gap (-1) before it.
func dotTerms(count int) []int {
	var idx []int
	if count <= dotMaxTerms {
		for i := 0; i < count; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	for i := 0; i < dotMaxTerms-2; i++ {
		idx = append(idx, i)
	}
	return append(idx, -1, count-1)
}

// dotStep is net of node j in layer 1.
func dotStep(s *Session, j, width int) Step {
	n := s.Net
	var syms, nums []string
	shown := 0.0
	for _, i := range dotTerms(n.Sizes[0]) {
		if i < 0 {
			syms, nums = append(syms, "…"), append(nums, "…")
			continue
		}
		p := mathcore.Param{Layer: 0, From: i, To: j}
		syms = append(syms, n.ParamLabel(p)+"·"+n.NodeLabel(0, i))
		nums = append(nums, paren(s.P(p))+"·"+paren(outText(s, 0, i)))
		shown += s.shown(n.Value(p)) * s.shown(s.Trace.Out[0][i])
	}
	if n.HasBiases() {
		b := mathcore.Param{Bias: true, Layer: 0, To: j}
		syms = append(syms, n.ParamLabel(b))
		nums = append(nums, paren(s.P(b)))
		shown += s.shown(n.Value(b))
	}
	st := Step{
		Title:   n.NetSymbol(1, j),
		Text:    []string{"Into " + n.NodeLabel(1, j) + ": each weight times the input it comes from, then the sum."},
		Formula: n.NetSymbol(1, j) + " = " + strings.Join(syms, " + "),
		Numbers: strings.Join(nums, " + "),
		Result:  netText(s, 1, j),
	}
	if n.Sizes[0] <= dotMaxTerms {
		st.After = s.withRounding(nil, shown, s.Trace.Net[1][j])
	}
	if j == 0 {
		row := make([]string, 0, n.Sizes[0])
		col := make([]string, 0, n.Sizes[0])
		for i := 0; i < n.Sizes[0]; i++ {
			row = append(row, s.P(mathcore.Param{Layer: 0, From: i, To: j}))
			col = append(col, outText(s, 0, i))
		}
		sumV := dotSum(s, j)
		sum := "]ᵀ = " + sumV
		line := "[" + strings.Join(row, "  ") + "] · [" + strings.Join(col, "  ") + sum
		if textWidth(line) > width {
			line = "[" + strings.Join(row, " ") + "] · [" + strings.Join(col, " ") + sum
		}
		if textWidth(line) > width {
			line = "[" + n.ParamLabel(mathcore.Param{Layer: 0, To: j}) + " …] · [" + n.NodeLabel(0, 0) + " …]ᵀ = " + sumV
		}
		st.Figure = []string{clipText(line, width)}
		same := "The same sum written the way the paper does: a row of weights times a column " +
			"of inputs (ᵀ turns the row into a column)."
		if n.HasBiases() {
			same += " The bias is added after that."
		}
		st.After = append([]string{same}, st.After...)
	}
	return st
}

// dotMatrixFigure draws W · x = net for layer 1, or nil when the layer is
// too big to draw (more than 4 nodes or 8 inputs).
func dotMatrixFigure(s *Session) []string {
	n := s.Net
	rows, cols := n.Sizes[1], n.Sizes[0]
	if rows > 4 || cols > 8 {
		return nil
	}
	w := make([]string, rows)
	x := make([]string, cols)
	net := make([]string, rows)
	// Each column of W is aligned on its own, so that every row is as wide.
	cells := make([][]string, cols)
	for i := range cols {
		cells[i] = make([]string, rows)
		for j := range rows {
			cells[i][j] = s.P(mathcore.Param{Layer: 0, From: i, To: j})
		}
		cells[i] = dotAlign(cells[i])
	}
	for j := range rows {
		row := make([]string, cols)
		for i := range cols {
			row[i] = cells[i][j]
		}
		w[j] = strings.Join(row, " ")
		net[j] = dotSum(s, j)
	}
	for i := 0; i < cols; i++ {
		x[i] = outText(s, 0, i)
	}
	height := max(rows, cols)
	mid := (height - 1) / 2
	op := func(sym string) []string {
		c := make([]string, height)
		for r := range c {
			c[r] = " "
		}
		c[mid] = sym
		return c
	}
	fig := sideBySide(dotBracket(w), op("·"), 1)
	fig = sideBySide(fig, dotBracket(dotAlign(x)), 1)
	fig = sideBySide(fig, op("="), 1)
	fig = sideBySide(fig, dotBracket(dotAlign(net)), 1)
	label := "W · x = sum"
	if !n.HasBiases() {
		label = "W · x = net"
	}
	return append(fig, label)
}

// dotSum formats the weighted sum into node j of layer 1 (net without the
// bias), marked when it changed.
func dotSum(s *Session, j int) string {
	return s.V(func(t *mathcore.Trace) float64 { return t.Sum[1][j] })
}

// dotAlign right-aligns numbers to the same width.
func dotAlign(xs []string) []string {
	w := 0
	for _, x := range xs {
		w = max(w, textWidth(x))
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.Repeat(" ", w-textWidth(x)) + x
	}
	return out
}

// dotBracket puts square brackets around a column of lines.
func dotBracket(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = "[" + l + "]"
	}
	return out
}
