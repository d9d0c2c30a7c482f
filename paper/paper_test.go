package paper

import (
	"math"
	"strings"
	"testing"

	"nnmath/mathcore"
)

// agrees reports whether exact, rounded to the decimals of printed, is
// printed (or printed is exact cut to those decimals).
func agrees(printed, exact float64) bool {
	s := Text(printed)
	dec := 0
	if i := strings.Index(s, "."); i >= 0 {
		dec = len(s) - i - 1
	}
	scale := math.Pow(10, float64(dec))
	return math.Round(exact*scale) == math.Round(printed*scale) || math.Trunc(exact*scale) == math.Round(printed*scale)
}

func TestPrintedAgainstExact(t *testing.T) {
	n := mathcore.Paper()
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	for _, v := range Values() {
		exact := v.Exact(tr)
		differs := !agrees(v.Printed, exact)
		switch v.Slip {
		case Rounded:
			if differs {
				t.Errorf("%s: printed %v, exact %v: named no slip but differs", v.Quantity, v.Printed, exact)
			}
		case DJdoutSign:
			// The printed number is right; the slip is in the (1 - out)
			// written before it, whose sign is wrong.
			out, _ := First("out")
			if differs || (1-out)*exact >= 0 {
				t.Errorf("%s: printed %v, exact %v, (1 - out) = %v", v.Quantity, v.Printed, exact, 1-out)
			}
		default:
			if !differs {
				t.Errorf("%s: printed %v, exact %v: named the slip %q but agrees", v.Quantity, v.Printed, exact, v.Slip)
			}
		}
		if (v.Slip == Carried) != (v.From != "") {
			t.Errorf("%s: slip %q with From %q", v.Quantity, v.Slip, v.From)
		}
	}
}

func TestSlips(t *testing.T) {
	n := mathcore.Paper()
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	// The sigmoid sign slip: the printed hidden outputs are σ(-net), the
	// second also cut to three decimals.
	for i, q := range []string{"out_h1", "out_h2"} {
		p, _ := First(q)
		if got := mathcore.SigmoidOf(-tr.Net[1][i]); math.Trunc(got*1000) != math.Round(p*1000) {
			t.Errorf("%s: printed %v, σ(-net) = %v", q, p, got)
		}
	}
	// dJ/dw1 with dJ/dout taken as -1, cut to three decimals.
	d := Printed("dout/dnet_o")
	oh, _ := First("dout_h1/dnet_h1")
	w1, _ := First("dJ/dw1")
	if got := -1 * d[1] * 0.6 * oh * 0.5; math.Trunc(got*1000) != math.Round(w1*1000) {
		t.Errorf("dJ/dw1 with dJ/dout = -1: %v, printed %v", got, w1)
	}
	if len(d) != 2 || Text(d[0]) != "0.2306" || Text(d[1]) != "0.2304" {
		t.Errorf("dout/dnet_o printed %v", d)
	}
}

func TestLookups(t *testing.T) {
	if v, ok := First("out_h1"); !ok || v != 0.407 {
		t.Errorf("First(out_h1) = %v, %v", v, ok)
	}
	if _, ok := First("net_o"); ok {
		t.Error("First(net_o) found a value the paper did not print")
	}
	for q, want := range map[string]Slip{
		"out_h1": SigmoidSign, "dJ/dw9": SigmoidSign, "w9_new": SigmoidSign,
		"dJ/dw1": DJdoutMinusOne, "w1_new": DJdoutMinusOne, "dJ/dout": DJdoutSign,
		"net_h1": Rounded, "net_o": Rounded, "dout/dnet_o": TwoWays,
	} {
		if got := Cause(q); got != want {
			t.Errorf("Cause(%s) = %v, want %v", q, got, want)
		}
	}
	for x, want := range map[float64]string{0.407: "0.407", -0.36: "-0.36", 1 - 0.64: "0.36", 0.4016: "0.4016"} {
		if got := Text(x); got != want {
			t.Errorf("Text(%v) = %q, want %q", x, got, want)
		}
	}
}
