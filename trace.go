package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"nnmath/mathcore"
	"nnmath/numtext"
)

func runTrace(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("trace", "trace [--net FILE] [--inputs a,b,..] [--targets ..] [--lr X] [--digits N] [--json]", stderr)
	var nf networkFlags
	nf.add(fs, true)
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	digits := fs.Int("digits", 4, "decimals to print (0..10)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nnmath trace: unexpected argument %q\n", fs.Arg(0))
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
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(traceJSON(n, t)); err != nil {
			fmt.Fprintf(stderr, "nnmath trace: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	writeTrace(stdout, n, t, *digits)
	return exitOK
}

// traceJSON is the --json form of a trace.
type traceOutput struct {
	Name         string       `json:"name,omitempty"`
	Notes        string       `json:"notes,omitempty"`
	Sizes        []int        `json:"sizes"`
	Activations  []string     `json:"activations"`
	LossFunction string       `json:"loss_function"`
	LearningRate float64      `json:"learning_rate"`
	Targets      []float64    `json:"targets"`
	Layers       []traceLayer `json:"layers"`
	Loss         float64      `json:"loss"`
	Gradients    traceParams  `json:"gradients"`
	Updated      traceParams  `json:"updated"`
	Chains       []traceChain `json:"chains"`
}

type traceLayer struct {
	Name   string      `json:"name"`
	Labels []string    `json:"labels"`
	Sum    []float64   `json:"sum,omitempty"`
	Net    []float64   `json:"net"`
	Out    []float64   `json:"out"`
	DOut   []float64   `json:"dJ_dout,omitempty"`
	DAct   []float64   `json:"dout_dnet,omitempty"`
	Terms  [][]float64 `json:"products,omitempty"`
}

type traceParams struct {
	Weights [][][]float64 `json:"weights"`
	Biases  [][]float64   `json:"biases"`
}

type traceChain struct {
	Param        string        `json:"param"`
	Value        float64       `json:"value"`
	PathCount    float64       `json:"path_count"`      // exact up to 2^53 paths
	Paths        [][]traceFact `json:"paths,omitempty"` // omitted past mathcore.MaxChainPaths paths
	LayerByLayer []traceFact   `json:"layer_by_layer"`  // dJ/dout · dout/dnet · dnet/dparam of the node fed
	Gradient     float64       `json:"gradient"`
	New          float64       `json:"new"`
}

type traceFact struct {
	Symbol string  `json:"symbol"`
	Value  float64 `json:"value"`
}

func traceJSON(n *mathcore.Network, t *mathcore.Trace) traceOutput {
	o := traceOutput{
		Name: n.Name, Notes: n.Notes, Sizes: n.Sizes, LossFunction: n.Loss.String(),
		LearningRate: n.LearningRate, Targets: n.Targets, Loss: t.Loss,
		Gradients: traceParams{t.GradW, t.GradB},
		Updated:   traceParams{t.NewW, t.NewB},
	}
	for _, a := range n.Activations {
		o.Activations = append(o.Activations, a.String())
	}
	for l := range n.Sizes {
		ly := traceLayer{Name: n.LayerName(l), Out: t.Out[l]}
		for j := 0; j < n.Sizes[l]; j++ {
			ly.Labels = append(ly.Labels, n.NodeLabel(l, j))
		}
		if l > 0 {
			ly.Sum, ly.Net, ly.DOut, ly.DAct, ly.Terms = t.Sum[l], t.Net[l], t.DOut[l], t.DAct[l], t.Products[l-1]
		}
		o.Layers = append(o.Layers, ly)
	}
	for _, p := range n.Params() {
		c := t.Chain(n, p)
		tc := traceChain{Param: n.ParamLabel(p), Value: c.Old, PathCount: mathcore.PathCountApprox(n.Sizes, c.Layer), Gradient: c.Gradient, New: c.New}
		syms := layerSymbols(n, c)
		tc.LayerByLayer = []traceFact{{syms[0], c.DOut}, {syms[1], c.DAct}, {syms[2], c.Local}}
		for _, path := range c.Paths {
			var fs []traceFact
			for _, f := range path.Factors {
				fs = append(fs, traceFact{n.FactorSymbol(f), f.Value})
			}
			tc.Paths = append(tc.Paths, fs)
		}
		o.Chains = append(o.Chains, tc)
	}
	return o
}

// writeTrace prints the trace as readable tables.
func writeTrace(w io.Writer, n *mathcore.Network, t *mathcore.Trace, digits int) {
	f := func(x float64) string { return numtext.Format(x, digits) }
	if n.Name != "" {
		fmt.Fprintln(w, n.Name)
	}
	if n.Notes != "" {
		fmt.Fprintln(w, "Note:", n.Notes)
	}
	var acts []string
	for _, a := range n.Activations {
		acts = append(acts, a.String())
	}
	sizes := make([]string, len(n.Sizes))
	for l, s := range n.Sizes {
		sizes[l] = fmt.Sprint(s)
	}
	fmt.Fprintf(w, "Network %s, activation %s, loss %s, learning rate %s\n",
		strings.Join(sizes, "-"), strings.Join(acts, ", "), n.Loss, f(n.LearningRate))

	fmt.Fprintln(w, "\nForward pass")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  node\tnet = sum of w·x (+ b)\tnet\tout")
	for j := range n.Sizes[0] {
		fmt.Fprintf(tw, "  %s\t(input)\t\t%s\n", n.NodeLabel(0, j), f(t.Out[0][j]))
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
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", n.NodeLabel(l, j), strings.Join(terms, " + "), f(t.Net[l][j]), f(t.Out[l][j]))
		}
	}
	tw.Flush()
	L := n.Output()
	var diffs []string
	for k, y := range n.Targets {
		diffs = append(diffs, "("+f(y)+" - "+paren(f(t.Out[L][k]))+")^2")
	}
	scale := "1/2"
	if n.Loss == mathcore.MSE {
		scale = fmt.Sprintf("1/%d", len(n.Targets))
	}
	fmt.Fprintf(w, "\nLoss  J = %s · [%s] = %s\n", scale, strings.Join(diffs, " + "), f(t.Loss))

	fmt.Fprintln(w, "\nBackward pass and update (new = old - eta · gradient)")
	// Every row has every cell, so that the columns hold over the whole
	// table; the padding this leaves at the ends of lines is trimmed.
	var table strings.Builder
	tw = tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  param\told\tchain rule\tgradient\tnew")
	for _, p := range n.Params() {
		c := t.Chain(n, p)
		label := n.ParamLabel(p)
		lines := chainLines(n, c, f)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", label, f(c.Old), lines[0], f(c.Gradient), f(c.New))
		for _, line := range lines[1:] {
			fmt.Fprintf(tw, "  \t\t%s\t\t\n", line)
		}
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(table.String(), "\n") {
		fmt.Fprint(w, strings.TrimRight(line, " \n")+strings.Repeat("\n", strings.Count(line, "\n")))
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
