package judge

import (
	"math"
	"testing"
)

func TestGradeBoundaries(t *testing.T) {
	cases := []struct {
		answer, exact, tol float64
		want               Verdict
	}{
		{1, 1, 0.01, Correct},
		{1.01, 1, 0.01, Correct},     // exactly 1%
		{1.0101, 1, 0.01, Close},     // just past 1%
		{0.99, 1, 0.01, Correct},     // 1% below
		{0.9899, 1, 0.01, Close},     // just past 1% below
		{1.05, 1, 0.01, Close},       // exactly 5%
		{1.0501, 1, 0.01, Incorrect}, // just past 5%
		{0.95, 1, 0.01, Close},
		{0.9499, 1, 0.01, Incorrect},
		{-1, 1, 0.01, Incorrect},                   // sign
		{-0.0493, -0.0492688944, 0.01, Correct},    // the done criterion
		{-0.0497, -0.0492688944, 0.01, Correct},    // 0.9%
		{-0.0498, -0.0492688944, 0.01, Close},      // 1.1%
		{0.0493, -0.0492688944, 0.01, Incorrect},   // sign flipped
		{-0.006, -0.0060170920, 0.01, Correct},     // hidden gradient at 4 decimals: 0.28%
		{-0.0065, -0.0060170920, 0.01, Incorrect},  // an absolute 0.0005 would accept this
		{0, 0, 0.01, Correct},                      // exact zero
		{1e-6, 0, 0.01, Incorrect},                 // an exact zero is answered by 0
		{-1e-12, 0, 0.01, Incorrect},               // however small the answer
		{0, 5e-7, 0.01, Incorrect},                 // 0 matches no other value
		{0, -6.65e-7, 0.01, Incorrect},             // however small
		{0, 0.5, 0.01, Incorrect},                  // zero for a nonzero value
		{1.2e-6, 1e-6, 0.01, Incorrect},            // tiny values are judged relatively
		{-3.0e-6, -3.845e-6, 0.01, Incorrect},      // 22% off
		{-3.85e-6, -3.845e-6, 0.01, Correct},       // 0.13% off
		{-3.7e-6, -3.845e-6, 0.01, Close},          // 3.8% off
		{1.1, 1, 0.1, Correct},                     // --tolerance 0.1
		{1.11, 1, 0.1, Incorrect},                  // past 10%, and 5% is no wider
		{1.001, 1, 0, Close},                       // tolerance 0: only the exact value
		{math.NaN(), 1, 0.01, Incorrect},           // never a verdict on NaN
		{math.Inf(1), 1, 0.01, Incorrect},          // or infinity
		{1, math.NaN(), 0.01, Incorrect},           // or a NaN exact value
		{100.9, 100, 0.01, Correct},                // relative, not absolute
		{101.2, 100, 0.01, Close},                  // relative, not absolute
		{-2.5e-3, -2.5e-3 * 1.0099, 0.01, Correct}, // relative on the exact value
		{-2.5e-3 * 0.9, -2.5e-3, 0.01, Incorrect},  // 10% off
		{-2.5e-3 * 0.96, -2.5e-3, 0.01, Close},     // 4% off
		{0.4016, 0.4006017092, 0.01, Correct},      // an update within 1% (see the report)
		{0.6033, 0.6049268894, DefaultTolerance, Correct},
	}
	for _, c := range cases {
		if got := GradeValue(c.answer, c.exact, c.tol); got != c.want {
			t.Errorf("GradeValue(%v, %v, %v) = %v, want %v", c.answer, c.exact, c.tol, got, c.want)
		}
	}
}

func TestVerdictText(t *testing.T) {
	for v, want := range map[Verdict]string{Correct: "correct", Close: "close", Incorrect: "incorrect"} {
		b, _ := v.MarshalText()
		if v.String() != want || string(b) != want {
			t.Errorf("%d: %q, %q", v, v.String(), b)
		}
	}
}
