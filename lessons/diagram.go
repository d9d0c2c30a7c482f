package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// Diagram draws the session's network as plain text lines at most width
// columns wide: every node with its label and current output, every weight
// (and bias) on its edge with label and value, and the edges of highlight
// drawn heavy (━) with a ◆ so that a chain-rule path stands out without
// colour; o says which edges to highlight and whether to hide the values the
// network computes (see DiagramOptions).
//
// A network with one hidden layer, one output and no biases (such as the
// paper's 4-2-1) is drawn as three columns, inputs fanning into each hidden
// node and the hidden nodes into the output. Other networks of at most 8
// layers and 8 nodes a layer are drawn one weight layer at a time, each node
// with the edges into it. Larger networks, or any that does not fit the
// width, get a summary: each layer's nodes and values, then its weights.
func Diagram(s *Session, width int, o DiagramOptions) []string {
	width = max(width, 1)
	d := diagrammer{s: s, n: s.Net, hi: map[mathcore.Param]bool{}, hide: o.HideComputed, delta: o.Delta}
	for _, p := range o.Highlight {
		d.hi[p] = true
	}
	small := len(d.n.Sizes) <= 8
	for _, sz := range d.n.Sizes {
		small = small && sz <= 8
	}
	if small {
		if d.n.Layers() == 3 && d.n.Sizes[2] == 1 && !d.n.HasBiases() {
			if lines := d.columns(); fitsWidth(lines, width) {
				return lines
			}
		}
		if lines := d.fanIn(); fitsWidth(lines, width) {
			return lines
		}
	}
	return d.summary(width)
}

// DiagramOptions are the choices Diagram offers besides the width.
type DiagramOptions struct {
	// Highlight are the parameters whose edges are drawn heavy, each with a ◆.
	Highlight []mathcore.Param
	// HideComputed draws the value of every node the network computes (the
	// hidden and output nodes) as "?" padded to the width of its number, as
	// a quiz shows a network whose values the learner works out; the
	// inputs, weights and biases stay.
	HideComputed bool
	// Delta, when not nil, says which nodes show their δ (dJ/dnet) as
	// well: beside the node, or on the row under it in the three-column
	// drawing. The backward-pass lesson shows each δ once it is computed.
	Delta func(l, j int) bool
}

type diagrammer struct {
	s     *Session
	n     *mathcore.Network
	hi    map[mathcore.Param]bool
	hide  bool                // HideComputed
	delta func(l, j int) bool // DiagramOptions.Delta
}

// deltaText is "δ -0.0831" for a node that shows its δ, and "" otherwise.
func (d *diagrammer) deltaText(l, j int) string {
	if d.delta == nil || l == 0 || !d.delta(l, j) {
		return ""
	}
	return "δ " + d.s.val(deltaGetter(l, j))
}

// nodeWithDelta is node followed by its δ when it shows one.
func (d *diagrammer) nodeWithDelta(l, j int) string {
	if t := d.deltaText(l, j); t != "" {
		return d.node(l, j) + "  " + t
	}
	return d.node(l, j)
}

// node is a node's label and current output, such as "h1 0.5929", or
// "h1 ?     " for a computed node when its value is hidden.
func (d *diagrammer) node(l, j int) string {
	v := d.s.V(func(t *mathcore.Trace) float64 { return t.Out[l][j] })
	if d.hide && l > 0 {
		v = hideNumber(v)
	}
	return d.n.NodeLabel(l, j) + " " + v
}

// hideNumber writes the number a value starts with ("-0.5929") as "?"
// padded with spaces to the same width, keeping what follows it (a mark);
// a value that does not start with a decimal number is kept as it is.
func hideNumber(v string) string {
	k := 0
	if strings.HasPrefix(v, "-") {
		k++
	}
	digits := func() bool {
		start := k
		for k < len(v) && v[k] >= '0' && v[k] <= '9' {
			k++
		}
		return k > start
	}
	if !digits() || k >= len(v) || v[k] != '.' {
		return v
	}
	k++
	if !digits() {
		return v
	}
	return "?" + strings.Repeat(" ", k-1) + v[k:]
}

// param is a parameter's label and value, with ◆ in front when highlighted.
func (d *diagrammer) param(p mathcore.Param) string {
	s := d.n.ParamLabel(p) + " " + d.s.P(p)
	if d.hi[p] {
		return "◆" + s
	}
	return s
}

// markedWidth is the width of a value's text with a column kept for its
// mark, marked or not, so that a mark never moves the diagram.
func markedWidth(t string) int { return textWidth(strings.TrimRight(t, Up+Down)) + 1 }

