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
// A magnitude that numtext writes in e-notation is written as math:
// "1.2500 \times 10^{12}".
func (f numbers) plain(x float64) string {
	s := numtext.Format(x, f.digits)
	if m, e, ok := numtext.SplitExp(s); ok {
		return power(m, e)
	}
	return s
}

// power writes mantissa·10^exp as math: "1.25 \times 10^{12}".
func power(mantissa string, exp int) string {
	return mantissa + ` \times 10^{` + strconv.Itoa(exp) + `}`
}

// operand returns x formatted, in parentheses when it is negative.
func (f numbers) operand(x float64) string {
	s := f.plain(x)
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
