package judge

import (
	"math/rand/v2"
	"testing"

	"nnmath/mathcore"
)

// randomNetwork returns a network of the given shape with values drawn from
// a fixed seed: weights around ±1, inputs in [-1, 1], targets in [0, 1].
func randomNetwork(seed uint64, sizes []int, loss mathcore.Loss, biases bool) *mathcore.Network {
	r := rand.New(rand.NewPCG(seed, 11))
	n := &mathcore.Network{Sizes: sizes, Loss: loss, LearningRate: 0.1 + r.Float64()}
	for l := 0; l+1 < len(sizes); l++ {
		n.Activations = append(n.Activations, mathcore.Sigmoid)
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = r.NormFloat64()
			}
		}
		n.Weights = append(n.Weights, m)
		if biases {
			b := make([]float64, sizes[l+1])
			for j := range b {
				b[j] = r.NormFloat64()
			}
			n.Biases = append(n.Biases, b)
		}
	}
	for range sizes[0] {
		n.Inputs = append(n.Inputs, r.Float64()*2-1)
	}
	for range sizes[len(sizes)-1] {
		n.Targets = append(n.Targets, r.Float64())
	}
	return n
}

// testNetworks are the paper's network and random ones of several shapes.
func testNetworks() map[string]*mathcore.Network {
	return map[string]*mathcore.Network{
		"paper":               mathcore.Paper(),
		"2-3-1":               randomNetwork(1, []int{2, 3, 1}, mathcore.HalfSSE, false),
		"2-3-1 biases mse":    randomNetwork(2, []int{2, 3, 1}, mathcore.MSE, true),
		"3-2-2 biases":        randomNetwork(3, []int{3, 2, 2}, mathcore.HalfSSE, true),
		"3-2-2 mse":           randomNetwork(4, []int{3, 2, 2}, mathcore.MSE, false),
		"2-3-2-1 biases":      randomNetwork(5, []int{2, 3, 2, 1}, mathcore.HalfSSE, true),
		"3-2-3 mse biases #2": randomNetwork(6, []int{3, 2, 3}, mathcore.MSE, true),
	}
}

func mustJudge(t testing.TB, n *mathcore.Network) *Judge {
	t.Helper()
	j, err := New(n)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func mustLookup(t testing.TB, j *Judge, name string) Quantity {
	t.Helper()
	q, err := j.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
