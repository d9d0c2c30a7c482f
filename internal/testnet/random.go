package testnet

import (
	"math/rand/v2"

	"nnmath/mathcore"
)

// Values chooses how Random draws a network's numbers.
type Values int

const (
	// Normal draws the learning rate from [0.1, 1.1), weights and biases
	// from N(0, 1), inputs from [-1, 1) and targets from [0, 1).
	Normal Values = iota
	// Thousandths draws every weight, bias, input and target as a multiple
	// of 0.001 in [-1, 1), with the learning rate 0.25: numbers that print
	// short.
	Thousandths
)

// Spec describes the network Random draws.
type Spec struct {
	Sizes       []int                 // nodes per layer, input layer first
	Activations []mathcore.Activation // one per weight layer; nil: sigmoid in every layer
	Loss        mathcore.Loss
	Biases      bool   // whether the network has biases
	Values      Values // how its numbers are drawn
}

// Random returns a network of the given spec with its numbers drawn from
// seed: the same seed and spec give the same network on any machine.
func Random(seed uint64, s Spec) *mathcore.Network {
	stream, draw, eta := uint64(11), (*rand.Rand).NormFloat64, func(r *rand.Rand) float64 { return 0.1 + r.Float64() }
	in, target := func(r *rand.Rand) float64 { return r.Float64()*2 - 1 }, (*rand.Rand).Float64
	if s.Values == Thousandths {
		stream = 7
		draw = func(r *rand.Rand) float64 { return float64(int(r.Float64()*2000)-1000) / 1000 }
		eta = func(*rand.Rand) float64 { return 0.25 }
		in, target = draw, draw
	}
	r := rand.New(rand.NewPCG(seed, stream))
	n := &mathcore.Network{Sizes: s.Sizes, Activations: s.Activations, Loss: s.Loss, LearningRate: eta(r)}
	if n.Activations == nil {
		for range len(s.Sizes) - 1 {
			n.Activations = append(n.Activations, mathcore.Sigmoid)
		}
	}
	for l := 0; l+1 < len(s.Sizes); l++ {
		m := make([][]float64, s.Sizes[l+1])
		for j := range m {
			m[j] = make([]float64, s.Sizes[l])
			for i := range m[j] {
				m[j][i] = draw(r)
			}
		}
		n.Weights = append(n.Weights, m)
		if s.Biases {
			b := make([]float64, s.Sizes[l+1])
			for j := range b {
				b[j] = draw(r)
			}
			n.Biases = append(n.Biases, b)
		}
	}
	for range s.Sizes[0] {
		n.Inputs = append(n.Inputs, in(r))
	}
	for range s.Sizes[len(s.Sizes)-1] {
		n.Targets = append(n.Targets, target(r))
	}
	return n
}
