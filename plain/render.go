package plain

import (
	"fmt"
	"strings"

	"nnmath/lessons"
)

// writeStep writes step k (1-based) of page p: its heading, its words,
// the formula with the numbers substituted and the result on one line,
// its figure and the paper's note.
func writeStep(b *strings.Builder, p lessons.Page, k int) {
	st := p.Steps[k-1]
	head := fmt.Sprintf("Step %d of %d", k, len(p.Steps))
	if st.Title != "" {
		head += ": " + st.Title
	}
	if !strings.HasSuffix(head, "?") && !strings.HasSuffix(head, ".") {
		head += "."
	}
	line(b, head)
	for _, t := range st.Text {
		line(b, spoken(t))
	}
	if eq := equation(st); eq != "" {
		line(b, spoken(eq))
	}
	writeFigure(b, st.Figure)
	for _, t := range st.After {
		line(b, spoken(t))
	}
	if st.Note != "" {
		line(b, spoken("Paper: "+st.Note))
	}
	if k == len(p.Steps) {
		line(b, "That was the last step: press enter for the next lesson.")
	}
}

// equation joins a step's formula, numbers and result into one line:
// "net_h1 = w1·i1 + w3·i2 = 0.4·0.5 + 0.1·0.56 = 0.376", leaving out a
// part that is empty or repeats the one before.
func equation(st lessons.Step) string {
	var parts []string
	for _, s := range []string{st.Formula, st.Numbers, st.Result} {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(parts) > 0 && (parts[len(parts)-1] == s || strings.HasSuffix(parts[len(parts)-1], "= "+s)) {
			continue
		}
		if len(parts) > 0 && !strings.HasPrefix(s, "=") {
			s = "= " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// writeBlocks writes a lesson's introduction: a paragraph on one line, a
// heading, a figure line by line.
func writeBlocks(b *strings.Builder, blocks []lessons.Block) {
	for _, bl := range blocks {
		switch bl.Kind {
		case lessons.Figure:
			writeFigure(b, bl.Lines)
		default:
			line(b, spoken(strings.Join(bl.Lines, " ")))
		}
	}
}

// writeFigure writes a figure's lines as they are, without their
// trailing spaces.
func writeFigure(b *strings.Builder, lines []string) {
	for _, l := range lines {
		line(b, spoken(strings.TrimRight(l, " ")))
	}
}

// marks writes the marks of a value that rose or fell with the last
// change as words, which a screen reader reads as they are meant.
var marks = strings.NewReplacer(lessons.Up, " (up)", lessons.Down, " (down)")

// spoken returns text with its marks as words.
func spoken(text string) string { return marks.Replace(text) }
