package export

import (
	"math/rand/v2"

	"nnmath/mathcore"
)

// Networks for the tests beyond the golden files: every activation, both
// losses, several hidden layers, many outputs, and a chain with more paths
// than mathcore lists.

// randomNetwork returns a network of the given sizes with weights, biases
// (when withBiases), inputs and targets drawn from a fixed seed.
func randomNetwork(seed uint64, sizes []int, acts []mathcore.Activation, loss mathcore.Loss, withBiases bool) *mathcore.Network {
	r := rand.New(rand.NewPCG(seed, 7))
	val := func() float64 { return float64(int(r.Float64()*2000)-1000) / 1000 }
	n := &mathcore.Network{Sizes: sizes, Activations: acts, Loss: loss, LearningRate: 0.25}
	for l := 0; l+1 < len(sizes); l++ {
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = val()
			}
		}
		n.Weights = append(n.Weights, m)
		if withBiases {
			b := make([]float64, sizes[l+1])
			for j := range b {
				b[j] = val()
			}
			n.Biases = append(n.Biases, b)
		}
	}
	for range sizes[0] {
		n.Inputs = append(n.Inputs, val())
	}
	for range sizes[len(sizes)-1] {
		n.Targets = append(n.Targets, val())
	}
	return n
}

// deep has three hidden layers of every activation and two outputs, mse.
func deep() *mathcore.Network {
	return randomNetwork(1, []int{3, 3, 2, 2, 2},
		[]mathcore.Activation{mathcore.Tanh, mathcore.ReLU, mathcore.Sigmoid, mathcore.Linear}, mathcore.MSE, true)
}

// wide has many inputs, so its dot products break over several lines.
func wide() *mathcore.Network {
	return randomNetwork(2, []int{24, 2, 3},
		[]mathcore.Activation{mathcore.ReLU, mathcore.Tanh}, mathcore.HalfSSE, true)
}

// manyPaths has 9 * 9 = 81 paths from each weight of its first layer to the
// output, more than mathcore.MaxChainPaths.
func manyPaths() *mathcore.Network {
	return randomNetwork(3, []int{2, 2, 9, 9, 1},
		[]mathcore.Activation{mathcore.Sigmoid, mathcore.Tanh, mathcore.Sigmoid, mathcore.Linear}, mathcore.HalfSSE, false)
}

// testNetworks returns every network the document checks run on.
func testNetworks() map[string]*mathcore.Network {
	single := randomNetwork(4, []int{1, 1}, []mathcore.Activation{mathcore.Linear}, mathcore.MSE, false)
	return map[string]*mathcore.Network{
		"paper":  mathcore.Paper(),
		"222":    randomNetwork(5, []int{2, 2, 2}, []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid}, mathcore.HalfSSE, true),
		"deep":   deep(),
		"wide":   wide(),
		"many":   manyPaths(),
		"single": single,
	}
}

// wideHidden is a 64-16-1 network with biases: 1,057 parameters, so its
// parameter and update tables are far longer than a page, and so are the
// dot products of its hidden nodes.
func wideHidden() *mathcore.Network {
	return randomNetwork(6, []int{64, 16, 1},
		[]mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid}, mathcore.HalfSSE, true)
}

// eightLayers has eight layers with biases: a weight of its second layer
// reaches the outputs along 48 paths, a chain far longer than a page.
func eightLayers() *mathcore.Network {
	return randomNetwork(7, []int{3, 4, 3, 5, 2, 3, 4, 2},
		[]mathcore.Activation{mathcore.Tanh, mathcore.ReLU, mathcore.Sigmoid, mathcore.Linear,
			mathcore.Tanh, mathcore.Sigmoid, mathcore.Sigmoid}, mathcore.HalfSSE, true)
}
