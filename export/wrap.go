package export

import "strings"

// Long sums and products are broken over lines so that a display fits the
// width of a page: no line is wider than the room the display leaves (see
// room), and the lines of one sum are about equally long.

// pageWidth is the width in points of the text of a 10pt article, the
// widest a display may be.
const pageWidth = 345.0

// slack is the width in points each line keeps free for the error of the
// estimate (mathWidth) and for left parts a little wider than the one
// room is given.
const slack = 10.0

// lineStart is the widest start of a line before the items wrap measures:
// \quad and a plus sign (22.2pt) on the first line of a path of a chain.
// The other starts are narrower: an equals sign with its spaces (13.3pt),
// or \quad (10pt) and \qquad (20pt) before a continuation, whose operator
// wrap counts.
const lineStart = 22.3

// room returns the width in points left for the items of each line of a
// display whose widest left part is lhs.
func room(lhs string) float64 {
	return pageWidth - slack - mathWidth(lhs) - lineStart
}

// wrap joins items with the binary operator op between them into as few
// lines as fit in budget points, as equally long as they can be. Every
// line after the first starts with op, which counts in its width. An item
// wider than budget has a line of its own.
func wrap(items []string, op string, budget float64) []string {
	if len(items) == 0 {
		return nil
	}
	ws := make([]float64, len(items))
	for i, it := range items {
		ws[i] = mathWidth(it)
	}
	opWidth := mathWidth("{}" + op + "{}")
	// breaks returns the first item of each line when no line may be wider
	// than limit.
	breaks := func(limit float64) []int {
		starts := []int{0}
		w := ws[0]
		for i := 1; i < len(ws); i++ {
			if w+opWidth+ws[i] > limit {
				starts = append(starts, i)
				w = opWidth + ws[i]
				continue
			}
			w += opWidth + ws[i]
		}
		return starts
	}
	// The narrowest limit that needs no more lines than budget does.
	starts := breaks(budget)
	lo, hi := 0.0, budget
	for range 24 {
		mid := (lo + hi) / 2
		if len(breaks(mid)) <= len(starts) {
			hi = mid
		} else {
			lo = mid
		}
	}
	starts = append(breaks(hi), len(items))
	out := make([]string, len(starts)-1)
	for k := range out {
		var b []byte
		for i := starts[k]; i < starts[k+1]; i++ {
			if i > 0 {
				b = append(b, " "+op+" "...)
			}
			if i == starts[k] && k > 0 {
				b = b[1:] // the line starts with op
			}
			b = append(b, items[i]...)
		}
		out[k] = string(b)
	}
	return out
}

// fit returns the lines of a display with every line that is too wide for
// the page broken at its equals signs: lhs &= a = b = c becomes lhs &= a = b
// and &= c, as many parts to a line as fit. Lines that fit are unchanged.
func fit(lines []string) []string {
	left := 0.0
	for _, ln := range lines {
		if l, _, ok := strings.Cut(ln, "&"); ok {
			left = max(left, mathWidth(l))
		}
	}
	limit := pageWidth - slack - left
	var out []string
	for _, ln := range lines {
		l, r, ok := strings.Cut(ln, "&")
		rest, isEq := strings.CutPrefix(r, "= ")
		if !ok || !isEq || mathWidth("{}"+r) <= limit {
			out = append(out, ln)
			continue
		}
		parts := splitTop(rest, " = ")
		cur := l + "&= " + parts[0]
		for _, p := range parts[1:] {
			if _, r, _ := strings.Cut(cur, "&"); mathWidth("{}"+r+" = "+p) > limit {
				out = append(out, cur)
				cur = "&= " + p
				continue
			}
			cur += " = " + p
		}
		out = append(out, cur)
	}
	return out
}

// splitTop splits s at each sep that is outside braces and parentheses.
func splitTop(s, sep string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case '\\':
			i++
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sep) {
				parts = append(parts, s[start:i])
				start = i + len(sep)
				i += len(sep) - 1
			}
		}
	}
	return append(parts, s[start:])
}
