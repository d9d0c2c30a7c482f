package mathcore

import (
	"math"
	"testing"
)

func TestCountPaths(t *testing.T) {
	sixteen := make([]int, 16)
	for i := range sixteen {
		sixteen[i] = 512
	}
	tests := []struct {
		name     string
		sizes    []int
		layer    int
		want     int
		overflow bool
	}{
		{"paper, hidden node", []int{4, 2, 1}, 1, 1, false},
		{"paper, output node", []int{4, 2, 1}, 2, 1, false},
		{"8 layers, first hidden layer", []int{3, 4, 4, 4, 4, 4, 4, 2}, 1, 4 * 4 * 4 * 4 * 4 * 2, false},
		{"8 layers, second hidden layer", []int{3, 4, 4, 4, 4, 4, 4, 2}, 2, 4 * 4 * 4 * 4 * 2, false},
		{"just past MaxChainPaths", []int{2, 8, 8, 8, 2}, 1, 128, false},
		{"16 layers of 512, last hidden layer", sixteen, 14, 512, false},
		{"16 layers of 512, 6 layers on: 2^54", sixteen, 9, 1 << 54, false},
		{"16 layers of 512, 7 layers on: 2^63, one too many", sixteen, 8, math.MaxInt, true},
		{"16 layers of 512, first hidden layer", sixteen, 1, math.MaxInt, true},
	}
	for _, tc := range tests {
		got, over := CountPaths(tc.sizes, tc.layer)
		if got != tc.want || over != tc.overflow {
			t.Errorf("%s: CountPaths = %d, %v; want %d, %v", tc.name, got, over, tc.want, tc.overflow)
		}
	}
}

// A chain past MaxChainPaths counts every path, not only those up to the
// limit: the 8-layer network of the report has 4^5·2 = 2048 paths from w1.
func TestChainCountsEveryPathPastTheLimit(t *testing.T) {
	sizes := []int{3, 4, 4, 4, 4, 4, 4, 2}
	acts := make([]Activation, len(sizes)-1)
	for i := range acts {
		acts[i] = Tanh
	}
	n := randomNetwork(newRand(8), sizes, acts, HalfSSE, false)
	tr := NewTrace(n)
	tr.Compute(n)
	for _, tc := range []struct {
		p    Param
		want int
	}{
		{Param{}, 2048},
		{Param{Layer: 1}, 512},
		{Param{Layer: 3}, 32},
		{Param{Layer: 4}, 8},
		{Param{Layer: 6}, 1},
	} {
		c := tr.Chain(n, tc.p)
		if c.PathCount != tc.want || c.PathCountOverflow {
			t.Errorf("%s: PathCount %d (overflow %v), want %d", n.ParamLabel(tc.p), c.PathCount, c.PathCountOverflow, tc.want)
		}
		if listed := tc.want <= MaxChainPaths; listed != (c.Paths != nil) || (listed && len(c.Paths) != tc.want) {
			t.Errorf("%s: %d paths listed for %d", n.ParamLabel(tc.p), len(c.Paths), tc.want)
		}
	}
}

func TestPathCountApprox(t *testing.T) {
	sizes := []int{3, 4, 4, 4, 4, 4, 4, 2}
	if got := PathCountApprox(sizes, 1); got != 2048 {
		t.Errorf("3-4-4-4-4-4-4-2 from layer 1: %v paths, want 2048", got)
	}
	big := make([]int, 16)
	for i := range big {
		big[i] = 512
	}
	n, over := CountPaths(big, 0)
	if got := PathCountApprox(big, 0); !over || got != math.Pow(512, 15) || n != math.MaxInt {
		t.Errorf("16 layers of 512: %v (count %d, overflow %v), want 512^15", got, n, over)
	}
}
