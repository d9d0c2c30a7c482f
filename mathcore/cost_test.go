package mathcore

import "testing"

// The counts against the paths Chain lists, factor by factor, and against
// the counts worked out by hand for the networks the lessons name.
func TestMultiplicationCounts(t *testing.T) {
	cases := []struct {
		name            string
		n               *Network
		chain, backward float64
	}{
		{"paper", Paper(), 36, 15},       // 2 weights × 2 + 8 × 4; δ_o 1, δ_h 2 × 2, 10 gradients
		{"textbook", Textbook(), 54, 16}, // 4×2 + 2×1 + 4×(2 paths × 4) + 2×(2 × 3); 2 + 2×3 + 8
	}
	for _, c := range cases {
		if got := ChainMultiplications(c.n.Sizes, c.n.HasBiases()); got != c.chain {
			t.Errorf("%s: chain multiplications %v, want %v", c.name, got, c.chain)
		}
		if got := BackwardMultiplications(c.n.Sizes, c.n.HasBiases()); got != c.backward {
			t.Errorf("%s: backward multiplications %v, want %v", c.name, got, c.backward)
		}
		tr := NewTrace(c.n)
		tr.Compute(c.n)
		counted := 0
		for _, p := range c.n.Params() {
			for _, path := range tr.Chain(c.n, p).Paths {
				k := 0
				for _, f := range path.Factors {
					if f.Kind != BiasFactor {
						k++
					}
				}
				counted += k - 1
			}
		}
		if float64(counted) != c.chain {
			t.Errorf("%s: Chain's paths hold %d multiplications, ChainMultiplications says %v", c.name, counted, c.chain)
		}
	}
	// 64-16-1: 16 output weights × 2 + 1024 hidden weights × 4; 1 + 16 × 2 + 1040.
	if got := ChainMultiplications([]int{64, 16, 1}, false); got != 4128 {
		t.Errorf("64-16-1 chains: %v, want 4128", got)
	}
	if got := BackwardMultiplications([]int{64, 16, 1}, false); got != 1073 {
		t.Errorf("64-16-1 backward: %v, want 1073", got)
	}
}

// A nudge's measured change agrees with the prediction to first order: the
// gap shrinks like Δ², a hundredfold for a tenfold smaller Δ.
func TestNudgeFirstOrder(t *testing.T) {
	for _, n := range []*Network{Paper(), Textbook()} {
		for _, p := range n.Params() {
			gap := func(d float64) float64 {
				u := NudgeParam(n, p, d)
				if u.Measured != u.After-u.Before {
					t.Fatalf("%s: measured %v is not after - before", n.ParamLabel(p), u.Measured)
				}
				return abs(u.Measured - u.Predicted)
			}
			g1, g2 := gap(1e-2), gap(1e-3)
			if g1 == 0 {
				continue
			}
			if r := g2 / g1; r < 0.005 || r > 0.02 {
				t.Errorf("%s: the gap shrank by %v for Δ / 10, want about 1/100", n.ParamLabel(p), r)
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
