package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"nnmath/export"
	"nnmath/mathcore"
	"nnmath/numtext"
)

func runTrace(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("trace", "trace [--net FILE | --example NAME] [--inputs a,b,..] [--targets ..] [--lr X] [--digits N] [--width N] [--json [--chains]]", stderr)
	var nf networkFlags
	nf.add(fs, true)
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	chains := fs.Bool("chains", false, fmt.Sprintf("with --json, write chains even for a network of more than %d weights and biases", export.MaxListedParams))
	digits := fs.Int("digits", 4, "decimals to print (0..10)")
	width := fs.Int("width", 0, "line width in columns (40..400); default: as wide as the tables need")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nnmath trace: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *width != 0 && (*width < 40 || *width > 400) {
		fmt.Fprintf(stderr, "nnmath trace: --width must be 40..400, got %d\n", *width)
		return exitUsage
	}
	if *digits < 0 || *digits > 10 {
		fmt.Fprintf(stderr, "nnmath trace: --digits must be 0..10, got %d\n", *digits)
		return exitUsage
	}
	n, err := nf.load()
	if err != nil {
		fmt.Fprintf(stderr, "nnmath trace: %v\n", err)
		return exitUsage
	}
	t := mathcore.NewTrace(n)
	t.Compute(n)
	if *asJSON {
		if err := writeTraceJSON(stdout, n, t, *chains || n.ParamCount() <= export.MaxListedParams); err != nil {
			fmt.Fprintf(stderr, "nnmath trace: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	writeTrace(stdout, n, t, *digits, *width)
	return exitOK
}

// traceHead is the start of the --json form of a trace: the network.
type traceHead struct {
	Name         string    `json:"name,omitempty"`
	Notes        string    `json:"notes,omitempty"`
	Sizes        []int     `json:"sizes"`
	Activations  []string  `json:"activations"`
	LossFunction string    `json:"loss_function"`
	LearningRate float64   `json:"learning_rate"`
	Targets      []float64 `json:"targets"`
}

// traceLayer is one layer of the --json form; its products are written
// after it, row by row.
type traceLayer struct {
	Name   string    `json:"name"`
	Labels []string  `json:"labels"`
	Sum    []float64 `json:"sum,omitempty"`
	Net    []float64 `json:"net"`
	Out    []float64 `json:"out"`
	DOut   []float64 `json:"dJ_dout,omitempty"`
	DAct   []float64 `json:"dout_dnet,omitempty"`
}

type traceChain struct {
	Param        string        `json:"param"`
	Value        float64       `json:"value"`
	PathCount    json.Number   `json:"path_count"`      // exact however large
	Paths        [][]traceFact `json:"paths,omitempty"` // omitted past mathcore.MaxChainPaths paths
	LayerByLayer []traceFact   `json:"layer_by_layer"`  // dJ/dout · dout/dnet · dnet/dparam of the node fed
	Gradient     float64       `json:"gradient"`
	New          float64       `json:"new"`
}

type traceFact struct {
	Symbol string  `json:"symbol"`
	Value  float64 `json:"value"`
}

// writeTraceJSON writes the trace as one JSON object, indented by two
// spaces, piece by piece, so that a wide network's numbers stream out in
// little memory: the network (traceHead), layers, loss, gradients,
// updated and, when withChains, chains.
func writeTraceJSON(w io.Writer, n *mathcore.Network, t *mathcore.Trace, withChains bool) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	head := traceHead{Name: n.Name, Notes: n.Notes, Sizes: n.Sizes, LossFunction: n.Loss.String(), LearningRate: n.LearningRate, Targets: n.Targets}
	for _, a := range n.Activations {
		head.Activations = append(head.Activations, a.String())
	}
	jw.openObject(0, head)
	jw.key(1, "layers")
	jw.list(1, len(n.Sizes), func(l int) { jw.layer(2, n, t, l) })
	jw.key(1, "loss")
	jw.value(1, t.Loss)
	jw.key(1, "gradients")
	jw.params(1, t.GradW, t.GradB)
	jw.key(1, "updated")
	jw.params(1, t.NewW, t.NewB)
	if withChains {
		jw.key(1, "chains")
		ps := n.Params()
		jw.list(1, len(ps), func(i int) { jw.value(2, chainJSON(n, t, ps[i])) })
	}
	jw.raw("\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// chainJSON returns the --json form of the chain of p.
func chainJSON(n *mathcore.Network, t *mathcore.Trace, p mathcore.Param) traceChain {
	c := t.Chain(n, p)
	count := strconv.Itoa(c.PathCount)
	if c.PathCountOverflow {
		count = mathcore.PathCountDecimal(n.Sizes, c.Layer)
	}
	tc := traceChain{Param: n.ParamLabel(p), Value: c.Old, PathCount: json.Number(count), Gradient: c.Gradient, New: c.New}
	syms := layerSymbols(n, c)
	tc.LayerByLayer = []traceFact{{syms[0], c.DOut}, {syms[1], c.DAct}, {syms[2], c.Local}}
	for _, path := range c.Paths {
		fs := make([]traceFact, len(path.Factors))
		for i, f := range path.Factors {
			fs[i] = traceFact{n.FactorSymbol(f), f.Value}
		}
		tc.Paths = append(tc.Paths, fs)
	}
	return tc
}

// jsonWriter writes JSON as encoding/json indents it (two spaces a
// level), one piece at a time; it keeps the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// indent returns the indentation of a line at depth d.
func indent(d int) string { return strings.Repeat("  ", d) }

// value writes v, whose first line is already placed at depth d.
func (jw *jsonWriter) value(d int, v any) {
	if jw.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, indent(d), "  ")
	if err != nil {
		jw.err = err
		return
	}
	_, jw.err = jw.w.Write(b)
}

// openObject writes the object v at depth d without its closing brace, so
// that keys can follow it.
func (jw *jsonWriter) openObject(d int, v any) {
	b, err := json.MarshalIndent(v, indent(d), "  ")
	if err != nil {
		jw.err = err
		return
	}
	jw.raw(strings.TrimSuffix(string(b), "\n"+indent(d)+"}"))
}

// key starts the next key of an object at depth d-1.
func (jw *jsonWriter) key(d int, name string) {
	jw.raw(",\n" + indent(d) + `"` + name + `": `)
}

// list writes a list of count elements at depth d, elem writing each.
func (jw *jsonWriter) list(d, count int, elem func(i int)) {
	if count == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("[")
	for i := range count {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n" + indent(d+1))
		elem(i)
	}
	jw.raw("\n" + indent(d) + "]")
}

// matrices writes weights-shaped numbers at depth d, a row at a time.
func (jw *jsonWriter) matrices(d int, m [][][]float64) {
	if m == nil {
		jw.raw("null")
		return
	}
	jw.list(d, len(m), func(l int) { jw.list(d+1, len(m[l]), func(j int) { jw.value(d+2, m[l][j]) }) })
}

// params writes gradients or updated values of weights and biases.
func (jw *jsonWriter) params(d int, w [][][]float64, b [][]float64) {
	jw.raw("{\n" + indent(d+1) + `"weights": `)
	jw.matrices(d+1, w)
	jw.key(d+1, "biases")
	jw.value(d+1, b)
	jw.raw("\n" + indent(d) + "}")
}

// layer writes layer l of the trace, its products row by row.
func (jw *jsonWriter) layer(d int, n *mathcore.Network, t *mathcore.Trace, l int) {
	ly := traceLayer{Name: n.LayerName(l), Out: t.Out[l]}
	for j := 0; j < n.Sizes[l]; j++ {
		ly.Labels = append(ly.Labels, n.NodeLabel(l, j))
	}
	if l == 0 {
		jw.value(d, ly)
		return
	}
	ly.Sum, ly.Net, ly.DOut, ly.DAct = t.Sum[l], t.Net[l], t.DOut[l], t.DAct[l]
	jw.openObject(d, ly)
	jw.key(d+1, "products")
	jw.list(d+1, len(t.Products[l-1]), func(j int) { jw.value(d+2, t.Products[l-1][j]) })
	jw.raw("\n" + indent(d) + "}")
}

// writeTrace prints the trace as text: the network, the forward pass, the
// loss and, for every parameter, its chain, gradient and update. With a
// width (0: none), prose wraps to it, and a table wider than it is written
// a row at a time, each row's formula wrapped under its numbers.
func writeTrace(w io.Writer, n *mathcore.Network, t *mathcore.Trace, digits, width int) {
	f := func(x float64) string { return numtext.Format(x, digits) }
	para := func(s string) {
		if width > 0 {
			s = wrapText(s, width)
		}
		fmt.Fprintln(w, s)
	}
	if n.Name != "" {
		para(n.Name)
	}
	if n.Notes != "" {
		para("Note: " + n.Notes)
	}
	var acts []string
	for _, a := range n.Activations {
		acts = append(acts, a.String())
	}
	sizes := make([]string, len(n.Sizes))
	for l, s := range n.Sizes {
		sizes[l] = fmt.Sprint(s)
	}
	para(fmt.Sprintf("Network %s, activation %s, loss %s, learning rate %s",
		strings.Join(sizes, "-"), strings.Join(acts, ", "), n.Loss, f(n.LearningRate)))

	fmt.Fprintln(w, "\nForward pass")
	forward := [][]string{{"node", "net = sum of w·x (+ b)", "net", "out"}}
	for j := range n.Sizes[0] {
		forward = append(forward, []string{n.NodeLabel(0, j), "(input)", "", f(t.Out[0][j])})
	}
	for l := 1; l < len(n.Sizes); l++ {
		for j := range n.Sizes[l] {
			var terms []string
			for i, wv := range n.Weights[l-1][j] {
				terms = append(terms, paren(f(wv))+"·"+paren(f(t.Out[l-1][i])))
			}
			if n.HasBiases() {
				terms = append(terms, paren(f(n.Biases[l-1][j])))
			}
			forward = append(forward, []string{n.NodeLabel(l, j), strings.Join(terms, " + "), f(t.Net[l][j]), f(t.Out[l][j])})
		}
	}
	writeTable(w, forward, 1, nil, width)
	L := n.Output()
	var diffs []string
	for k, y := range n.Targets {
		diffs = append(diffs, "("+f(y)+" - "+paren(f(t.Out[L][k]))+")^2")
	}
	scale := "1/2"
	if n.Loss == mathcore.MSE {
		scale = fmt.Sprintf("1/%d", len(n.Targets))
	}
	fmt.Fprintln(w)
	para(fmt.Sprintf("Loss  J = %s · [%s] = %s", scale, strings.Join(diffs, " + "), f(t.Loss)))

	fmt.Fprintln(w)
	para("Backward pass and update (new = old - η · gradient)")
	backward := [][]string{{"param", "old", "chain rule", "gradient", "new"}}
	var more [][]string // each row's further lines of its chain
	for _, p := range n.Params() {
		c := t.Chain(n, p)
		lines := chainLines(n, c, f)
		backward = append(backward, []string{n.ParamLabel(p), f(c.Old), lines[0], f(c.Gradient), f(c.New)})
		more = append(more, lines[1:])
	}
	writeTable(w, backward, 2, append([][]string{nil}, more...), width)
}

// writeTable writes rows (the first a header) as columns two spaces apart,
// with the formula of row k, in column fc, continued by the lines more[k]
// under it. When the table is wider than width (0: no limit), each row is
// written on its own instead: its label and numbers on one line, then its
// formula and the lines that continue it, wrapped to width.
func writeTable(w io.Writer, rows [][]string, fc int, more [][]string, width int) {
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	for k, r := range rows {
		fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
		if k < len(more) {
			for _, line := range more[k] {
				cells := make([]string, len(r))
				cells[fc] = line
				fmt.Fprintf(tw, "  %s\n", strings.Join(cells, "\t"))
			}
		}
	}
	tw.Flush()
	// Every row has every cell, so that the columns hold over the whole
	// table; the padding this leaves at the ends of lines is trimmed.
	lines := strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n")
	wide := false
	for i, line := range lines {
		lines[i] = strings.TrimRight(line, " ")
		wide = wide || width > 0 && utf8.RuneCountInString(lines[i]) > width
	}
	if !wide {
		fmt.Fprintln(w, strings.Join(lines, "\n"))
		return
	}
	head := rows[0]
	for k, r := range rows[1:] {
		var nums []string
		for c, cell := range r {
			if c != 0 && c != fc && cell != "" {
				nums = append(nums, head[c]+" "+cell)
			}
		}
		first := "  " + r[0]
		for _, num := range nums { // the numbers, as many to a line as fit
			last := first[strings.LastIndex(first, "\n")+1:]
			if utf8.RuneCountInString(last+"  "+num) > width {
				first += "\n     "
			}
			first += "  " + num
		}
		formula := []string{r[fc]}
		if k+1 < len(more) {
			formula = append(formula, more[k+1]...)
		}
		if last := first[strings.LastIndex(first, "\n")+1:]; len(formula) == 1 && utf8.RuneCountInString(last+"  "+r[fc]) <= width {
			fmt.Fprintln(w, first+"  "+r[fc]) // a short formula, such as "(input)", stays on the line
			continue
		}
		fmt.Fprintln(w, first)
		for _, line := range formula {
			indent := "      " + strings.Repeat(" ", len(line)-len(strings.TrimLeft(line, " ")))
			wrapped := wrapText(strings.TrimLeft(line, " "), width-len(indent)-2)
			fmt.Fprintln(w, indent+strings.ReplaceAll(wrapped, "\n", "\n"+indent+"  "))
		}
	}
}

// chainLines writes a chain as lines: each path's symbols and values, or the
// layer-by-layer form when there are too many paths to list.
func chainLines(n *mathcore.Network, c mathcore.Chain, f func(float64) string) []string {
	var lines []string
	if c.Paths == nil {
		return []string{strings.Join(layerSymbols(n, c), " · ") + fmt.Sprintf(" (dJ/d%s sums %s paths)", n.OutSymbol(c.Layer, c.Node), pathCount(n, c)),
			"  = " + strings.Join([]string{paren(f(c.DOut)), paren(f(c.DAct)), paren(f(c.Local))}, " · ") + " = " + f(c.Gradient)}
	}
	for k, path := range c.Paths {
		syms := make([]string, len(path.Factors))
		vals := make([]string, len(path.Factors))
		for i, fac := range path.Factors {
			syms[i] = n.FactorSymbol(fac)
			vals[i] = paren(f(fac.Value))
		}
		prefix := ""
		if len(c.Paths) > 1 {
			prefix = fmt.Sprintf("path %d: ", k+1)
		}
		lines = append(lines, prefix+strings.Join(syms, " · "), "  = "+strings.Join(vals, " · ")+" = "+f(path.Product))
	}
	return lines
}

// layerSymbols returns the symbols of the layer-by-layer chain of c:
// dJ/dout of the node the parameter feeds, its dout/dnet, and dnet/dparam.
func layerSymbols(n *mathcore.Network, c mathcore.Chain) []string {
	out, net := n.OutSymbol(c.Layer, c.Node), n.NetSymbol(c.Layer, c.Node)
	return []string{"dJ/d" + out, "d" + out + "/d" + net, "d" + net + "/d" + n.ParamLabel(c.Param)}
}

// paren wraps a negative number in brackets, so that "0.5·(-0.2)" and
// "1 - (-0.3)" read right.
func paren(s string) string {
	if strings.HasPrefix(s, "-") {
		return "(" + s + ")"
	}
	return s
}

// pathCount writes the number of paths of c: exact, or "about 2.1·10^6"
// from numtext.LargeCount on, as the lessons write it.
func pathCount(n *mathcore.Network, c mathcore.Chain) string {
	if !c.PathCountOverflow && c.PathCount < numtext.LargeCount {
		return fmt.Sprint(c.PathCount)
	}
	m, e := numtext.Sci(mathcore.PathCountApprox(n.Sizes, c.Layer), 2)
	return "about " + m + "·10^" + fmt.Sprint(e)
}
