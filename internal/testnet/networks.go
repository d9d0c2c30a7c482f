package testnet

import (
	"os"
	"path/filepath"
	"testing"

	"nnmath/mathcore"
)

// parse reads a network the way a network file is read.
func parse(src string) *mathcore.Network {
	n, err := mathcore.ParseNetwork([]byte(src))
	if err != nil {
		panic("testnet: " + err.Error())
	}
	return n
}

// TwoTwoTwo returns the 2-2-2 sigmoid network with biases of
// export/testdata/net222.json (Mazur's example): learning rate 0.5,
// J = 1/2 sum (y - out)^2.
func TwoTwoTwo() *mathcore.Network {
	return parse(`{"layers": [2, 2, 2], "activation": "sigmoid", "loss": "half_sse",
		"weights": [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]],
		"biases": [[0.35, 0.35], [0.6, 0.6]], "inputs": [0.05, 0.1], "targets": [0.01, 0.99],
		"learning_rate": 0.5, "name": "A 2-2-2 network with biases"}`)
}

// ThreeTwoTwo returns a 3-2-2 sigmoid network without biases, with two
// outputs and the default learning rate.
func ThreeTwoTwo() *mathcore.Network {
	return parse(`{"layers": [3, 2, 2], "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8], [0.9, 1.0]]],
		"inputs": [1, 0.5, 0], "targets": [0, 1]}`)
}

// ThreeTwoTwoMSE returns ThreeTwoTwo with biases and the loss
// J = (1/n) sum (y - out)^2.
func ThreeTwoTwoMSE() *mathcore.Network {
	return parse(`{"layers": [3, 2, 2], "loss": "mse", "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8], [0.9, 1.0]]],
		"biases": [[0.1, 0.2], [0.3, 0.4]], "inputs": [1, 0.5, 0], "targets": [0, 1]}`)
}

// DeadReLU returns a 1-1-1 ReLU network whose hidden node is dead (its net
// is -1): every gradient into it is zero.
func DeadReLU() *mathcore.Network {
	return parse(`{"layers": [1, 1, 1], "activation": "relu", "weights": [[[-1]], [[1]]], "inputs": [1], "targets": [1]}`)
}

// Deep has three hidden layers of every activation and two outputs, with
// biases and J = (1/n) sum (y - out)^2.
func Deep() *mathcore.Network {
	return Random(1, Spec{Sizes: []int{3, 3, 2, 2, 2}, Loss: mathcore.MSE, Biases: true, Values: Thousandths,
		Activations: []mathcore.Activation{mathcore.Tanh, mathcore.ReLU, mathcore.Sigmoid, mathcore.Linear}})
}

// Wide has 24 inputs, so its dot products break over several lines.
func Wide() *mathcore.Network {
	return Random(2, Spec{Sizes: []int{24, 2, 3}, Biases: true, Values: Thousandths,
		Activations: []mathcore.Activation{mathcore.ReLU, mathcore.Tanh}})
}

// ManyPaths has 9 · 9 = 81 paths from each weight of its first layer to
// the output, more than mathcore.MaxChainPaths.
func ManyPaths() *mathcore.Network {
	return Random(3, Spec{Sizes: []int{2, 2, 9, 9, 1}, Values: Thousandths,
		Activations: []mathcore.Activation{mathcore.Sigmoid, mathcore.Tanh, mathcore.Sigmoid, mathcore.Linear}})
}

// WideHidden is a 64-16-1 sigmoid network with biases: 1,057 parameters.
func WideHidden() *mathcore.Network {
	return Random(6, Spec{Sizes: []int{64, 16, 1}, Biases: true, Values: Thousandths})
}

// EightLayers has eight layers with biases: a weight of its second layer
// reaches the outputs along 48 paths.
func EightLayers() *mathcore.Network {
	return Random(7, Spec{Sizes: []int{3, 4, 3, 5, 2, 3, 4, 2}, Biases: true, Values: Thousandths,
		Activations: []mathcore.Activation{mathcore.Tanh, mathcore.ReLU, mathcore.Sigmoid, mathcore.Linear,
			mathcore.Tanh, mathcore.Sigmoid, mathcore.Sigmoid}})
}

// WriteFile writes n as a network file named name into a temporary folder
// of t and returns its path.
func WriteFile(t testing.TB, name string, n *mathcore.Network) string {
	t.Helper()
	data, err := mathcore.MarshalNetwork(n)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
