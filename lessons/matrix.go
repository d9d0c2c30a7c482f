package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// Matrix drawing limits: bigger matrices are shown with their first rows
// and columns and a ⋮ or ⋯ for the rest.
const (
	matMaxRows = 8
	matMaxCols = 8
)

// vecName names the vector of outputs (what="out") or nets (what="net")
// of layer l: "i", "out_h", "net_h", "out", "net_o".
func vecName(n *mathcore.Network, l int, what string) string {
	switch {
	case l == 0:
		return "i"
	case l == n.Output() && what == "out":
		return "out"
	}
	return what + "_" + n.LayerPrefix(l)
}

func buildMatrix(s *Session, width int) Page {
	n := s.Net
	intro := []Block{
		Text("Writing every dot product by hand gets long. Real programs stack the weights into tables of " +
			"numbers, matrices, and do a whole layer in one multiplication. Nothing new happens: the same " +
			"numbers as before, arranged differently."),
		Text("W1 holds the weights into the first layer after the inputs: one row per node of that layer, one " +
			"column per input. Row j times the input vector is exactly the dot product for node j."),
	}
	if n.HasBiases() {
		intro = append(intro, Text("B1 holds that layer's biases, "+biasList(n, 0)+", stacked into one column: "+
			"one entry per node. (A capital B for the column, as W for the table of weights, so that it is not "+
			"taken for the single bias b1.)"))
	}
	var steps []Step
	for l := range n.Weights {
		W := "W" + strconv.Itoa(l+1)
		x, net, out := vecName(n, l, "out"), vecName(n, l+1, "net"), vecName(n, l+1, "out")
		formula := net + " = " + W + "·" + x
		if n.HasBiases() {
			formula += " + B" + strconv.Itoa(l+1)
		}
		fig := s.fitEquation(width, func(cols int) [][]string {
			parts := [][]string{s.grid(n.Sizes[l+1], n.Sizes[l], cols, weightCell(l)), {"·"}, s.column(n.Sizes[l], outCell(l))}
			if n.HasBiases() {
				parts = append(parts, []string{"+"}, s.column(n.Sizes[l+1], biasCell(l)))
			}
			return append(parts, []string{"="}, s.column(n.Sizes[l+1], netCell(l+1)))
		})
		cut := ""
		if strings.ContainsAny(strings.Join(fig, ""), "⋮⋯") {
			cut = " Only its first rows and columns fit here; ⋮ and ⋯ stand for the rest."
		}
		text := W + " is " + strconv.Itoa(n.Sizes[l+1]) + "×" + strconv.Itoa(n.Sizes[l]) + ": one row for each node of the " +
			n.LayerName(l+1) + ", one column for each node of the " + n.LayerName(l) + "."
		if n.HasBiases() {
			text += " B" + strconv.Itoa(l+1) + " is the column of its biases, " + biasList(n, l) + "."
		}
		then := "Then the " + activationName(n.Activations[l]) + " acts on each entry by itself: " +
			out + " = " + s.vecText(n.Sizes[l+1], outCell(l+1)) + "."
		if n.Activations[l] == mathcore.Linear {
			then = "The layer is linear, with no activation, so " + out + " is " + net + ": " + out + " = " +
				s.vecText(n.Sizes[l+1], outCell(l+1)) + "."
		}
		steps = append(steps, Step{
			Title:   "The " + n.LayerName(l+1) + " in one multiplication",
			Text:    []string{text + cut},
			Formula: formula,
			Figure:  fig,
			After:   []string{then},
		})
	}
	steps = append(steps, s.deltaColumnsStep(width))
	for l := len(n.Weights) - 1; l >= 0; l-- {
		W := "W" + strconv.Itoa(l+1)
		x := vecName(n, l, "out")
		d := "δ" + strconv.Itoa(l+1)
		steps = append(steps, Step{
			Title: "All slopes of " + W + " at once",
			Text: []string{"Each weight's slope is δ of the node it feeds times the output of the node it " +
				"comes from, so the column " + d + " times the row " + x + "^T gives every pairing at once: an outer " +
				"product, shaped exactly like " + W + "."},
			Formula: "dJ/d" + W + " = " + d + "·" + x + "^T",
			Figure: s.fitEquation(width, func(cols int) [][]string {
				return [][]string{s.column(n.Sizes[l+1], deltaCell(l+1)), {"·"}, s.grid(1, n.Sizes[l], cols, rowOf(outCell(l))),
					{"="}, s.grid(n.Sizes[l+1], n.Sizes[l], cols, gradCell(l))}
			}),
		})
	}
	steps = append(steps, s.jacobianStep(width), Step{
		Title: "Your own network",
		Text: []string{"Every number in these lessons is computed for the network the tutor holds. Describe " +
			"your own in a JSON file (layers, weights, optional biases, inputs, targets, learning rate) and " +
			"open it with: nnmath --net FILE"},
		After: []string{"The paper ends on the same thought: real networks have many more weights, more " +
			"outputs and many samples, but each slope is still found with the chain rule, one layer at a time."},
	})
	return Page{Intro: intro, Steps: steps}
}

