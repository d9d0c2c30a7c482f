package export

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// Checks on whole documents: every math span is balanced, and every number
// is a value mathcore computed, at the chosen precision and in its place.

var beginEnd = regexp.MustCompile(`\\(begin|end)\{([^}]*)\}`)

// checkTeX reports unbalanced braces or environments in a piece of LaTeX.
func checkTeX(s string) error {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // \{ \} \\ \$ and the first letter of a command
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return fmt.Errorf("a } at byte %d closes nothing", i)
			}
		}
	}
	if depth != 0 {
		return fmt.Errorf("%d { left open", depth)
	}
	var stack []string
	for _, m := range beginEnd.FindAllStringSubmatch(s, -1) {
		if m[1] == "begin" {
			stack = append(stack, m[2])
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			return fmt.Errorf(`\end{%s} does not close %v`, m[2], stack)
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		return fmt.Errorf("environments left open: %v", stack)
	}
	return nil
}

// dollars returns the byte offsets of the unescaped $ signs in a line.
func dollars(line string) []int {
	var at []int
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '$':
			at = append(at, i)
		}
	}
	return at
}

// checkMarkdownBalanced checks that every $$ block is closed and balanced,
// every line has its inline $ signs in pairs, and every span is balanced
// and can be read by pandoc (no space just inside the $ signs).
func checkMarkdownBalanced(t *testing.T, doc string) {
	t.Helper()
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] == "$$" {
			end := i + 1
			for end < len(lines) && lines[end] != "$$" {
				end++
			}
			if end == len(lines) {
				t.Fatalf("line %d: $$ block never closed", i+1)
			}
			body := strings.Join(lines[i+1:end], "\n")
			if strings.TrimSpace(body) == "" || strings.Contains(body, "$") {
				t.Errorf("line %d: empty $$ block, or a $ inside it", i+1)
			}
			if err := checkTeX(body); err != nil {
				t.Errorf("line %d: $$ block: %v", i+1, err)
			}
			if i > 0 && lines[i-1] != "" || end+1 < len(lines) && lines[end+1] != "" {
				t.Errorf("line %d: a $$ block needs a blank line before and after", i+1)
			}
			i = end
			continue
		}
		at := dollars(lines[i])
		if len(at)%2 != 0 {
			t.Errorf("line %d: odd number of $ signs: %s", i+1, lines[i])
			continue
		}
		for k := 0; k < len(at); k += 2 {
			span := lines[i][at[k]+1 : at[k+1]]
			if span == "" || strings.TrimSpace(span) != span {
				t.Errorf("line %d: math span %q is empty or has space inside its $ signs", i+1, span)
			}
			if err := checkTeX(span); err != nil {
				t.Errorf("line %d: $%s$: %v", i+1, span, err)
			}
		}
	}
}

// checkLaTeXBalanced checks braces and environments over the whole body,
// \[ \] pairs and the inline $ signs of every line.
func checkLaTeXBalanced(t *testing.T, doc string) {
	t.Helper()
	var body []string
	open := false
	for i, ln := range strings.Split(doc, "\n") {
		if strings.HasPrefix(ln, "%") {
			continue
		}
		body = append(body, ln)
		switch ln {
		case `\[`:
			if open {
				t.Errorf(`line %d: \[ inside \[`, i+1)
			}
			open = true
		case `\]`:
			if !open {
				t.Errorf(`line %d: \] closes nothing`, i+1)
			}
			open = false
		}
		if len(dollars(ln))%2 != 0 {
			t.Errorf("line %d: odd number of $ signs: %s", i+1, ln)
		}
	}
	if open {
		t.Error(`a \[ is never closed`)
	}
	if err := checkTeX(strings.Join(body, "\n")); err != nil {
		t.Error(err)
	}
	if !strings.HasPrefix(doc, "%") || !strings.Contains(strings.SplitN(doc, "\n\n", 2)[0], `\usepackage{amsmath}`) {
		t.Error("the LaTeX body does not open with a comment that asks for amsmath")
	}
}

func TestBalanced(t *testing.T) {
	for name, n := range testNetworks() {
		for _, digits := range []int{0, 4, 10} {
			t.Run(fmt.Sprintf("%s/%d", name, digits), func(t *testing.T) {
				checkMarkdownBalanced(t, render(t, n, Markdown, digits))
				checkLaTeXBalanced(t, render(t, n, LaTeX, digits))
			})
		}
	}
}

