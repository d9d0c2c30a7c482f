package export

import (
	"bytes"
	"strings"
)

// latexPreamble opens every LaTeX solution: the body needs amsmath.
const latexPreamble = `% Worked solution of one training step, written by nnmath export.
% This is a document body: put it inside a document that loads amsmath, e.g.
%   \documentclass{article}
%   \usepackage{amsmath}
%   \begin{document}
%   \input{solution}
%   \end{document}
`

// displayLines is the most lines of a display that never breaks across
// pages (an align* does not, unless amsmath is told it may): at 27pt a line
// of fractions, it takes at most half a page. See latex_table.go for
// tables.
const displayLines = 10

// writeLaTeX renders doc as a LaTeX document body: unnumbered sections,
// tabular tables, displays of several lines in align*.
func writeLaTeX(b *bytes.Buffer, doc *document) {
	b.WriteString(latexPreamble)
	for _, bl := range doc.blocks {
		b.WriteByte('\n')
		switch bl := bl.(type) {
		case heading:
			cmd := [...]string{`\section*`, `\subsection*`, `\subsubsection*`}[min(max(bl.level-1, 0), 2)]
			b.WriteString(cmd + "{" + texInline(bl.text) + "}\n")
		case paragraph:
			b.WriteString(texInline(bl.text) + "\n")
		case bullets:
			b.WriteString(`\begin{itemize}` + "\n" + `\raggedright` + "\n")
			for _, it := range bl.items {
				b.WriteString(`  \item ` + texInline(it) + "\n")
			}
			b.WriteString(`\end{itemize}` + "\n")
		case table:
			texTable(b, bl)
		case drawing:
			b.WriteString(tikz(bl.n, bl.showComputed))
		case display:
			texDisplay(b, bl)
		}
	}
}

// texDisplay writes displayed math: one line between \[ and \], several
// in align*. A display of more than displayLines lines may break across
// pages (\allowdisplaybreaks, kept within a group), but never after its
// first line or before its last (\\*).
func texDisplay(b *bytes.Buffer, d display) {
	if len(d.lines) == 1 && !strings.Contains(d.lines[0], "&") {
		b.WriteString(`\[` + "\n" + d.lines[0] + "\n" + `\]` + "\n")
		return
	}
	long := len(d.lines) > displayLines
	if long {
		b.WriteString(`\begingroup\allowdisplaybreaks` + "\n")
	}
	b.WriteString(`\begin{align*}` + "\n")
	for i, ln := range d.lines {
		b.WriteString(ln)
		switch {
		case i == len(d.lines)-1:
		case long && (i == 0 || i == len(d.lines)-2):
			b.WriteString(` \\*`)
		default:
			b.WriteString(` \\`)
		}
		b.WriteString("\n")
	}
	b.WriteString(`\end{align*}` + "\n")
	if long {
		b.WriteString(`\endgroup` + "\n")
	}
}

// texInline writes text and inline math.
func texInline(in inline) string { return in.write(texEscape) }

// texEscaper escapes the characters LaTeX treats as markup in text.
var texEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `$`, `\$`, `&`, `\&`, `#`, `\#`,
	`_`, `\_`, `%`, `\%`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
	`<`, `\textless{}`, `>`, `\textgreater{}`,
	// The symbols of the judge's formulas, which pdflatex's text fonts lack.
	`·`, `$\cdot$`, `η`, `$\eta$`, `σ`, `$\sigma$`, `δ`, `$\delta$`, `∂`, `$\partial$`, `Σ`, `$\Sigma$`,
	`½`, `$\frac{1}{2}$`, `²`, `$^{2}$`, `−`, `$-$`, `→`, `$\rightarrow$`,
)

func texEscape(s string) string { return texEscaper.Replace(s) }
