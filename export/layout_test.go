package export

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// Layout checks: neither a tabular nor an align* breaks across pages, and
// neither gets narrower to fit the page, so the LaTeX must split long
// tables, let long displays break, and keep every line within the width of
// the page. CI has no LaTeX: these checks read the body's structure and
// use the width estimate, which TestMathWidth holds to what pdfLaTeX sets.

// TestMathWidth compares the estimate with the widths pdfLaTeX 3.141592653
// gives the same math in a 10pt article (\sbox0{$\displaystyle ...$},
// \the\wd0; inline ones without \displaystyle).
func TestMathWidth(t *testing.T) {
	for _, tc := range []struct {
		math    string
		inline  bool
		measure float64
	}{
		{`\frac{\partial J}{\partial w_{900}}`, false, 27.88},
		{`\frac{\partial \mathrm{out}_{ha3}}{\partial \mathrm{net}_{ha3}}`, false, 36.21},
		{`{}= \frac{\partial J}{\partial \mathrm{out}} \cdot \frac{\partial \mathrm{out}}{\partial \mathrm{net}_{o}} \cdot \frac{\partial \mathrm{net}_{o}}{\partial \mathrm{out}_{h1}}`, false, 108.96},
		{`{}\quad + (-0.3375) \cdot 0.2487 \cdot 0.3212 \cdot 0.2295 \cdot 0.6809 \cdot 0.0335 \cdot 1.0000`, false, 275.56},
		{`{}\qquad \cdot (-0.0411) \cdot 0.2128 \cdot 0.9130 \cdot 1.0000 \cdot 0.7233`, false, 210.56},
		{`{}\quad + w_{127}\, i_{8} + w_{143}\, i_{9} + w_{159}\, i_{10} + w_{175}\, i_{11}`, false, 183.72},
		{`{}= w_{6}\, \mathrm{out}_{h1} + w_{8}\, \mathrm{out}_{h2} + b_{4}`, false, 120.40},
		{`{}= 1 - \mathrm{out}_{ha3}^{2} = 1 - (-0.6074)^{2} = 0.6311`, false, 177.99},
		{`{}= \max(0,\, \mathrm{net}_{h10}) = \max(0,\, -0.2876) = 0.0000`, false, 205.38},
		{`{}= 0.0000\quad \text{since } \mathrm{net}_{h38} \le 0`, false, 120.99},
		{`{}= \frac{1}{2}\bigl[(0.8010 - 0.4635)^{2} + (0.9720 - 0.8700)^{2}\bigr]`, false, 201.37},
		{`{}= \sigma(\mathrm{net}_{o2}) = \sigma(1.9011) = 0.8700`, false, 145.58},
		{`{}= -(y_{2} - \mathrm{out}_{o2}) = -(0.5770 - 0.6109) = 0.0339`, false, 211.16},
		{`\frac{1}{3}\sum_{k=1}^{3} (y_{k} - \mathrm{out}_{ok})^{2}`, false, 81.23},
		{`\frac{\partial J}{\partial w_{9}}`, true, 16.79},
		{`0.4000 - 0.1000 \cdot (-0.0060)`, true, 118.33},
		{`\text{old} - \eta \cdot \text{gradient}`, true, 73.96},
	} {
		got := mathWidth(tc.math)
		if tc.inline {
			got = textMathWidth(tc.math)
		}
		if math.Abs(got-tc.measure) > 5 {
			t.Errorf("width of %s = %.2fpt, pdfLaTeX sets it %.2fpt wide", tc.math, got, tc.measure)
		}
	}
	cell := line(text("a sign slip in the sigmoid: "), tex("0.407"), text(" is "), tex(`\sigma(-\mathrm{net}_{h1}) = 0.4071`))
	if got := inlineWidth(cell); math.Abs(got-238.80) > 5 {
		t.Errorf("width of a cell = %.2fpt, pdfLaTeX sets it 238.80pt wide", got)
	}
}

func TestWrap(t *testing.T) {
	items := strings.Split("a b c d e f g h i j", " ")
	lines := wrap(items, "+", 40)
	if len(lines) < 2 {
		t.Fatalf("wrap gave %q", lines)
	}
	if strings.Join(lines, " ") != strings.Join(items, " + ") {
		t.Errorf("wrap lost or reordered items: %q", lines)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "+ ") {
			t.Errorf("continuation %q does not start with the operator", l)
		}
	}
	for _, l := range lines {
		if w := mathWidth("{}" + l); w > 40 {
			t.Errorf("line %q is %.1fpt wide, more than the 40pt budget", l, w)
		}
	}
	if got := wrap([]string{"x"}, "+", 1); len(got) != 1 || got[0] != "x" {
		t.Errorf("wrap of one item = %q", got)
	}
	// Seven equal items in 3 lines: 3, 2, 2 or the like, not 3, 3, 1.
	seven := strings.Split("0.1111 0.2222 0.3333 0.4444 0.5555 0.6666 0.7777", " ")
	lines = wrap(seven, `\cdot`, mathWidth(strings.Join(seven[:3], ` \cdot `))+1)
	if len(lines) != 3 {
		t.Fatalf("seven items wrapped in %d lines: %q", len(lines), lines)
	}
	for _, l := range lines {
		if n := strings.Count(l, "0."); n < 2 {
			t.Errorf("unbalanced lines: %q", lines)
		}
	}
}

