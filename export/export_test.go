package export

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

func render(t *testing.T, n *mathcore.Network, f Format, digits int) string {
	t.Helper()
	data, err := Render(n, Options{Format: f, Digits: digits})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestMarkdownPaper(t *testing.T) {
	golden.RequireEqual(t, render(t, mathcore.Paper(), Markdown, DefaultDigits))
}

func TestLaTeXPaper(t *testing.T) {
	golden.RequireEqual(t, render(t, mathcore.Paper(), LaTeX, DefaultDigits))
}

func TestMarkdown222(t *testing.T) {
	golden.RequireEqual(t, render(t, testnet.TwoTwoTwo(), Markdown, DefaultDigits))
}

func TestLaTeX222(t *testing.T) {
	golden.RequireEqual(t, render(t, testnet.TwoTwoTwo(), LaTeX, DefaultDigits))
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{{"markdown", Markdown}, {"md", Markdown}, {"LaTeX", LaTeX}, {"tex", LaTeX}} {
		got, err := ParseFormat(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "pdf", "html"} {
		if _, err := ParseFormat(bad); err == nil || !strings.Contains(err.Error(), "markdown or latex") {
			t.Errorf("ParseFormat(%q) error = %v, want one naming the formats", bad, err)
		}
	}
	for _, name := range Formats() {
		f, err := ParseFormat(name)
		if err != nil || f.String() != name {
			t.Errorf("format %q does not round-trip: %v, %v", name, f, err)
		}
	}
}

func TestRenderRejects(t *testing.T) {
	bad := mathcore.Paper()
	bad.Inputs = bad.Inputs[:2]
	if _, err := Render(bad, Options{Digits: 4}); err == nil || !strings.Contains(err.Error(), "inputs") {
		t.Errorf("invalid network: error = %v, want one naming inputs", err)
	}
	for _, d := range []int{-1, MaxDigits + 1} {
		if _, err := Render(mathcore.Paper(), Options{Digits: d}); err == nil {
			t.Errorf("digits %d: no error", d)
		}
	}
	if _, err := Render(mathcore.Paper(), Options{Format: Format(7), Digits: 4}); err == nil {
		t.Error("unknown format: no error")
	}
}

func TestRenderLeavesNetworkAlone(t *testing.T) {
	n := testnet.TwoTwoTwo()
	before, _ := mathcore.MarshalNetwork(n)
	render(t, n, Markdown, 4)
	render(t, n, LaTeX, 4)
	after, _ := mathcore.MarshalNetwork(n)
	if string(before) != string(after) {
		t.Errorf("Render changed the network:\n%s\nbecame\n%s", before, after)
	}
}

func TestPaperSection(t *testing.T) {
	const title = "Where the paper's numbers differ"
	if doc := render(t, mathcore.Paper(), Markdown, 4); !strings.Contains(doc, title) {
		t.Error("the paper's network has no section on the paper's numbers")
	}
	renamed := mathcore.Paper()
	renamed.Name, renamed.Notes = "", ""
	if doc := render(t, renamed, Markdown, 4); !strings.Contains(doc, title) {
		t.Error("the paper's network without its name lost the section on the paper's numbers")
	}
	for name, change := range map[string]func(n *mathcore.Network){
		"inputs":  func(n *mathcore.Network) { n.Inputs[3] = 0.1 },
		"targets": func(n *mathcore.Network) { n.Targets[0] = 0 },
		"weight":  func(n *mathcore.Network) { n.Weights[1][0][1] = 0.41 },
		"rate":    func(n *mathcore.Network) { n.LearningRate = 0.5 },
		"loss":    func(n *mathcore.Network) { n.Loss = mathcore.MSE },
		"act":     func(n *mathcore.Network) { n.Activations[0] = mathcore.Tanh },
		"biases":  func(n *mathcore.Network) { n.Biases = [][]float64{{0, 0}, {0}} },
	} {
		n := mathcore.Paper()
		change(n)
		if doc := render(t, n, Markdown, 4); strings.Contains(doc, title) {
			t.Errorf("changed %s: the solution still speaks of the paper's numbers", name)
		}
	}
	if doc := render(t, testnet.TwoTwoTwo(), LaTeX, 4); strings.Contains(doc, "paper") {
		t.Error("the 2-2-2 solution mentions the paper")
	}
}

func TestManyPathsUseLayerByLayerForm(t *testing.T) {
	n := testnet.ManyPaths()
	doc := render(t, n, Markdown, 4)
	for _, want := range []string{
		"Backpropagation, layer by layer",
		"81 paths, too many to list",
		`\frac{dJ}{d\mathrm{out}_{ha1}} &= \frac{dJ}{d\mathrm{net}_{hb1}}\, w_{`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the solution lacks %q", want)
		}
	}
	if doc := render(t, testnet.TwoTwoTwo(), Markdown, 4); strings.Contains(doc, "Backpropagation, layer by layer") {
		t.Error("the 2-2-2 solution uses the layer-by-layer form")
	}
}

func TestSymbols(t *testing.T) {
	for in, want := range map[string]string{
		"out": `\mathrm{out}`, "out_h1": `\mathrm{out}_{h1}`, "net_o": `\mathrm{net}_{o}`,
		"net_hb12": `\mathrm{net}_{hb12}`, "w10": `w_{10}`, "b3": `b_{3}`, "i4": `i_{4}`, "J": "J", "y": "y",
	} {
		if got := symbol(in); got != want {
			t.Errorf("symbol(%q) = %q, want %q", in, got, want)
		}
	}
	n := mathcore.Paper()
	c := mathcore.NewTrace(n)
	c.Compute(n)
	ch := c.Chain(n, mathcore.Param{Layer: 0, From: 0, To: 0})
	var got []string
	for _, f := range ch.Paths[0].Factors {
		got = append(got, factorSymbol(n, f))
	}
	want := []string{
		`\frac{dJ}{d\mathrm{out}}`,
		`\frac{d\mathrm{out}}{d\mathrm{net}_{o}}`,
		`\frac{d\mathrm{net}_{o}}{d\mathrm{out}_{h1}}`,
		`\frac{d\mathrm{out}_{h1}}{d\mathrm{net}_{h1}}`,
		`\frac{d\mathrm{net}_{h1}}{dw_{1}}`,
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("factors of w1:\n got %q\nwant %q", got, want)
	}
}

func TestEscaping(t *testing.T) {
	n := mathcore.Paper()
	n.Name = `50% of a_b & {c} $5 #1 ~x^2 <y> \z *w* [l](u) |p|`
	n.Notes = ""
	md := render(t, n, Markdown, 4)
	if !strings.Contains(md, `50% of a\_b & {c} \$5 \#1 \~x^2 \<y\> \\z \*w\* \[l\](u) \|p\|`) {
		t.Errorf("Markdown did not escape the name:\n%s", strings.SplitN(md, "\n", 4)[2])
	}
	tex := render(t, n, LaTeX, 4)
	want := `50\% of a\_b \& \{c\} \$5 \#1 \textasciitilde{}x\textasciicircum{}2 \textless{}y\textgreater{} \textbackslash{}z *w* [l](u) |p|`
	if !strings.Contains(tex, want) {
		t.Errorf("LaTeX did not escape the name; want %s", want)
	}
	checkMarkdownBalanced(t, md)
	checkLaTeXBalanced(t, tex)
}

// TestLargeNumbersAsMath: a path count of millions and values of a billion
// are written as powers of ten, never as a run of digits or in e-notation.
func TestLargeNumbersAsMath(t *testing.T) {
	sizes := []int{2, 8, 8, 8, 8, 8, 8, 8, 8, 1} // 8^7 paths from the first layer
	n := testnet.Random(11, testnet.Spec{Sizes: sizes, Values: testnet.Thousandths,
		Activations: []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid, mathcore.Sigmoid,
			mathcore.Sigmoid, mathcore.Sigmoid, mathcore.Sigmoid, mathcore.Sigmoid, mathcore.Sigmoid, mathcore.Linear}})
	n.Inputs[0] = 2e9
	for _, format := range []Format{Markdown, LaTeX} {
		doc := render(t, n, format, 4)
		if !strings.Contains(doc, `\approx 2.1 \times 10^{6}`) {
			t.Errorf("%v: the path count is not written as a power of ten", format)
		}
		if !strings.Contains(doc, `2.0000 \times 10^{9}`) {
			t.Errorf("%v: the input 2e9 is not written as a power of ten", format)
		}
		if strings.Contains(doc, "e+") || strings.Contains(doc, "2097152") {
			t.Errorf("%v: e-notation or a long run of digits in the document", format)
		}
	}
}

