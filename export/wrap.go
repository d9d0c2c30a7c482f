package export

import "strings"

// Long sums and products are broken over lines so that a display fits the
// width of a page: each line holds about budget visible characters, and
// the lines are about equally long.

// Budgets, in visible characters (see visible), for the kinds of line.
const (
	budgetFactors = 80 // chain-rule fractions; a fraction counts both its parts
	budgetNumbers = 72 // substituted numbers
	budgetTerms   = 56 // symbolic terms such as w_{1} i_{1}
)

// wrap joins items with op between them into lines of about budget
// visible characters. Every line after the first starts with op.
func wrap(items []string, op string, budget int) []string {
	if len(items) == 0 {
		return nil
	}
	total := 0
	for _, it := range items {
		total += visible(it) + 3
	}
	lines := (total + budget - 1) / budget
	target := (total + lines - 1) / lines
	var out []string
	var cur []string
	width := 0
	for _, it := range items {
		w := visible(it) + 3
		if len(cur) > 0 && width+w > target+target/8 && len(out) < lines-1 {
			out = append(out, strings.Join(cur, " "+op+" "))
			cur, width = nil, 0
		}
		cur = append(cur, it)
		width += w
	}
	out = append(out, strings.Join(cur, " "+op+" "))
	for i := 1; i < len(out); i++ {
		out[i] = op + " " + out[i]
	}
	return out
}

// visible estimates how many characters wide a piece of LaTeX math is:
// command names such as \mathrm and \frac and the braces, subscript and
// spacing marks count nothing; other commands (\partial, \cdot) count one.
func visible(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			switch word := s[i+1 : j]; word {
			case "mathrm", "frac", "left", "right", "quad", "qquad":
			case "":
				j++ // \, \; \{ and the like
			default:
				n++
			}
			i = j - 1
		case c == '{' || c == '}' || c == '_' || c == '^' || c == ' ':
		default:
			n++
		}
	}
	return n
}