func TestFit(t *testing.T) {
	num := "0.1234567890"
	long := `\frac{\partial \mathrm{out}_{h1}}{\partial \mathrm{net}_{h1}} &= \mathrm{out}_{h1}\,(1 - \mathrm{out}_{h1}) = ` +
		num + `\,(1 - ` + num + `) = ` + num + ` \cdot ` + num + " = " + num
	got := fit([]string{long, `x &= 1`})
	if len(got) < 3 || got[len(got)-1] != `x &= 1` {
		t.Fatalf("fit did not break the long line alone:\n%s", strings.Join(got, "\n"))
	}
	if !strings.HasPrefix(got[1], "&= ") {
		t.Errorf("a broken line goes on with %q, not &=", got[1])
	}
	joined := strings.Join(got[:len(got)-1], " ")
	if strings.ReplaceAll(joined, " &= ", " = ") != strings.ReplaceAll(long, " &= ", " = ") {
		t.Errorf("fit changed the math:\n%s\nbecame\n%s", long, joined)
	}
	if w := displayWidth(got); w > pageWidth {
		t.Errorf("the broken display is %.1fpt wide, more than the page:\n%s", w, strings.Join(got, "\n"))
	}
	if parts := splitTop(`a = \frac{b = c}{d} = (e = f) = g`, " = "); len(parts) != 4 {
		t.Errorf("splitTop split inside braces or parentheses: %q", parts)
	}
}

// latexBlocks returns the lines of each environment named env in doc.
func latexBlocks(doc, env string) (blocks [][]string, before, after []string) {
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] != `\begin{`+env+`}` && !strings.HasPrefix(lines[i], `\begin{`+env+`}{`) {
			continue
		}
		start := i
		var block []string
		for i++; i < len(lines) && lines[i] != `\end{`+env+`}`; i++ {
			block = append(block, lines[i])
		}
		blocks = append(blocks, block)
		before = append(before, lines[max(start-1, 0)])
		after = append(after, lines[min(i+1, len(lines)-1)])
	}
	return blocks, before, after
}

// TestLaTeXBreaksBetweenPages checks that long tables and displays can
// break across pages: a page of a 10pt article holds about 45 lines, so no
// tabular may have more than 20 rows, and a display of more than 10 lines
// must allow breaks (amsmath's \allowdisplaybreaks, within a group) but
// keep its first two and last two lines together.
func TestLaTeXBreaksBetweenPages(t *testing.T) {
	nets := map[string]*mathcore.Network{"64-16-1": testnet.WideHidden(), "8 layers": testnet.EightLayers()}
	for name, n := range nets {
		doc := render(t, n, LaTeX, 4)
		tabulars, _, _ := latexBlocks(doc, "tabular")
		rows := 0
		for _, tb := range tabulars {
			r := strings.Count(strings.Join(tb, "\n"), `\\`) - 1 // less the header
			rows += r
			if r > 20 {
				t.Errorf("%s: a tabular of %d rows, more than a page holds", name, r)
			}
		}
		if want := 2 * len(n.Params()); rows != want {
			t.Errorf("%s: the tabulars hold %d rows, want %d: a parameter in each of two tables", name, rows, want)
		}
		aligns, before, after := latexBlocks(doc, "align*")
		long := 0
		for k, a := range aligns {
			grouped := before[k] == `\begingroup\allowdisplaybreaks` && after[k] == `\endgroup`
			if len(a) <= 10 {
				if grouped {
					t.Errorf("%s: a display of %d lines may break", name, len(a))
				}
				continue
			}
			long++
			if !grouped {
				t.Errorf("%s: a display of %d lines may not break across pages:\n%s", name, len(a), a[0])
				continue
			}
			for i, ln := range a {
				tie := i == 0 || i == len(a)-2
				if tie != strings.HasSuffix(ln, ` \\*`) && i < len(a)-1 {
					t.Errorf("%s: line %d of %d of a display: %q", name, i+1, len(a), ln)
				}
			}
		}
		if long == 0 {
			t.Errorf("%s: no display longer than 10 lines; the test network no longer tests breaking", name)
		}
		if strings.Count(doc, `\begingroup`) != strings.Count(doc, `\endgroup`) {
			t.Errorf("%s: \\begingroup and \\endgroup do not pair", name)
		}
	}
}

// TestFitsThePage checks, with the width estimate, that every display and
// every table of every test network fits the width of a 10pt article, in
// both formats and at the default and the highest precision.
func TestFitsThePage(t *testing.T) {
	nets := testNetworks()
	nets["64-16-1"] = testnet.WideHidden()
	nets["8 layers"] = testnet.EightLayers()
	for name, n := range nets {
		for _, digits := range []int{DefaultDigits, MaxDigits} {
			t.Run(fmt.Sprintf("%s/%d", name, digits), func(t *testing.T) {
				doc := build(n, digits)
				for _, bl := range doc.blocks {
					switch bl := bl.(type) {
					case display:
						if w := displayWidth(bl.lines); w > pageWidth {
							t.Errorf("a display is %.0fpt wide, the page %.0fpt:\n%s", w, pageWidth, strings.Join(bl.lines, "\n"))
						}
					case table:
						if lay := texColumns(bl); lay.width > pageWidth {
							t.Errorf("a table is %.0fpt wide, the page %.0fpt: %s", lay.width, pageWidth, lay.spec)
						}
					}
				}
			})
		}
	}
}

// displayWidth returns the estimated width in points of a display whose
// lines are given, each with at most one & between its left part (set
// flush right) and its right part (flush left), as align* sets them.
func displayWidth(lines []string) float64 {
	left, right := 0.0, 0.0
	for _, ln := range lines {
		l, r, ok := strings.Cut(ln, "&")
		if !ok {
			right = max(right, mathWidth(l))
			continue
		}
		left = max(left, mathWidth(l))
		right = max(right, mathWidth("{}"+r)) // amsmath starts the right part with {}
	}
	return left + right
}
