package lessons

import (
	"math"
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// fwMany is how many nodes a forward lesson walks through one by one before
// summing the rest up in one line.
const fwMany = 4

// fwOut formats out of node j in layer l (the inputs at layer 0), marked
// when the last edit changed it.
func fwOut(s *Session, l, j int) string {
	return s.V(func(t *mathcore.Trace) float64 { return t.Out[l][j] })
}

// fwNet formats net of node j in layer l, marked like fwOut.
func fwNet(s *Session, l, j int) string {
	return s.V(func(t *mathcore.Trace) float64 { return t.Net[l][j] })
}

// fwActOf writes activation a applied to x: "σ(x)", "tanh(x)", "max(0, x)", "x".
func fwActOf(a mathcore.Activation, x string) string {
	switch a {
	case mathcore.Tanh:
		return "tanh(" + x + ")"
	case mathcore.ReLU:
		return "max(0, " + x + ")"
	case mathcore.Linear:
		return x
	default:
		return "σ(" + x + ")"
	}
}

// fwActWords describes activation a in a few words.
func fwActWords(a mathcore.Activation) string {
	switch a {
	case mathcore.Tanh:
		return "tanh, which squashes any number into the range -1 to 1"
	case mathcore.ReLU:
		return "relu, which keeps positive numbers and turns negative ones into 0"
	case mathcore.Linear:
		return "no squashing at all (linear): out is simply net"
	default:
		return "the sigmoid σ, which squashes any number into the range 0 to 1"
	}
}

// fwVector writes values as "[a, b, c]", leaving out the middle ones
// ("[a, b, …, z]") when the whole would be wider than width.
func fwVector(vals []string, width int) string {
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

// fwPrinted returns what the paper printed for quantity q (the first
// value when it printed several), when the session is the paper's example.
func fwPrinted(s *Session, q string) (float64, bool) {
	if v := printedValues(q); s.IsPaper() && len(v) > 0 {
		return v[0], true
	}
	return 0, false
}

// fwDiffers reports whether printed disagrees with exact beyond the
// rounding of the digits printed.
func fwDiffers(printed, exact float64) bool {
	dec := 0
	if s := strconv.FormatFloat(printed, 'f', -1, 64); strings.Contains(s, ".") {
		dec = len(s) - strings.Index(s, ".") - 1
	}
	return math.Abs(printed-exact) > 0.5*math.Pow(10, -float64(dec))+1e-12
}

// fwPlural returns word with an s unless n is 1.
func fwPlural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
