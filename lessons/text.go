package lessons

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nnmath/mathcore"
)

// textWidth returns the display width of s. Every rune the lessons put in
// a figure (ASCII, braille, box drawing, arrows, Greek letters, the marks
// ▲▼▶) is one column wide, so this is the rune count.
func textWidth(s string) int { return utf8.RuneCountInString(s) }

// clipText cuts s to at most width columns, ending in … when cut.
func clipText(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	r := []rune(s)
	if width <= 1 {
		return string(r[:max(width, 0)])
	}
	return string(r[:width-1]) + "…"
}

// fitLines cuts every line to at most width columns, a last guard so that
// no figure is ever wider than the page.
func fitLines(lines []string, width int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = clipText(l, width)
	}
	return out
}

// padRight pads s with spaces on the right to width columns.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-textWidth(s)))
}

// padLeft pads s with spaces on the left to width columns.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-textWidth(s))) + s
}

// sideBySide puts figure b to the right of figure a, gap spaces apart.
func sideBySide(a, b []string, gap int) []string {
	w := 0
	for _, l := range a {
		w = max(w, textWidth(l))
	}
	n := max(len(a), len(b))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(a) {
			l = a[i]
		}
		if i < len(b) {
			r = b[i]
		}
		out[i] = strings.TrimRight(padRight(l, w)+strings.Repeat(" ", gap)+r, " ")
	}
	return out
}

// paren puts a formatted negative number in brackets, so that it reads
// right after a sign or a dot: "0.4·(-0.5)".
func paren(x string) string {
	if strings.HasPrefix(x, "-") {
		return "(" + x + ")"
	}
	return x
}

// printedValues returns every number the paper printed for quantity q, in order.
func printedValues(q string) []float64 {
	var v []float64
	for _, p := range mathcore.PaperPrinted() {
		if p.Quantity == q {
			v = append(v, p.Printed)
		}
	}
	return v
}

// printedText writes a number the way the paper printed it: "0.407".
func printedText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