// values returns every number mathcore computes for one step of n, and
// the values of the network itself, formatted at digits.
func values(n *mathcore.Network, digits int) map[string]bool {
	t := mathcore.NewTrace(n)
	t.Compute(n)
	next := n.Clone()
	t.Apply(next)
	ta := mathcore.NewTrace(next)
	ta.Compute(next)

	var all []float64
	add := func(xs ...float64) { all = append(all, xs...) }
	add2 := func(m [][]float64) {
		for _, r := range m {
			add(r...)
		}
	}
	add3 := func(m [][][]float64) {
		for _, r := range m {
			add2(r)
		}
	}
	add3(n.Weights)
	add2(n.Biases)
	add(n.Inputs...)
	add(n.Targets...)
	add(n.LearningRate, t.Loss, ta.Loss)
	add3(t.Products)
	for _, m := range [][][]float64{t.Sum, t.Net, t.Out, t.DOut, t.DAct, t.Delta, t.GradB, t.NewB, ta.Out} {
		add2(m)
	}
	add3(t.GradW)
	add3(t.NewW)
	for _, p := range n.Params() {
		c := t.Chain(n, p)
		add(c.DOut, c.DAct, c.Local, c.Gradient, c.Old, c.New)
		for _, path := range c.Paths {
			add(path.Product)
			for _, f := range path.Factors {
				add(f.Value)
			}
		}
		for _, term := range c.Terms {
			add(term.DNet, term.WeightV, term.Value)
		}
	}
	if mathcore.IsPaper(n) {
		for _, net := range t.Net[1] {
			add(mathcore.SigmoidOf(-net))
		}
	}
	set := map[string]bool{}
	for _, x := range all {
		set[numtext.Format(x, digits)] = true
	}
	return set
}

var decimal = regexp.MustCompile(`-?[0-9]+\.[0-9]+`)

// TestEveryNumberIsMathcores checks that every decimal number in every
// document is one of mathcore's values at the chosen precision (or, in the
// section on the paper, a number the paper prints).
func TestEveryNumberIsMathcores(t *testing.T) {
	printed := map[string]bool{}
	for _, s := range []string{printedOutH1, printedOutH2, printedOut, printedDOut, printedDActA, printedDActB,
		printedOneLess, printedGradW9, printedNewW9, printedGradW1, printedNewW1} {
		printed[s] = true
	}
	for name, n := range testNetworks() {
		for _, digits := range []int{2, 4, 7} {
			want := values(n, digits)
			for _, f := range []Format{Markdown, LaTeX} {
				doc := render(t, n, f, digits)
				if n.Notes != "" {
					doc = strings.Replace(doc, n.Notes, "", 1) // the notes are the network's own words
				}
				paper := strings.Index(doc, "the paper's numbers differ")
				for _, loc := range decimal.FindAllStringIndex(doc, -1) {
					s := doc[loc[0]:loc[1]]
					if want[s] || paper >= 0 && loc[0] > paper && printed[s] {
						continue
					}
					from := max(0, loc[0]-60)
					t.Errorf("%s, %d digits, %v: %s is not a value of mathcore: ...%s", name, digits, f, s, doc[from:loc[1]])
				}
			}
		}
	}
}

// mdDisplays returns the $$ blocks of a Markdown document, each as lines
// without the aligned environment.
func mdDisplays(doc string) [][]string {
	var out [][]string
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] != "$$" {
			continue
		}
		var block []string
		for i++; lines[i] != "$$"; i++ {
			ln := strings.TrimSuffix(lines[i], ` \\`)
			if ln != `\begin{aligned}` && ln != `\end{aligned}` {
				block = append(block, ln)
			}
		}
		out = append(out, block)
	}
	return out
}

// display returns the display whose first line starts with prefix.
func findDisplay(t *testing.T, blocks [][]string, prefix string) []string {
	t.Helper()
	for _, b := range blocks {
		if strings.HasPrefix(b[0], prefix) {
			return b
		}
	}
	t.Fatalf("no display starts with %s", prefix)
	return nil
}

// TestNumbersInPlace checks, from mathcore's values, that each node's net
// and output, the loss, each gradient, each update and the output and loss
// after the step appear where they belong.
func TestNumbersInPlace(t *testing.T) {
	for name, n := range testNetworks() {
		for _, digits := range []int{3, 4} {
			t.Run(fmt.Sprintf("%s/%d", name, digits), func(t *testing.T) {
				checkInPlace(t, n, digits)
			})
		}
	}
}

