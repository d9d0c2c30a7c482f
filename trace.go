package main

import (
	"fmt"
	"io"
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

// maxColumnFormula is the longest formula a trace without --width writes
// in a column; a table with a longer one (a node of hundreds of inputs) is
// written a row at a time at wideTableWidth columns, as with --width.
const (
	maxColumnFormula = 400
	wideTableWidth   = 100
)

// writeTable writes rows (the first a header) as columns two spaces apart,
// with the formula of row k, in column fc, continued by the lines more[k]
// under it. When the table is wider than width (0: no limit), each row is
// written on its own instead: its label and numbers on one line, then its
// formula and the lines that continue it, wrapped to width.
func writeTable(w io.Writer, rows [][]string, fc int, more [][]string, width int) {
	if width == 0 {
		for _, r := range rows {
			if utf8.RuneCountInString(r[fc]) > maxColumnFormula {
				width = wideTableWidth // a 784-input sum would pad every row to its length
				break
			}
		}
	}
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