// edge draws param p on a line w columns wide: "─w1 0.4000──", heavy when highlighted.
func (d *diagrammer) edge(p mathcore.Param, w int) string {
	line := "─"
	if d.hi[p] {
		line = "━"
	}
	t := d.param(p)
	return line + t + strings.Repeat(line, max(1, w-textWidth(t)-1))
}

// joint flags: a line comes in from the left, the vertical goes up or down,
// a line leaves to the right.
const (
	jLeft = 1 << iota
	jUp
	jDown
	jRight
)

var jointChar = map[int]string{
	0:                            " ",
	jLeft:                        "─",
	jLeft | jDown:                "┐",
	jLeft | jUp:                  "┘",
	jLeft | jUp | jDown:          "┤",
	jLeft | jRight:               "─",
	jLeft | jRight | jDown:       "┬",
	jLeft | jRight | jUp:         "┴",
	jLeft | jRight | jUp | jDown: "┼",
	jUp | jDown:                  "│",
	jUp | jDown | jRight:         "├",
	jUp | jRight:                 "└",
	jDown | jRight:               "┌",
	jRight:                       "─",
	jUp:                          "│",
	jDown:                        "│",
}

// joints returns the joint characters of a column where lines come in from
// the left at rows ins and leave to the right at row out, spanning rows.
func joints(rows int, ins []int, out int) []string {
	lo, hi := out, out
	for _, r := range ins {
		lo, hi = min(lo, r), max(hi, r)
	}
	col := make([]string, rows)
	for r := range col {
		f := 0
		if r > lo && r <= hi {
			f |= jUp
		}
		if r >= lo && r < hi {
			f |= jDown
		}
		if r == out {
			f |= jRight
		}
		for _, in := range ins {
			if in == r {
				f |= jLeft
			}
		}
		col[r] = jointChar[f]
	}
	return col
}

// columns draws an n-m-1 network as three columns.
func (d *diagrammer) columns() []string {
	n, m := d.n.Sizes[0], d.n.Sizes[1]
	rows := m*n + m - 1
	inW, e1W, hW, e2W := 0, 0, 0, 0
	for i := 0; i < n; i++ {
		inW = max(inW, markedWidth(d.node(0, i)))
		for j := 0; j < m; j++ {
			e1W = max(e1W, markedWidth(d.param(mathcore.Param{Layer: 0, From: i, To: j}))+2)
		}
	}
	for j := 0; j < m; j++ {
		hW = max(hW, markedWidth(d.node(1, j)))
		e2W = max(e2W, markedWidth(d.param(mathcore.Param{Layer: 1, From: j}))+2)
	}
	hidRow := func(j int) int { return j*(n+1) + n/2 }
	var hidRows []int
	for j := 0; j < m; j++ {
		hidRows = append(hidRows, hidRow(j))
	}
	outRow := (hidRows[0] + hidRows[m-1]) / 2
	j2 := joints(rows, hidRows, outRow)
	var j1 []string
	for j := 0; j < m; j++ {
		var ins []int
		for i := 0; i < n; i++ {
			ins = append(ins, i)
		}
		j1 = append(j1, joints(n, ins, n/2)...)
		if j < m-1 {
			j1 = append(j1, " ")
		}
	}
	hidCol := inW + 1 + e1W + 1 + 2
	outCol := hidCol + hW + 1 + e2W + 1 + 2
	var lines []string
	for r := 0; r < rows; r++ {
		var b strings.Builder
		j, i := r/(n+1), r%(n+1)
		if i < n {
			b.WriteString(padRight(d.node(0, i), inW) + " ")
			b.WriteString(d.edge(mathcore.Param{Layer: 0, From: i, To: j}, e1W))
		} else {
			b.WriteString(strings.Repeat(" ", inW+1+e1W))
		}
		b.WriteString(j1[r])
		under := r - 1 // the hidden node whose δ this row may show, under it
		switch {
		case r == hidRow(j) && i < n:
			b.WriteString("▶ " + padRight(d.node(1, j), hW) + " ")
			b.WriteString(d.edge(mathcore.Param{Layer: 1, From: j}, e2W))
		case under >= 0 && under%(n+1) == n/2 && d.deltaText(1, under/(n+1)) != "":
			b.WriteString(padRight("  "+d.deltaText(1, under/(n+1)), 2+hW+1+e2W))
		default:
			b.WriteString(strings.Repeat(" ", 2+hW+1+e2W))
		}
		b.WriteString(j2[r])
		line := strings.TrimRight(b.String(), " ")
		switch {
		case r == outRow: // after the joint, so a hidden value keeps its width
			line = b.String() + "▶ " + d.node(2, 0)
		case r == outRow+1 && d.deltaText(2, 0) != "":
			line = b.String() + "  " + d.deltaText(2, 0)
		}
		lines = append(lines, line)
	}
	// The layer names head the columns; the last one moves left when the
	// rows end before it would.
	maxW := 0
	for _, l := range lines {
		maxW = max(maxW, markedWidth(l)) // as if marked, so that a mark never moves the names
	}
	head := padRight(d.n.LayerName(0), hidCol) + d.n.LayerName(1)
	outName := d.n.LayerName(2)
	head = padRight(head, max(textWidth(head)+2, min(outCol, maxW-textWidth(outName)))) + outName
	return append([]string{head}, lines...)
}

