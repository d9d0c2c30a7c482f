package testnet

import "nnmath/mathcore"

// Kind is one kind of network the judge's tests draw: its shape,
// activations, loss and biases.
type Kind struct {
	Name string
	Spec Spec
}

// JudgeKinds lists the kinds of network the judge is checked on: sigmoid
// 3-3-2 with biases, tanh with mse, ReLU, tanh-sigmoid-linear, sigmoid
// with mse and 3 outputs, and a few more shapes.
func JudgeKinds() []Kind {
	s, t, r, lin := mathcore.Sigmoid, mathcore.Tanh, mathcore.ReLU, mathcore.Linear
	return []Kind{
		{"sigmoid 3-3-2 biases", Spec{Sizes: []int{3, 3, 2}, Loss: mathcore.HalfSSE, Biases: true}},
		{"tanh 2-3-2 mse", Spec{Sizes: []int{2, 3, 2}, Activations: []mathcore.Activation{t, t}, Loss: mathcore.MSE, Biases: true}},
		{"relu 3-3-2", Spec{Sizes: []int{3, 3, 2}, Activations: []mathcore.Activation{r, r}, Loss: mathcore.HalfSSE, Biases: true}},
		{"tanh-sigmoid-linear 2-3-3-2", Spec{Sizes: []int{2, 3, 3, 2}, Activations: []mathcore.Activation{t, s, lin}, Loss: mathcore.HalfSSE, Biases: true}},
		{"sigmoid 2-3-3 mse", Spec{Sizes: []int{2, 3, 3}, Loss: mathcore.MSE}},
		{"relu-linear 2-2-1", Spec{Sizes: []int{2, 2, 1}, Activations: []mathcore.Activation{r, lin}, Loss: mathcore.HalfSSE}},
		{"sigmoid 2-2-2-1 thousandths", Spec{Sizes: []int{2, 2, 2, 1}, Loss: mathcore.HalfSSE, Values: Thousandths}},
	}
}

// IssueNetworks returns the paper's network and one network of each of the
// first five JudgeKinds, drawn from seed.
func IssueNetworks(seed uint64) map[string]*mathcore.Network {
	nets := map[string]*mathcore.Network{"paper": mathcore.Paper()}
	for _, k := range JudgeKinds()[:5] {
		nets[k.Name] = Random(seed, k.Spec)
	}
	return nets
}
