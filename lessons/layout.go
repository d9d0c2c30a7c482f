package lessons

import (
	"strings"
	"unicode/utf8"
)

// This file lays plain text out: display widths, padding and clipping,
// tables, wrapped words and blocks of lines side by side.

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

// tableLines lays out rows in columns separated by two spaces; the first
// column is aligned left and the others right (numbers). A row with a
// single cell is written as it is, across the columns.
func tableLines(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		if len(r) == 1 {
			continue
		}
		for c, cell := range r {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], textWidth(strings.TrimRight(cell, Up+Down)))
		}
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		if len(r) == 1 {
			out = append(out, r[0])
			continue
		}
		var b strings.Builder
		for c, cell := range r {
			if c > 0 {
				// Numbers align on their last digit, with a column after
				// them for a mark, so that a mark never moves the table.
				num := strings.TrimRight(cell, Up+Down)
				b.WriteString("  ")
				b.WriteString(padLeft(num, widths[c]))
				b.WriteString(padRight(cell[len(num):], 1))
			} else {
				b.WriteString(padRight(cell, widths[c]))
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// blockWidth returns the width of the widest line of lines.
func blockWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, textWidth(l))
	}
	return w
}

// wrapText breaks text into lines of at most width columns at spaces, for
// text inside a figure (which the renderer never wraps).
func wrapText(text string, width int) []string {
	width = max(width, 10)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case textWidth(line)+1+textWidth(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return fitLines(lines, width)
}

// equation lays blocks side by side, each centred vertically, with one
// space between them. When the result is wider than width, the blocks are
// stacked instead, each on its own lines, and cut to the width.
func equation(width int, blocks ...[]string) []string {
	if lines := joinBlocks(blocks); blockWidth(lines) <= width {
		return lines
	}
	var stacked []string
	for _, b := range blocks {
		stacked = append(stacked, b...)
	}
	return fitLines(stacked, width)
}

// joinBlocks lays blocks side by side, each centred vertically, with one space
// between them.
func joinBlocks(blocks [][]string) []string {
	h := 0
	for _, b := range blocks {
		h = max(h, len(b))
	}
	lines := make([]string, h)
	for bi, b := range blocks {
		w := blockWidth(b)
		top := (h - len(b)) / 2
		for r := range h {
			cell := ""
			if r >= top && r-top < len(b) {
				cell = b[r-top]
			}
			if bi > 0 {
				lines[r] += " "
			}
			lines[r] += padRight(cell, w)
		}
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return lines
}

func fitsWidth(lines []string, width int) bool {
	for _, l := range lines {
		if textWidth(l) > width {
			return false
		}
	}
	return true
}

// wrapItems lays items out in lines of at most width columns, each line
// starting with indent and the items separated by two spaces.
func wrapItems(items []string, width int, indent string) []string {
	if textWidth(indent) >= width/2 {
		indent = ""
	}
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = indent + it
		case textWidth(cur)+2+textWidth(it) <= width:
			cur += "  " + it
		default:
			lines = append(lines, clipText(cur, width))
			cur = indent + it
		}
	}
	if cur != "" {
		lines = append(lines, clipText(cur, width))
	}
	return lines
}

// breakAtEquals breaks each line wider than width before its " = " signs,
// the parts after the first indented under it, so that an equation on a
// narrow screen goes on to the next line instead of being cut short.
func breakAtEquals(lines []string, width int) []string {
	var out []string
	for _, l := range lines {
		if textWidth(l) <= width || !strings.Contains(l, " = ") {
			out = append(out, l)
			continue
		}
		parts := strings.Split(l, " = ")
		cur := parts[0]
		for _, p := range parts[1:] {
			if textWidth(cur+" = "+p) > width {
				out = append(out, breakAtCommas(cur, width)...)
				cur = "    = " + p
				continue
			}
			cur += " = " + p
		}
		out = append(out, breakAtCommas(cur, width)...)
	}
	return out
}

// breakAtCommas breaks a line wider than width after its commas, as in a
// long vector "(0.1, 0.2, …)", the rest indented.
func breakAtCommas(l string, width int) []string {
	if textWidth(l) <= width || !strings.Contains(l, ", ") {
		return []string{l}
	}
	var out []string
	parts := strings.Split(l, ", ")
	cur := parts[0]
	for _, p := range parts[1:] {
		if textWidth(cur+", "+p) > width {
			out = append(out, cur+",")
			cur = "      " + p
			continue
		}
		cur += ", " + p
	}
	return append(out, cur)
}
