package export

import "strings"

// A document is a format-neutral list of blocks. The content (solution.go
// and the files beside it) builds one; markdown.go and latex.go render it.
// Math is written once, in LaTeX syntax, which both formats understand.

// spanKind says how a span of inline content is written.
type spanKind int

const (
	textSpan spanKind = iota // plain words, escaped by the renderer
	mathSpan                 // inline LaTeX math, written between $ signs
)

// span is one run of inline content.
type span struct {
	kind spanKind
	s    string
}

// inline is a run of text and math, such as a paragraph or a table cell.
type inline []span

// text returns a span of plain words.
func text(s string) span { return span{textSpan, s} }

// tex returns a span of inline math, in LaTeX syntax.
func tex(s string) span { return span{mathSpan, s} }

// line returns the spans as one inline run.
func line(spans ...span) inline { return spans }

// write writes in with its math in $...$ and its text escaped by escape.
func (in inline) write(escape func(string) string) string {
	var b strings.Builder
	for _, s := range in {
		if s.kind == mathSpan {
			b.WriteString("$" + s.s + "$")
		} else {
			b.WriteString(escape(s.s))
		}
	}
	return b.String()
}

// block is one element of a document.
type block interface{ isBlock() }

// heading is a section title; level 1 is the document title.
type heading struct {
	level int
	text  inline
}

// paragraph is a paragraph of text and inline math.
type paragraph struct{ text inline }

// bullets is an unordered list.
type bullets struct{ items []inline }

// table is a table with a header row; right marks the columns that are
// aligned right (numbers), prose the columns of sentences, which LaTeX
// wraps within a fixed width, and formula the columns of formulas, which
// LaTeX breaks after an operator when the table is too wide for the page.
type table struct {
	head    []inline
	rows    [][]inline
	right   []bool
	prose   []bool
	formula []bool
}

// display is displayed math: one or more lines of LaTeX, each with at most
// one & marking where the lines align. A display of several lines is
// rendered as an aligned environment.
type display struct{ lines []string }

func (heading) isBlock()   {}
func (paragraph) isBlock() {}
func (bullets) isBlock()   {}
func (table) isBlock()     {}
func (display) isBlock()   {}

// document is a list of blocks with a builder's conveniences.
type document struct{ blocks []block }

func (d *document) heading(level int, spans ...span) {
	d.blocks = append(d.blocks, heading{level, spans})
}

func (d *document) para(spans ...span) { d.blocks = append(d.blocks, paragraph{spans}) }

func (d *document) list(items ...inline) { d.blocks = append(d.blocks, bullets{items}) }

func (d *document) table(t table) { d.blocks = append(d.blocks, t) }

// display adds displayed math; lines too wide for a page break at their
// equals signs (see fit).
func (d *document) display(lines ...string) { d.blocks = append(d.blocks, display{fit(lines)}) }
