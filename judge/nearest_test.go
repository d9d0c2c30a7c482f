package judge

import (
	"slices"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// TestLazyNearestMatchesEager: on a network large enough for a lazy
// catalogue, the names suggested for a typo are those the full catalogue
// suggests.
func TestLazyNearestMatchesEager(t *testing.T) {
	for _, spec := range []testnet.Spec{
		{Sizes: []int{70, 70, 2}, Biases: true},
		{Sizes: []int{3, 80, 60, 1}, Activations: []mathcore.Activation{mathcore.Tanh, mathcore.ReLU, mathcore.Sigmoid}},
	} {
		n := testnet.Random(5, spec)
		lazy := newCatalogue(n)
		if !lazy.lazy {
			t.Fatalf("%v: the catalogue is not lazy", spec.Sizes)
		}
		eager := buildCatalogue(n, true)
		for _, typo := range []string{"dJ/dw99999999", "w1_nwe", "dj/db", "out", "y_hat", "dnet_o1/dw12", "J_new", "dJ/dout_h1", "b99"} {
			got, want := lazy.nearest(typo, 5), eager.nearest(typo, 5)
			if !slices.Equal(got, want) {
				t.Errorf("%v %q: lazy suggests %v, the full catalogue %v", spec.Sizes, typo, got, want)
			}
		}
	}
}