func checkInPlace(t *testing.T, n *mathcore.Network, digits int) {
	f := func(x float64) string { return numtext.Format(x, digits) }
	op := func(x float64) string {
		if s := f(x); strings.HasPrefix(s, "-") {
			return "(" + s + ")"
		}
		return f(x)
	}
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	doc := render(t, n, Markdown, digits)
	blocks := mdDisplays(doc)
	sub := func(label string) string { return "_{" + label + "}" }
	L := n.Output()
	outOf := func(l, j int) string {
		if l == L && n.Sizes[L] == 1 {
			return `\mathrm{out}`
		}
		return `\mathrm{out}` + sub(n.NodeLabel(l, j))
	}

	for l := 1; l <= L; l++ {
		for j := range n.Sizes[l] {
			b := findDisplay(t, blocks, `\mathrm{net}`+sub(n.NodeLabel(l, j))+" &= ")
			if b[len(b)-2] != "&= "+f(tr.Net[l][j]) {
				t.Errorf("net of %s: %q, want &= %s", n.NodeLabel(l, j), b[len(b)-2], f(tr.Net[l][j]))
			}
			last := b[len(b)-1]
			if !strings.HasPrefix(last, outOf(l, j)+" &= ") || !strings.HasSuffix(last, " = "+f(tr.Out[l][j])) {
				t.Errorf("out of %s: %q, want = %s", n.NodeLabel(l, j), last, f(tr.Out[l][j]))
			}
		}
	}
	loss := findDisplay(t, blocks, "J &= ")
	if got := loss[len(loss)-1]; got != "&= "+f(tr.Loss) {
		t.Errorf("loss: %q, want &= %s", got, f(tr.Loss))
	}
	dout := findDisplay(t, blocks, `\frac{dJ}{d`+outOf(L, 0)+"} &= ")
	for k := range n.Sizes[L] {
		if !strings.HasPrefix(dout[k], `\frac{dJ}{d`+outOf(L, k)+"} &= ") ||
			!strings.HasSuffix(dout[k], " = "+f(tr.DOut[L][k])) {
			t.Errorf("dJ/dout of output %d: %q, want = %s", k, dout[k], f(tr.DOut[L][k]))
		}
	}
	for _, p := range n.Params() {
		c := tr.Chain(n, p)
		label := n.ParamLabel(p)
		sym := label[:1] + sub(label[1:])
		b := findDisplay(t, blocks, `\frac{dJ}{d`+sym+"} &= ")
		if got := b[len(b)-1]; got != "&= "+f(c.Gradient) {
			t.Errorf("gradient of %s: %q, want &= %s", label, got, f(c.Gradient))
		}
		row := fmt.Sprintf("| $%s$ | $%s$ | $%s$ | $%s - %s \\cdot %s$ | $%s$ |",
			sym, f(c.Old), f(c.Gradient), f(c.Old), f(n.LearningRate), op(c.Gradient), f(c.New))
		if !strings.Contains(doc, "\n"+row+"\n") {
			t.Errorf("update of %s: no row %s", label, row)
		}
		if p.Bias {
			continue
		}
		if !strings.Contains(doc, fmt.Sprintf("| $%s$ | %s | %s | $%s$ |", sym, n.NodeLabel(p.Layer, p.From), n.NodeLabel(p.Layer+1, p.To), f(c.Old))) {
			t.Errorf("parameter table: no row for %s", label)
		}
	}

	next := n.Clone()
	tr.Apply(next)
	ta := mathcore.NewTrace(next)
	ta.Compute(next)
	after := findDisplay(t, blocks, outOf(L, 0)+" &= ")
	for k := range n.Sizes[L] {
		want := fmt.Sprintf(`%s &= %s\quad (\text{before } %s)`, outOf(L, k), f(ta.Out[L][k]), f(tr.Out[L][k]))
		if after[k] != want {
			t.Errorf("output %d after the step: %q, want %q", k, after[k], want)
		}
	}
	if got := after[len(after)-1]; got != "&= "+f(ta.Loss) {
		t.Errorf("loss after the step: %q, want &= %s", got, f(ta.Loss))
	}
}

// TestPaperNumbers checks the section on the paper: each printed number
// beside the exact one mathcore computes.
func TestPaperNumbers(t *testing.T) {
	n := mathcore.Paper()
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	f := func(x float64) string { return numtext.Format(x, 4) }
	w9 := tr.Chain(n, mathcore.Param{Layer: 1, From: 0, To: 0})
	w1 := tr.Chain(n, mathcore.Param{Layer: 0, From: 0, To: 0})
	doc := render(t, n, Markdown, 4)
	for _, row := range []string{
		`| $\mathrm{out}_{h1}$ | $0.407$ | $` + f(tr.Out[1][0]) + `$ |`,
		`| $\mathrm{out}_{h2}$ | $0.455$ | $` + f(tr.Out[1][1]) + `$ |`,
		`| $\mathrm{out}$ | $0.64$ | $` + f(tr.Out[2][0]) + `$ |`,
		`| $(1 - 0.64)$, then $-0.36$ | $` + f(tr.DOut[2][0]) + `$ |`,
		`| $0.2306$ and $0.2304$ | $` + f(tr.DAct[2][0]) + `$ |`,
		`| $\frac{dJ}{dw_{9}}$ | $-0.033$ | $` + f(w9.Gradient) + `$ |`,
		`| $w_{9}^{\text{new}}$ | $0.603$ | $` + f(w9.New) + `$ |`,
		`| $\frac{dJ}{dw_{1}}$ | $-0.016$ | $` + f(w1.Gradient) + `$ |`,
		`| $w_{1}^{\text{new}}$ | $0.4016$ | $` + f(w1.New) + `$ |`,
		`$\sigma(-\mathrm{net}_{h1}) = ` + f(mathcore.SigmoidOf(-tr.Net[1][0])) + `$`,
	} {
		if !strings.Contains(doc, row) {
			t.Errorf("the section on the paper lacks %s", row)
		}
	}
	// The exact values the worked-example page gives, as a cross-check.
	for want, got := range map[string]string{"0.5929": f(tr.Out[1][0]), "-0.0493": f(w9.Gradient), "0.6049": f(w9.New), "-0.0060": f(w1.Gradient), "0.4006": f(w1.New)} {
		if want != got {
			t.Errorf("mathcore gives %s where the worked-example page gives %s", got, want)
		}
	}
}
