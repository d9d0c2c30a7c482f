package judge

import (
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// testNetworks are the paper's network and random ones of several shapes.
func testNetworks() map[string]*mathcore.Network {
	return map[string]*mathcore.Network{
		"paper":               mathcore.Paper(),
		"2-3-1":               testnet.Random(1, testnet.Spec{Sizes: []int{2, 3, 1}, Loss: mathcore.HalfSSE}),
		"2-3-1 biases mse":    testnet.Random(2, testnet.Spec{Sizes: []int{2, 3, 1}, Loss: mathcore.MSE, Biases: true}),
		"3-2-2 biases":        testnet.Random(3, testnet.Spec{Sizes: []int{3, 2, 2}, Loss: mathcore.HalfSSE, Biases: true}),
		"3-2-2 mse":           testnet.Random(4, testnet.Spec{Sizes: []int{3, 2, 2}, Loss: mathcore.MSE}),
		"2-3-2-1 biases":      testnet.Random(5, testnet.Spec{Sizes: []int{2, 3, 2, 1}, Loss: mathcore.HalfSSE, Biases: true}),
		"3-2-3 mse biases #2": testnet.Random(6, testnet.Spec{Sizes: []int{3, 2, 3}, Loss: mathcore.MSE, Biases: true}),
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
