package export

import (
	"bytes"
	"math"
	"strings"
)

// Tables in LaTeX: a tabular neither breaks across pages nor gets narrower
// to fit the page, so texTable splits a long table into several tabulars
// and sets a table too wide for the page closer, with its prose and
// formulas broken over lines.

// texTable writes a table, centred between rules: one tabular when its
// rows fit in a part (see texColumns), else several about equally long
// tabulars, one below the other, each with the header, so that pages
// break between them.
func texTable(b *bytes.Buffer, t table) {
	lay := texColumns(t)
	// A formula broken over lines is a ragged paragraph, except in the
	// last column, where \raggedright would take over the row's \\.
	row := func(cells []inline) {
		for i, c := range cells {
			if i > 0 {
				b.WriteString(" & ")
			}
			if lay.breaks[i] && !(i < len(t.prose) && t.prose[i]) && i < len(cells)-1 {
				b.WriteString(`\raggedright `)
			}
			b.WriteString(texInline(c))
		}
		b.WriteString(` \\` + "\n")
	}
	b.WriteString(`\begin{center}` + "\n")
	if lay.tight {
		b.WriteString(`\setlength{\tabcolsep}{` + itoa(int(tightSep/2)) + `pt}` + "\n")
	}
	parts := max((len(t.rows)+lay.perPart-1)/lay.perPart, 1)
	for k := range parts {
		if k > 0 {
			b.WriteString("\n" + `\medskip` + "\n")
		}
		b.WriteString(`\begin{tabular}{` + lay.spec + "}\n" + `\hline` + "\n")
		row(t.head)
		b.WriteString(`\hline` + "\n")
		for _, r := range t.rows[k*len(t.rows)/parts : (k+1)*len(t.rows)/parts] {
			row(r)
		}
		b.WriteString(`\hline` + "\n" + `\end{tabular}` + "\n")
	}
	b.WriteString(`\end{center}` + "\n")
}

// Widths in points of the parts of a tabular, and the most rows and lines
// of one.
const (
	// tableRows is the most rows of one tabular: two such tables and the
	// space between them fill a page of a 10pt article (550pt of text).
	tableRows = 20

	colSep     = 12.0             // \tabcolsep on either side of a column
	tightSep   = 4.0              // the same in a table too wide for the page
	proseWidth = 0.36 * pageWidth // a prose column, 0.36\textwidth
	minProse   = 60.0             // the narrowest a prose column is made
	partLines  = 2 * tableRows    // the most lines of one tabular
)

// tableLayout is how a table is set: its column specification, whether
// its columns sit closer than usual, which columns are paragraphs that
// break over lines, how many rows one tabular holds, and its estimated
// width in points.
type tableLayout struct {
	spec    string
	tight   bool
	breaks  []bool
	perPart int
	width   float64
}

// texColumns lays out t. Columns are as wide as their widest cell, but
// prose is set in a paragraph 0.36\textwidth wide. A table too wide for
// the page has its columns closer together, its prose narrower, and its
// formulas broken after an operator, in columns as wide as the page leaves
// (and at least as wide as the widest operand). A tabular holds tableRows
// rows, fewer when its rows take several lines, so that it fits a page.
func texColumns(t table) tableLayout {
	n := len(t.head)
	is := func(cols []bool, i int) bool { return i < len(cols) && cols[i] }
	natural, pieces := columnWidths(t)
	lay := tableLayout{breaks: make([]bool, n), perPart: tableRows}
	width := make([]float64, n)
	total := colSep * float64(n)
	for i := range n {
		width[i] = natural[i]
		if is(t.prose, i) {
			width[i], lay.breaks[i] = proseWidth, true
		}
		total += width[i]
	}
	if total > pageWidth {
		lay.tight = true
		fixed, flex := tightSep*float64(n), 0
		for i := range n {
			if is(t.prose, i) || is(t.formula, i) {
				flex++
			} else {
				fixed += width[i]
			}
		}
		share := (pageWidth - slack - fixed) / float64(max(flex, 1))
		for i := range n {
			switch {
			case is(t.prose, i):
				width[i] = min(proseWidth, max(share, minProse))
			case is(t.formula, i) && natural[i] > share:
				width[i], lay.breaks[i] = max(share, pieces[i]), true
			}
		}
	}
	lay.width = colSep * float64(n)
	if lay.tight {
		lay.width = tightSep * float64(n)
	}
	lines := 1
	var spec strings.Builder
	for i := range n {
		lay.width += width[i]
		switch {
		case is(t.prose, i) && width[i] == proseWidth:
			spec.WriteString(`p{0.36\textwidth}`)
		case lay.breaks[i]:
			spec.WriteString(`p{` + itoa(int(width[i])) + `pt}`)
		case is(t.right, i):
			spec.WriteByte('r')
		default:
			spec.WriteByte('l')
		}
		if lay.breaks[i] {
			for _, r := range t.rows {
				lines = max(lines, int(math.Ceil(1.15*inlineWidth(r[i])/width[i])))
			}
		}
	}
	lay.spec = spec.String()
	lay.perPart = min(tableRows, max(partLines/lines, 1))
	return lay
}

// widestOperand returns the width of the widest part of the math in c
// between binary operators, with the operator that ends it (10pt): the
// narrowest a column can be in which c breaks after its operators.
func widestOperand(c inline) float64 {
	w := 0.0
	for _, s := range c {
		if s.kind != mathSpan {
			w = max(w, inlineWidth(line(s)))
			continue
		}
		for _, sum := range splitTop(s.s, " + ") {
			for _, diff := range splitTop(sum, " - ") {
				for _, f := range splitTop(diff, ` \cdot `) {
					w = max(w, mathWidth(f)+10)
				}
			}
		}
	}
	return w
}

// columnWidths returns the natural width of each column of t, the widest of
// its cells, and of each formula column its widest operand. A long table
// is measured in 64 slices on every core.
func columnWidths(t table) (natural, pieces []float64) {
	n := len(t.head)
	rows := append([][]inline{t.head}, t.rows...)
	slices := min(64, len(rows))
	nat, pcs := make([][]float64, slices), make([][]float64, slices)
	parallel(slices, func(k int) {
		nat[k], pcs[k] = make([]float64, n), make([]float64, n)
		for _, r := range rows[k*len(rows)/slices : (k+1)*len(rows)/slices] {
			for i, c := range r {
				nat[k][i] = max(nat[k][i], inlineWidth(c))
				if i < len(t.formula) && t.formula[i] {
					pcs[k][i] = max(pcs[k][i], widestOperand(c))
				}
			}
		}
	})
	natural, pieces = make([]float64, n), make([]float64, n)
	for k := range slices {
		for i := range n {
			natural[i], pieces[i] = max(natural[i], nat[k][i]), max(pieces[i], pcs[k][i])
		}
	}
	return natural, pieces
}