// deltaColumnsStep defines δ as the backward-pass lesson does and stacks
// each layer's δs into a column, with the backward pass in matrix form.
func (s *Session) deltaColumnsStep(width int) Step {
	n := s.Net
	L := len(n.Weights)
	last := "δ" + strconv.Itoa(L)
	var fig []string
	for l := L; l >= 1; l-- {
		d := "δ" + strconv.Itoa(l)
		line := d + " = " + s.vecText(n.Sizes[l], deltaCell(l))
		if l < L {
			line = d + " = (W" + strconv.Itoa(l+1) + "^T·δ" + strconv.Itoa(l+1) + ") ∘ slopes = " + s.vecText(n.Sizes[l], deltaCell(l))
		}
		fig = append(fig, line)
	}
	text := "δ of a node is dJ/dnet of that node, as in " + lessonName(IDBackward) + ". Stack the δs of one " +
		"layer into a column: " + last + " for the " + n.LayerName(n.Output()) + ", and so on back to δ1."
	if L > 1 {
		text += " The backward pass becomes one line per layer: the transposed weights carry the δs of a layer " +
			"back to the layer before it, W^T·δ adds up w·δ over the nodes each node feeds, and ∘ multiplies " +
			"entry by entry by that layer's slopes dout/dnet."
	}
	return Step{
		Title:  "δ, one column per layer",
		Text:   []string{text},
		Figure: fitLines(breakAtEquals(fig, width), width),
		After:  []string{"The same numbers as the backward pass, now in columns."},
	}
}

// biasList names the biases into layer l+1: "b1 and b2", "b1, b2 and b3",
// or "b1, b2, …, b16" for more than four.
func biasList(n *mathcore.Network, l int) string {
	size := n.Sizes[l+1]
	name := func(j int) string { return n.ParamLabel(mathcore.Param{Bias: true, Layer: l, To: j}) }
	switch {
	case size == 1:
		return name(0)
	case size > 4:
		return name(0) + ", " + name(1) + ", …, " + name(size-1)
	}
	var names []string
	for j := 0; j < size-1; j++ {
		names = append(names, name(j))
	}
	return strings.Join(names, ", ") + " and " + name(size-1)
}

// jacobianStep shows the Jacobian of the output layer with respect to the
// layer before it, and how it carries dJ/dout one layer back.
func (s *Session) jacobianStep(width int) Step {
	n := s.Net
	L := n.Output()
	jac := func(n *mathcore.Network, t *mathcore.Trace, k, j int) float64 {
		return t.DAct[L][k] * n.Weights[L-1][k][j]
	}
	back := func(n *mathcore.Network, t *mathcore.Trace, _, j int) float64 {
		var x float64
		for k := range n.Sizes[L] {
			x += t.DOut[L][k] * jac(n, t, k, j)
		}
		return x
	}
	dout := func(_ *mathcore.Network, t *mathcore.Trace, _, k int) float64 { return t.DOut[L][k] }
	prev := vecName(n, L-1, "out")
	return Step{
		Title: "The Jacobian",
		Text: []string{"The paper's closing remark says real networks keep their partial derivatives in " +
			"Jacobian matrices. A Jacobian is the table of how every output of a layer reacts to every input " +
			"of it: row k, column j holds dout_k/d" + prev + "_j, here the activation's slope at k times the " +
			"weight from j to k.",
			"The chain rule then becomes a multiplication of tables: the row of dJ/dout values times the " +
				"Jacobian gives dJ/d" + prev + ", the slopes one layer further back."},
		Formula: "dJ/d" + prev + " = dJ/dout · Jac",
		Figure: s.fitEquation(width, func(cols int) [][]string {
			return [][]string{s.grid(1, n.Sizes[L], cols, dout), {"·"}, s.grid(n.Sizes[L], n.Sizes[L-1], cols, jac),
				{"="}, s.grid(1, n.Sizes[L-1], cols, back)}
		}),
	}
}