// TestLargeNetworkChainTables checks that a network of more than
// MaxListedParams parameters writes its chains as tables, row by row with
// mathcore's numbers, in both formats.
func TestLargeNetworkChainTables(t *testing.T) {
	n := testnet.Random(3, testnet.Spec{Sizes: []int{101, 100, 2}, Biases: true, Values: testnet.Thousandths,
		Activations: []mathcore.Activation{mathcore.Tanh, mathcore.Sigmoid}})
	if len(n.Params()) <= MaxListedParams {
		t.Fatalf("%d parameters: not past the limit", len(n.Params()))
	}
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	f := numbers{DefaultDigits}
	md := render(t, n, Markdown, DefaultDigits)
	checkMarkdownBalanced(t, md)
	checkLaTeXBalanced(t, render(t, n, LaTeX, DefaultDigits))
	w1 := mathcore.Param{Layer: 0, From: 0, To: 0}
	row := "| $w_{1}$ | i1 | h1 | $" + f.plain(tr.DOut[1][0]) + "$ | $" + f.plain(tr.DAct[1][0]) + "$ | $" +
		f.plain(tr.Out[0][0]) + "$ | $" + f.plain(tr.Gradient(w1)) + "$ |"
	for _, want := range []string{"In a network this large the chains are not written one by one", row, "### Biases of the output layer"} {
		if !strings.Contains(md, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	if strings.Contains(md, "paths; the gradient is the sum") {
		t.Error("a chain of a large network lists its paths")
	}
}
