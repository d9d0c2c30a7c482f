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
			b.WriteString(`\begin{itemize}` + "\n")
			for _, it := range bl.items {
				b.WriteString(`  \item ` + texInline(it) + "\n")
			}
			b.WriteString(`\end{itemize}` + "\n")
		case table:
			texTable(b, bl)
		case display:
			if len(bl.lines) == 1 && !strings.Contains(bl.lines[0], "&") {
				b.WriteString(`\[` + "\n" + bl.lines[0] + "\n" + `\]` + "\n")
			} else {
				b.WriteString(`\begin{align*}` + "\n")
				b.WriteString(strings.Join(bl.lines, ` \\`+"\n") + "\n")
				b.WriteString(`\end{align*}` + "\n")
			}
		}
	}
}

// texTable writes a tabular between rules, centred.
func texTable(b *bytes.Buffer, t table) {
	var cols strings.Builder
	for i := range t.head {
		switch {
		case i < len(t.prose) && t.prose[i]:
			cols.WriteString(`p{0.36\textwidth}`)
		case i < len(t.right) && t.right[i]:
			cols.WriteByte('r')
		default:
			cols.WriteByte('l')
		}
	}
	row := func(cells []inline) {
		parts := make([]string, len(cells))
		for i, c := range cells {
			parts[i] = texInline(c)
		}
		b.WriteString(strings.Join(parts, " & ") + ` \\` + "\n")
	}
	b.WriteString(`\begin{center}` + "\n" + `\begin{tabular}{` + cols.String() + "}\n" + `\hline` + "\n")
	row(t.head)
	b.WriteString(`\hline` + "\n")
	for _, r := range t.rows {
		row(r)
	}
	b.WriteString(`\hline` + "\n" + `\end{tabular}` + "\n" + `\end{center}` + "\n")
}

// texInline writes text and inline math.
func texInline(in inline) string {
	var b strings.Builder
	for _, s := range in {
		if s.kind == mathSpan {
			b.WriteString("$" + s.s + "$")
		} else {
			b.WriteString(texEscape(s.s))
		}
	}
	return b.String()
}

// texEscaper escapes the characters LaTeX treats as markup in text.
var texEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `$`, `\$`, `&`, `\&`, `#`, `\#`,
	`_`, `\_`, `%`, `\%`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
	`<`, `\textless{}`, `>`, `\textgreater{}`,
)

func texEscape(s string) string { return texEscaper.Replace(s) }