// cell reads entry (r, c) of a matrix or vector from a network and its
// trace; vectors are columns (c is 0) unless turned into a row by rowOf.
type cell func(n *mathcore.Network, t *mathcore.Trace, r, c int) float64

// The cells the matrix lesson draws: weight layer l, and the outs, biases,
// nets, dJ/dnet values and weight slopes of a layer.
func weightCell(l int) cell {
	return func(n *mathcore.Network, _ *mathcore.Trace, r, c int) float64 { return n.Weights[l][r][c] }
}
func outCell(l int) cell {
	return func(_ *mathcore.Network, t *mathcore.Trace, r, _ int) float64 { return t.Out[l][r] }
}
func biasCell(l int) cell {
	return func(n *mathcore.Network, _ *mathcore.Trace, r, _ int) float64 { return n.Biases[l][r] }
}
func netCell(l int) cell {
	return func(_ *mathcore.Network, t *mathcore.Trace, r, _ int) float64 { return t.Net[l][r] }
}
func deltaCell(l int) cell {
	return func(_ *mathcore.Network, t *mathcore.Trace, r, _ int) float64 { return t.Delta[l][r] }
}
func gradCell(l int) cell {
	return func(_ *mathcore.Network, t *mathcore.Trace, r, c int) float64 { return t.GradW[l][r][c] }
}

// rowOf reads a column vector as a row.
func rowOf(get cell) cell {
	return func(n *mathcore.Network, t *mathcore.Trace, _, c int) float64 { return get(n, t, c, 0) }
}

// at returns the getter of one entry of a cell.
func at(get cell, r, c int) getter {
	return func(n *mathcore.Network, t *mathcore.Trace) float64 { return get(n, t, r, c) }
}

// vecText writes a vector of size entries as "(0.5929, 0.5440)", with at
// most matMaxCols entries, each marked when it changed.
func (s *Session) vecText(size int, get cell) string {
	parts := make([]string, 0, min(size, matMaxCols)+1)
	for i := range size {
		if i == matMaxCols {
			parts = append(parts, "… "+strconv.Itoa(size-matMaxCols)+" more")
			break
		}
		parts = append(parts, s.val(at(get, i, 0)))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// grid draws a rows×cols matrix in brackets, right-aligned columns, cut to
// matMaxRows rows and maxCols columns, each entry marked when it changed.
func (s *Session) grid(rows, cols, maxCols int, get cell) []string {
	shown := min(rows, matMaxRows)
	cells := make([][]string, 0, shown+1)
	for r := range shown {
		row := make([]string, 0, min(cols, maxCols)+1)
		for c := range cols {
			if c == maxCols {
				row = append(row, "⋯")
				break
			}
			row = append(row, s.val(at(get, r, c)))
		}
		cells = append(cells, row)
	}
	if shown < rows {
		dots := make([]string, len(cells[0]))
		for c := range dots {
			dots[c] = "⋮"
		}
		cells = append(cells, dots)
	}
	return bracket(cells)
}

// column draws a column vector of size entries.
func (s *Session) column(size int, get cell) []string { return s.grid(size, 1, 1, get) }

// fitEquation lays out the blocks that build returns for the most columns
// per matrix (matMaxCols, then fewer) that fit the width.
func (s *Session) fitEquation(width int, build func(cols int) [][]string) []string {
	for _, cols := range []int{matMaxCols, 6, 4, 3, 2} {
		if lines := joinBlocks(build(cols)); blockWidth(lines) <= width {
			return lines
		}
	}
	return equation(width, build(1)...)
}

// bracket lays out cells in right-aligned columns between brackets: [ ] for
// one row, ⎡ ⎤ ⎢ ⎥ ⎣ ⎦ for more.
func bracket(cells [][]string) []string {
	var widths []int
	for _, r := range cells {
		for c, x := range r {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], textWidth(x))
		}
	}
	out := make([]string, len(cells))
	for i, r := range cells {
		parts := make([]string, len(widths))
		for c := range widths {
			x := ""
			if c < len(r) {
				x = r[c]
			}
			parts[c] = padLeft(x, widths[c])
		}
		left, right := "⎢", "⎥"
		switch {
		case len(cells) == 1:
			left, right = "[", "]"
		case i == 0:
			left, right = "⎡", "⎤"
		case i == len(cells)-1:
			left, right = "⎣", "⎦"
		}
		out[i] = left + strings.Join(parts, " ") + right
	}
	return out
}
