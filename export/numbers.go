package export

import (
	"strconv"
	"strings"

	"nnmath/numtext"
)

// numbers formats values at a fixed number of decimals. A negative number
// that follows an operator is put in parentheses, so that every minus sign
// written next to a digit belongs to the number and every operator minus
// stands between spaces.
type numbers struct{ digits int }

// plain returns x formatted, as it is written at the start of an expression.
func (f numbers) plain(x float64) string { return numtext.Format(x, f.digits) }

// operand returns x formatted, in parentheses when it is negative.
func (f numbers) operand(x float64) string {
	s := numtext.Format(x, f.digits)
	if strings.HasPrefix(s, "-") {
		return "(" + s + ")"
	}
	return s
}

// list returns the values formatted for a sum or product: the first one
// plain, the others as operands.
func (f numbers) list(xs []float64) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		if i == 0 {
			out[i] = f.plain(x)
		} else {
			out[i] = f.operand(x)
		}
	}
	return out
}

func itoa(k int) string { return strconv.Itoa(k) }