// fanIn draws each weight layer as its target nodes, each with the edges
// (and bias) coming into it.
func (d *diagrammer) fanIn() []string {
	var lines []string
	for l := range d.n.Weights {
		if l > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, d.n.LayerName(l)+" → "+d.n.LayerName(l+1)+" ("+d.n.Activations[l].String()+")")
		src := d.n.Sizes[l]
		inW, eW := 0, 0
		for i := 0; i < src; i++ {
			inW = max(inW, markedWidth(d.node(l, i)))
		}
		if d.n.HasBiases() {
			inW = max(inW, len("bias"))
		}
		for j := 0; j < d.n.Sizes[l+1]; j++ {
			for _, p := range d.into(l, j) {
				eW = max(eW, markedWidth(d.param(p))+2)
			}
		}
		for j := 0; j < d.n.Sizes[l+1]; j++ {
			ps := d.into(l, j)
			ins := make([]int, len(ps))
			for k := range ins {
				ins[k] = k
			}
			mid := (len(ps) - 1) / 2
			jc := joints(len(ps), ins, mid)
			for k, p := range ps {
				from := "bias"
				if !p.Bias {
					from = d.node(l, p.From)
				}
				row := padRight(from, inW) + " " + d.edge(p, eW) + jc[k]
				if k == mid {
					row += "▶ " + d.nodeWithDelta(l+1, j)
				}
				lines = append(lines, row)
			}
		}
	}
	return lines
}

// into returns the weights into node j of layer l+1, then its bias.
func (d *diagrammer) into(l, j int) []mathcore.Param {
	var ps []mathcore.Param
	for i := 0; i < d.n.Sizes[l]; i++ {
		ps = append(ps, mathcore.Param{Layer: l, From: i, To: j})
	}
	if d.n.HasBiases() {
		ps = append(ps, mathcore.Param{Bias: true, Layer: l, To: j})
	}
	return ps
}

// summaryItems is how many nodes or weights of one layer the summary lists
// before saying how many more there are.
const summaryItems = 12

// summary lists each layer's nodes and each weight layer's parameters,
// wrapped to width; highlighted parameters are always listed.
func (d *diagrammer) summary(width int) []string {
	var lines []string
	for l, size := range d.n.Sizes {
		head := d.n.LayerName(l) + ", " + plural(size, "node")
		if l > 0 {
			head += ", " + d.n.Activations[l-1].String()
		}
		lines = append(lines, clipText(head+":", width))
		var items []string
		for j := 0; j < min(size, summaryItems); j++ {
			items = append(items, d.nodeWithDelta(l, j))
		}
		if size > summaryItems {
			items = append(items, "… "+strconv.Itoa(size-summaryItems)+" more")
		}
		lines = append(lines, wrapItems(items, width, "  ")...)
		if l == d.n.Output() {
			break
		}
		var ps []mathcore.Param
		shown := 0
		total := 0
		for j := 0; j < d.n.Sizes[l+1]; j++ {
			for _, p := range d.into(l, j) {
				total++
				if shown < summaryItems || d.hi[p] {
					ps = append(ps, p)
					shown++
				}
			}
		}
		var ws []string
		for _, p := range ps {
			ws = append(ws, d.n.ParamLabel(p)+" "+d.n.NodeLabel(l, p.From)+"→"+d.n.NodeLabel(l+1, p.To)+" "+d.s.P(p))
			if p.Bias {
				ws[len(ws)-1] = d.n.ParamLabel(p) + " bias→" + d.n.NodeLabel(l+1, p.To) + " " + d.s.P(p)
			}
			if d.hi[p] {
				ws[len(ws)-1] = "◆" + ws[len(ws)-1]
			}
		}
		if total > len(ps) {
			ws = append(ws, "… "+strconv.Itoa(total-len(ps))+" more")
		}
		what := "weights"
		if d.n.HasBiases() {
			what = "weights and biases"
		}
		lines = append(lines, clipText("  "+what+" into the "+d.n.LayerName(l+1)+":", width))
		lines = append(lines, wrapItems(ws, width, "    ")...)
	}
	return lines
}
