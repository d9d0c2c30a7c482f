package numtext

import (
	"math"
	"strconv"
	"strings"
)

// LargeCount is the count (of paths, say) from which text writes it as a
// power of ten: "about 2.1·10^6" reads better than "2097152".
const LargeCount = 1e6

// Sci writes finite x to sig significant figures (at least 1) as a mantissa
// and a power of ten: Sci(2097152, 2) is ("2.1", 6).
func Sci(x float64, sig int) (mantissa string, exp int) {
	m, e, _ := SplitExp(strconv.FormatFloat(x, 'e', max(sig, 1)-1, 64))
	return m, e
}

// SplitExp splits a number written in e-notation, such as "2.1e+06" or
// Format's "-1.2500e+12", into its mantissa and its power of ten ("2.1", 6).
// ok is false for a number written without an exponent, and for the words
// Format writes for NaN and infinities.
func SplitExp(s string) (mantissa string, exp int, ok bool) {
	i := strings.IndexAny(s, "eE")
	if i < 0 || i+1 >= len(s) || (s[i+1] != '+' && s[i+1] != '-') {
		return s, 0, false
	}
	e, err := strconv.Atoi(s[i+1:])
	if err != nil || math.Abs(float64(e)) > 400 {
		return s, 0, false
	}
	return s[:i], e, true
}
