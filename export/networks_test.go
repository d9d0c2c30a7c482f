package export

import (
	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// testNetworks returns every network the document checks run on: every
// activation, both losses, several hidden layers, many outputs, and a chain
// with more paths than mathcore lists.
func testNetworks() map[string]*mathcore.Network {
	return map[string]*mathcore.Network{
		"paper": mathcore.Paper(),
		"222": testnet.Random(5, testnet.Spec{Sizes: []int{2, 2, 2}, Biases: true, Values: testnet.Thousandths,
			Activations: []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid}}),
		"deep": testnet.Deep(),
		"wide": testnet.Wide(),
		"many": testnet.ManyPaths(),
		"single": testnet.Random(4, testnet.Spec{Sizes: []int{1, 1}, Loss: mathcore.MSE, Values: testnet.Thousandths,
			Activations: []mathcore.Activation{mathcore.Linear}}),
	}
}
