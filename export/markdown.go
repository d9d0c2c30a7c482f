package export

import (
	"bytes"
	"strings"

	"nnmath/lessons"
)

// writeMarkdown renders doc as GitHub-flavoured Markdown: inline math
// between single $ signs, displays between $$ lines (GitHub and pandoc both
// render them), several lines of a display in an aligned environment.
func writeMarkdown(b *bytes.Buffer, doc *document) {
	for i, bl := range doc.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch bl := bl.(type) {
		case heading:
			b.WriteString(strings.Repeat("#", bl.level) + " " + mdInline(bl.text) + "\n")
		case paragraph:
			b.WriteString(mdInline(bl.text) + "\n")
		case bullets:
			for _, it := range bl.items {
				b.WriteString("- " + mdInline(it) + "\n")
			}
		case table:
			mdTable(b, bl)
		case drawing:
			lines := lessons.Diagram(lessons.NewSession(bl.n), 100, lessons.DiagramOptions{HideComputed: !bl.showComputed})
			b.WriteString("```text\n" + strings.Join(lines, "\n") + "\n```\n")
		case display:
			b.WriteString("$$\n")
			if len(bl.lines) == 1 && !strings.Contains(bl.lines[0], "&") {
				b.WriteString(bl.lines[0] + "\n")
			} else {
				b.WriteString(`\begin{aligned}` + "\n")
				b.WriteString(strings.Join(bl.lines, ` \\`+"\n") + "\n")
				b.WriteString(`\end{aligned}` + "\n")
			}
			b.WriteString("$$\n")
		}
	}
}

// mdTable writes a pipe table.
func mdTable(b *bytes.Buffer, t table) {
	row := func(cells []inline) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdInline(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.head)
	b.WriteString("|")
	for i := range t.head {
		if i < len(t.right) && t.right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		row(r)
	}
}

// mdInline writes text and inline math.
func mdInline(in inline) string { return in.write(mdEscape) }

// mdEscaper escapes the characters that Markdown or its math extension
// would read as markup in plain text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `$`, `\$`, `|`, `\|`, `~`, `\~`, `#`, `\#`,
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
