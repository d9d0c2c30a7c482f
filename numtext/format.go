package numtext

import (
	"math"
	"strconv"
)

// Undefined is what Format and FormatSig print for NaN.
const Undefined = "undefined"

// Overflow is what Format and FormatSig print for positive or negative
// infinity.
const Overflow = "overflow"

// maxDecimals is the largest number of decimals Format prints.
const maxDecimals = 10

// largePlain is the magnitude from which Format writes e-notation.
const largePlain = 1e9

// Format returns x with exactly decimals digits after the point, rounding
// half to even on the exact binary value as strconv does. decimals is
// clamped to 0..10. Magnitudes of 1e9 and above print in e-notation with
// the same decimals ("1.2500e+12"), so that a huge value never becomes a
// line of digits.
//
// Format never prints a minus sign for zero: -0 and negative values that
// round to zero print as "0.000". Negative numbers use the ASCII
// hyphen-minus. NaN prints as "undefined" and ±Inf as "overflow", so a
// screen never shows "NaN" or "+Inf".
func Format(x float64, decimals int) string {
	var buf [32]byte
	return string(AppendFormat(buf[:0], x, decimals))
}

// AppendFormat appends x formatted as by Format to dst and returns the
// extended slice. It allocates only when dst lacks capacity.
func AppendFormat(dst []byte, x float64, decimals int) []byte {
	if s, ok := special(x); ok {
		return append(dst, s...)
	}
	decimals = min(max(decimals, 0), maxDecimals)
	if math.Abs(x) >= largePlain {
		return strconv.AppendFloat(dst, x, 'e', decimals, 64)
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', decimals, 64)
	return dropNegativeZero(dst, start)
}

// FormatSig returns x rounded to sig significant figures, keeping trailing
// zeros because they are significant: FormatSig(0.5, 3) is "0.500" and
// FormatSig(-0.0060170920, 4) is "-0.006017". sig is clamped to 1..17.
//
// Values whose rounded magnitude lies in [1e-6, 1e9) print in plain decimal
// notation, padding with zeros where needed (FormatSig(1234.5, 2) is
// "1200"); others print in e-notation such as "1.235e-07". Zero prints as
// "0", NaN as "undefined" and ±Inf as "overflow".
func FormatSig(x float64, sig int) string {
	if s, ok := special(x); ok {
		return s
	}
	if x == 0 {
		return "0"
	}
	sig = min(max(sig, 1), 17)

	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], x, 'e', sig-1, 64)
	// e is "[-]d[.ddd]e±XX": split it into sign, digits and exponent.
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	var digits [17]byte
	n, i := 0, 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[n] = e[i]
			n++
		}
	}
	exp, err := strconv.Atoi(string(e[i+1:]))
	if err != nil || exp < -6 || exp >= 9 {
		return strconv.FormatFloat(x, 'e', sig-1, 64)
	}

	out := make([]byte, 0, 32)
	if neg {
		out = append(out, '-')
	}
	d := digits[:n]
	switch {
	case exp >= n-1:
		out = append(out, d...)
		for range exp - (n - 1) {
			out = append(out, '0')
		}
	case exp >= 0:
		out = append(out, d[:exp+1]...)
		out = append(out, '.')
		out = append(out, d[exp+1:]...)
	default:
		out = append(out, '0', '.')
		for range -exp - 1 {
			out = append(out, '0')
		}
		out = append(out, d...)
	}
	return string(out)
}

// special returns the text printed for NaN and infinities.
func special(x float64) (string, bool) {
	switch {
	case math.IsNaN(x):
		return Undefined, true
	case math.IsInf(x, 0):
		return Overflow, true
	}
	return "", false
}

// dropNegativeZero removes the minus sign from dst[start:] when every digit
// after it is zero.
func dropNegativeZero(dst []byte, start int) []byte {
	if len(dst) <= start || dst[start] != '-' {
		return dst
	}
	for _, c := range dst[start+1:] {
		if c != '0' && c != '.' {
			return dst
		}
	}
	return append(dst[:start], dst[start+1:]...)
}
