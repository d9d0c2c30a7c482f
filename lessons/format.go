package lessons

import (
	"strconv"
	"strings"
)

// This file writes numbers and lists of them the way the lessons print
// them.

// paren puts a formatted negative number in brackets, so that it reads
// right after a sign or a dot: "0.4·(-0.5)".
func paren(x string) string {
	if strings.HasPrefix(x, "-") {
		return "(" + x + ")"
	}
	return x
}

// bracketed formats x for a substitution: with the session's decimals and in
// brackets when negative.
func (s *Session) bracketed(x float64) string { return paren(s.F(x)) }

// vectorText writes values as "[a, b, c]", leaving out the middle ones
// ("[a, b, …, z]") when the whole would be wider than width.
func vectorText(vals []string, width int) string {
	full := "[" + strings.Join(vals, ", ") + "]"
	if textWidth(full) <= width || len(vals) <= 2 {
		return full
	}
	for keep := len(vals) - 1; keep >= 1; keep-- {
		s := "[" + strings.Join(vals[:keep], ", ") + ", …, " + vals[len(vals)-1] + "]"
		if textWidth(s) <= width {
			return s
		}
	}
	return "[" + vals[0] + ", …, " + vals[len(vals)-1] + "]"
}

// plural returns n and word, with an s unless n is 1: "1 step", "5 steps".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// etaShow writes a learning rate with as few digits as it needs: "0.1".
func (s *Session) etaShow(eta float64) string {
	return s.record(strconv.FormatFloat(eta, 'g', 6, 64), eta)
}
