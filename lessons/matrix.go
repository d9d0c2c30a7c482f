package lessons

import (
	"strings"

	"nnmath/mathcore"
)

// Matrix drawing limits: bigger matrices are shown with their first rows
// and columns and a ⋮ or ⋯ for the rest.
const (
	matMaxRows = 8
	matMaxCols = 8
)

// matrixLesson is lesson 14: the same computation written with matrices.
func matrixLesson() Lesson {
	return Lesson{
		ID:      "matrix",
		Title:   "Going further: matrix form",
		Summary: "the forward pass as W·x, gradients as outer products, the Jacobian",
		Build:   buildMatrix,
	}
}

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
	n, t := s.Net, s.Trace
	intro := []Block{
		Text("Writing every dot product by hand gets long. Real programs stack the weights into tables of " +
			"numbers, matrices, and do a whole layer in one multiplication. Nothing new happens: the same " +
			"numbers as before, arranged differently."),
		Text("W1 holds the weights into the first layer after the inputs: one row per node of that layer, one " +
			"column per input. Row j times the input vector is exactly the dot product for node j."),
	}
	var steps []Step
	for l := range n.Weights {
		W := "W" + itoa(l+1)
		x, net, out := vecName(n, l, "out"), vecName(n, l+1, "net"), vecName(n, l+1, "out")
		formula := net + " = " + W + "·" + x
		if n.HasBiases() {
			formula += " + b" + itoa(l+1)
		}
		fig := s.fitEquation(width, func(cols int) [][]string {
			parts := [][]string{s.matrix(n.Weights[l], cols), {"·"}, s.column(t.Out[l])}
			if n.HasBiases() {
				parts = append(parts, []string{"+"}, s.column(n.Biases[l]))
			}
			return append(parts, []string{"="}, s.column(t.Net[l+1]))
		})
		cut := ""
		if strings.ContainsAny(strings.Join(fig, ""), "⋮⋯") {
			cut = " Only its first rows and columns fit here; ⋮ and ⋯ stand for the rest."
		}
		steps = append(steps, Step{
			Title: "The " + n.LayerName(l+1) + " in one multiplication",
			Text: []string{W + " is " + itoa(n.Sizes[l+1]) + "×" + itoa(n.Sizes[l]) + ": one row for each node of the " +
				n.LayerName(l+1) + ", one column for each node of the " + n.LayerName(l) + "." + cut},
			Formula: formula,
			Figure:  fig,
			After: []string{"Then the " + activationName(n.Activations[l]) + " acts on each entry by itself: " +
				out + " = " + s.vecText(t.Out[l+1]) + "."},
		})
	}
	for l := len(n.Weights) - 1; l >= 0; l-- {
		W := "W" + itoa(l+1)
		x := vecName(n, l, "out")
		d := "δ" + itoa(l+1)
		steps = append(steps, Step{
			Title: "All slopes of " + W + " at once",
			Text: []string{"Each weight's slope is dJ/dnet of the node it feeds times the output of the node it " +
				"comes from. Call the column of dJ/dnet values " + d + ". A column times a row gives every pairing " +
				"at once: an outer product, shaped exactly like " + W + "."},
			Formula: "dJ/d" + W + " = " + d + "·" + x + "^T",
			Figure: s.fitEquation(width, func(cols int) [][]string {
				return [][]string{s.column(t.Delta[l+1]), {"·"}, s.row(t.Out[l], cols), {"="}, s.matrix(t.GradW[l], cols)}
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

// jacobianStep shows the Jacobian of the output layer with respect to the
// layer before it, and how it carries dJ/dout one layer back.
func (s *Session) jacobianStep(width int) Step {
	n, t := s.Net, s.Trace
	L := n.Output()
	jac := make([][]float64, n.Sizes[L])
	back := make([]float64, n.Sizes[L-1])
	for k := range jac {
		jac[k] = make([]float64, n.Sizes[L-1])
		for j := range jac[k] {
			jac[k][j] = t.DAct[L][k] * n.Weights[L-1][k][j]
			back[j] += t.DOut[L][k] * jac[k][j]
		}
	}
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
			return [][]string{s.row(t.DOut[L], cols), {"·"}, s.matrix(jac, cols), {"="}, s.row(back, cols)}
		}),
	}
}

// vecText writes a vector as "(0.5929, 0.5440)", with at most matMaxCols entries.
func (s *Session) vecText(v []float64) string {
	parts := make([]string, 0, min(len(v), matMaxCols)+1)
	for i, x := range v {
		if i == matMaxCols {
			parts = append(parts, "… "+itoa(len(v)-matMaxCols)+" more")
			break
		}
		parts = append(parts, s.F(x))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// matrix draws m in brackets, right-aligned columns, cut to matMaxRows rows
// and cols columns.
func (s *Session) matrix(m [][]float64, cols int) []string {
	rows := min(len(m), matMaxRows)
	cells := make([][]string, 0, rows+1)
	for r := range rows {
		cells = append(cells, s.cells(m[r], cols))
	}
	if rows < len(m) {
		dots := make([]string, len(cells[0]))
		for c := range dots {
			dots[c] = "⋮"
		}
		cells = append(cells, dots)
	}
	return bracket(cells)
}

// cells formats one row of a matrix, cut to cols entries and a ⋯.
func (s *Session) cells(v []float64, cols int) []string {
	out := make([]string, 0, min(len(v), cols)+1)
	for c, x := range v {
		if c == cols {
			out = append(out, "⋯")
			break
		}
		out = append(out, s.F(x))
	}
	return out
}

// column draws v as a column vector.
func (s *Session) column(v []float64) []string {
	m := make([][]float64, len(v))
	for i := range v {
		m[i] = v[i : i+1]
	}
	return s.matrix(m, 1)
}

// row draws v as a row vector of at most cols entries.
func (s *Session) row(v []float64, cols int) []string { return s.matrix([][]float64{v}, cols) }

// fitEquation lays out the blocks that build returns for the most columns
// per matrix (matMaxCols, then fewer) that fit the width.
func (s *Session) fitEquation(width int, build func(cols int) [][]string) []string {
	for _, cols := range []int{matMaxCols, 6, 4, 3, 2} {
		if lines := bpJoin(build(cols)); bpTableWidth(lines) <= width {
			return lines
		}
	}
	return bpEquation(width, build(1)...)
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

// bpEquation lays blocks side by side, each centred vertically, with one
// space between them. When the result is wider than width, the blocks are
// stacked instead, each on its own lines, and cut to the width.
func bpEquation(width int, blocks ...[]string) []string {
	if lines := bpJoin(blocks); bpTableWidth(lines) <= width {
		return lines
	}
	var stacked []string
	for _, b := range blocks {
		stacked = append(stacked, b...)
	}
	return fitLines(stacked, width)
}

// bpJoin lays blocks side by side, each centred vertically, with one space
// between them.
func bpJoin(blocks [][]string) []string {
	h := 0
	for _, b := range blocks {
		h = max(h, len(b))
	}
	lines := make([]string, h)
	for bi, b := range blocks {
		w := bpTableWidth(b)
		top := (h - len(b)) / 2
		for r := range h {
			cell := ""
			if r >= top && r-top < len(b) {
				cell = b[r-top]
			}
			if bi > 0 {
				lines[r] += " "
			}
			lines[r] += padRight(cell, w)
		}
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return lines
}
