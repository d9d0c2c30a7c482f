package numtext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// ErrEmpty is returned by Parse when the input holds nothing but spaces.
var ErrEmpty = errors.New("empty: type a number such as 0.5")

// ErrNotNumber is wrapped by the errors Parse returns for input that is not
// written as a decimal number, such as "abc", "0x1p3" or "1_000".
var ErrNotNumber = errors.New("not a number")

// ErrNotFinite is wrapped by the errors Parse returns for input that names
// NaN or an infinity, or whose value is too large for a float64.
var ErrNotFinite = errors.New("not a finite number")

// timesTen lists the signs for "times" that Parse accepts between a
// mantissa and "10^".
var timesTen = [...]string{"x", "X", "×", "*", "·", "⋅"}

// Parse returns the value of the number s.
//
// Parse accepts decimal numbers with an optional sign and exponent ("0.5",
// ".5", "-0.25", "+1", "1e-3", "2.5E2"), the Unicode minus sign U+2212
// wherever a minus may stand, a decimal comma when s has no dot ("0,5"),
// surrounding white space, white space between a leading sign and the
// number ("- 0.0493"), and scientific notation written with a power of ten
// ("2.5x10^-3", "2.5×10^-3", "2.5*10^-3", "2.5·10^-3", "10^-3"), whose
// exponent may stand in brackets ("2.5x10^(-3)"). Values too small to
// represent become zero.
//
// Parse refuses empty input (ErrEmpty); text, hex floats, underscores and
// thousands separators (ErrNotNumber); and NaN, infinities and values that
// overflow a float64 (ErrNotFinite). Every error message quotes the input
// and says what is wrong, and wraps one of those sentinels for errors.Is.
func Parse(s string) (float64, error) {
	in := strings.TrimFunc(s, unicode.IsSpace)
	if in == "" {
		return 0, ErrEmpty
	}
	t := signSpace(strings.ReplaceAll(in, "\u2212", "-"))

	if err := refuseSpecial(in, t); err != nil {
		return 0, err
	}

	if strings.Contains(t, ",") {
		if strings.Contains(t, ".") {
			return 0, fmt.Errorf("%q is %w: use either a decimal dot or a decimal comma, without thousands separators", in, ErrNotNumber)
		}
		if strings.Count(t, ",") > 1 {
			return 0, fmt.Errorf("%q is %w: it has more than one decimal comma", in, ErrNotNumber)
		}
		t = strings.Replace(t, ",", ".", 1)
	}

	t, ok := powerOfTen(t)
	if !ok || !isDecimal(t) {
		return 0, fmt.Errorf("%q is %w", in, ErrNotNumber)
	}

	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%q is too large (%w; the largest is about 1.8e308)", in, ErrNotFinite)
		}
		return 0, fmt.Errorf("%q is %w", in, ErrNotNumber)
	}
	return v, nil
}

// refuseSpecial returns a specific error for the forms strconv.ParseFloat
// would accept but Parse must not: NaN, infinities, hex floats and
// underscores. in is the trimmed input and t its normalised form.
func refuseSpecial(in, t string) error {
	body := strings.ToLower(strings.TrimLeft(t, "+-"))
	switch body {
	case "nan":
		return fmt.Errorf("%q is %w: type an ordinary number such as 0.5", in, ErrNotFinite)
	case "inf", "infinity", "∞":
		return fmt.Errorf("%q is %w: type an ordinary number such as 1e6", in, ErrNotFinite)
	}
	if strings.HasPrefix(body, "0x") {
		return fmt.Errorf("%q is %w: hexadecimal is not accepted, write it in decimal", in, ErrNotNumber)
	}
	if strings.Contains(t, "_") {
		return fmt.Errorf("%q is %w: write the digits without underscores", in, ErrNotNumber)
	}
	return nil
}

// signSpace drops the white space between a leading sign and what follows
// it: "- 0.5" becomes "-0.5". Anything else is returned as is.
func signSpace(t string) string {
	if len(t) > 1 && (t[0] == '-' || t[0] == '+') {
		if rest := strings.TrimLeftFunc(t[1:], unicode.IsSpace); len(rest) < len(t)-1 {
			return t[:1] + rest
		}
	}
	return t
}

// powerOfTen rewrites "m×10^e" (with any sign in timesTen, spaces allowed
// around it, e optionally in brackets) and "10^e" as "me", the form
// strconv.ParseFloat reads. It reports false when a power of ten is present
// but malformed. Input without "10^" is returned as is.
func powerOfTen(t string) (string, bool) {
	i := strings.Index(t, "10^")
	if i < 0 {
		return t, true
	}
	head := strings.TrimRightFunc(t[:i], unicode.IsSpace)
	e := strings.TrimLeftFunc(t[i+len("10^"):], unicode.IsSpace)
	if inner, ok := strings.CutPrefix(e, "("); ok {
		if inner, ok = strings.CutSuffix(inner, ")"); !ok {
			return "", false
		}
		e = strings.TrimFunc(inner, unicode.IsSpace)
	}
	if !isExponent(e) {
		return "", false
	}
	switch head {
	case "", "+", "-":
		return head + "1e" + e, true
	}
	for _, times := range timesTen {
		if m, found := strings.CutSuffix(head, times); found {
			m = strings.TrimRightFunc(m, unicode.IsSpace)
			return m + "e" + e, isMantissa(m)
		}
	}
	return "", false
}

// isDecimal reports whether t is a mantissa optionally followed by 'e' or
// 'E' and an exponent.
func isDecimal(t string) bool {
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		return isMantissa(t[:i]) && isExponent(t[i+1:])
	}
	return isMantissa(t)
}

// isMantissa reports whether m is an optional sign followed by digits with
// at most one dot and at least one digit.
func isMantissa(m string) bool {
	if m != "" && (m[0] == '+' || m[0] == '-') {
		m = m[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(m); i++ {
		switch c := m[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// isExponent reports whether e is an optional sign followed by one or more
// digits.
func isExponent(e string) bool {
	if e != "" && (e[0] == '+' || e[0] == '-') {
		e = e[1:]
	}
	if e == "" {
		return false
	}
	for i := 0; i < len(e); i++ {
		if e[i] < '0' || e[i] > '9' {
			return false
		}
	}
	return true
}
