package paper

import (
	"slices"
	"strconv"

	"nnmath/mathcore"
)

// Part names where in the paper's worked computation a number appears.
type Part int

const (
	// ForwardPass is the forward pass: hidden nets and outputs, the output.
	ForwardPass Part = iota
	// OutputChain is the chain rule for w9, a weight into the output layer.
	OutputChain
	// HiddenChain is the chain rule for w1, a weight into the hidden layer.
	HiddenChain
)

var partNames = [...]string{ForwardPass: "forward pass", OutputChain: "output-layer chain", HiddenChain: "hidden-layer chain"}

// String returns the part in plain words: "forward pass".
func (p Part) String() string {
	if p < 0 || int(p) >= len(partNames) {
		return "Part(" + strconv.Itoa(int(p)) + ")"
	}
	return partNames[p]
}

// Slip names why a printed number is what it is, as the worked-example
// page lists the paper's slips.
type Slip int

const (
	// Rounded is no slip: the exact value rounded (or cut) to the digits
	// printed.
	Rounded Slip = iota
	// SigmoidSign is the sign slip in the sigmoid: σ(-x) = 1/(1 + e^x)
	// printed in place of σ(x).
	SigmoidSign
	// DJdoutSign is the sign of dJ/dout: the paper first writes it as
	// (1 - out), though it is -(y - out). The number it then prints, -0.36,
	// is right; the slip is in the expression written before it.
	DJdoutSign
	// TwoWays is one quantity printed with two different values.
	TwoWays
	// DJdoutMinusOne is the hidden-weight chain taking dJ/dout as -1 in
	// place of -(y - out).
	DJdoutMinusOne
	// Carried is a number computed from an earlier slipped number (named by
	// Value.From), which it carries.
	Carried
)

var slipNames = [...]string{Rounded: "rounded", SigmoidSign: "sign slip in the sigmoid", DJdoutSign: "sign of dJ/dout",
	TwoWays: "printed two ways", DJdoutMinusOne: "dJ/dout taken as -1", Carried: "follows from an earlier slip"}

// String returns the slip in plain words: "sign slip in the sigmoid".
func (s Slip) String() string {
	if s < 0 || int(s) >= len(slipNames) {
		return "Slip(" + strconv.Itoa(int(s)) + ")"
	}
	return slipNames[s]
}

// Value is one number the paper printed.
type Value struct {
	// Quantity names what the number stands for: "out_h1", "dJ/dw9".
	Quantity string
	// Printed is the number as the paper printed it.
	Printed float64
	// Part is where in the paper's computation it appears.
	Part Part
	// Slip is why it is what it is.
	Slip Slip
	// From names the quantity whose slipped number this one carries, when
	// Slip is Carried; otherwise it is empty.
	From string
	// Exact reads the exact value of the quantity from a Trace computed
	// for mathcore.Paper().
	Exact func(t *mathcore.Trace) float64
}

// Values returns the numbers the paper printed for its worked example
// (mathcore.Paper()), in the order the computation meets them. Where the
// paper printed a quantity twice with different values, both are listed.
// The result is the caller's to keep.
func Values() []Value { return slices.Clone(values) }

// values is the table Values copies and the lookups read.
var values = []Value{
	{"net_h1", 0.376, ForwardPass, Rounded, "", func(t *mathcore.Trace) float64 { return t.Net[1][0] }},
	{"out_h1", 0.407, ForwardPass, SigmoidSign, "", func(t *mathcore.Trace) float64 { return t.Out[1][0] }},
	{"net_h2", 0.1766, ForwardPass, Rounded, "", func(t *mathcore.Trace) float64 { return t.Net[1][1] }},
	{"out_h2", 0.455, ForwardPass, SigmoidSign, "", func(t *mathcore.Trace) float64 { return t.Out[1][1] }},
	{"out", 0.64, ForwardPass, Rounded, "", func(t *mathcore.Trace) float64 { return t.Out[2][0] }},
	{"dJ/dout", -0.36, OutputChain, DJdoutSign, "", func(t *mathcore.Trace) float64 { return t.DOut[2][0] }},
	{"dout/dnet_o", 0.2306, OutputChain, TwoWays, "", func(t *mathcore.Trace) float64 { return t.DAct[2][0] }},
	{"dout/dnet_o", 0.2304, HiddenChain, TwoWays, "", func(t *mathcore.Trace) float64 { return t.DAct[2][0] }},
	{"dJ/dw9", -0.033, OutputChain, Carried, "out_h1", func(t *mathcore.Trace) float64 { return t.GradW[1][0][0] }},
	{"w9_new", 0.603, OutputChain, Carried, "dJ/dw9", func(t *mathcore.Trace) float64 { return t.NewW[1][0][0] }},
	{"dout_h1/dnet_h1", 0.241, HiddenChain, Rounded, "", func(t *mathcore.Trace) float64 { return t.DAct[1][0] }},
	{"dJ/dw1", -0.016, HiddenChain, DJdoutMinusOne, "", func(t *mathcore.Trace) float64 { return t.GradW[0][0][0] }},
	{"w1_new", 0.4016, HiddenChain, Carried, "dJ/dw1", func(t *mathcore.Trace) float64 { return t.NewW[0][0][0] }},
}

// Printed returns every number the paper printed for quantity q, in the
// order it printed them; nil when it printed none.
func Printed(q string) []float64 {
	var v []float64
	for _, p := range values {
		if p.Quantity == q {
			v = append(v, p.Printed)
		}
	}
	return v
}

// First returns the first number the paper printed for quantity q, and
// whether it printed one.
func First(q string) (float64, bool) {
	v, ok := Find(q)
	return v.Printed, ok
}

// Find returns the first entry of the table for quantity q, and whether
// there is one.
func Find(q string) (Value, bool) {
	for _, p := range values {
		if p.Quantity == q {
			return p, true
		}
	}
	return Value{}, false
}

// Cause returns the slip behind the first number the paper printed for
// quantity q, following Carried numbers back to the slip they carry:
// SigmoidSign for "w9_new". It returns Rounded when the paper printed no
// number for q.
func Cause(q string) Slip {
	v, ok := Find(q)
	for ok && v.Slip == Carried {
		v, ok = Find(v.From)
	}
	if !ok {
		return Rounded
	}
	return v.Slip
}

// Text writes x as the paper printed it: "0.407", "-0.36". Arithmetic on
// printed numbers (1 - 0.64) is first rounded to 12 significant figures,
// so it reads "0.36" as the paper would write it.
func Text(x float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}
