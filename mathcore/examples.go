package mathcore

import (
	"fmt"
	"strings"
)

// Example is one of the networks nnmath carries built in, chosen by name
// with --example and from the tutor's menu.
type Example struct {
	Name    string          // the name --example takes, such as "textbook"
	Summary string          // one line for a menu or a message
	New     func() *Network // a fresh copy of the network
}

// DefaultExample is the name of the example nnmath opens when none is named.
const DefaultExample = "paper"

// Examples returns the built-in networks, the default (the paper's) first.
func Examples() []Example {
	return []Example{
		{Name: "paper", Summary: "the paper's 4-2-1 network: a 2x2 drawing of a 4, no biases", New: Paper},
		{Name: "textbook", Summary: "the textbook 2-2-2 network with biases: two outputs, sums over two paths", New: Textbook},
	}
}

// ExampleNames returns the names of the built-in examples, in order.
func ExampleNames() []string {
	var names []string
	for _, e := range Examples() {
		names = append(names, e.Name)
	}
	return names
}

// NewExample returns a fresh copy of the built-in example called name (in
// any case, spaces around it ignored), or an error that lists the names
// there are.
func NewExample(name string) (*Network, error) {
	for _, e := range Examples() {
		if e.Name == strings.ToLower(strings.TrimSpace(name)) {
			return e.New(), nil
		}
	}
	return nil, fmt.Errorf("no example called %q: the examples are %s", name, strings.Join(ExampleNames(), ", "))
}

// Textbook returns the standard 2-2-2 textbook network with biases (the
// one of Matt Mazur's worked example): inputs 0.05 and 0.10, sigmoid
// hidden and output nodes, targets 0.01 and 0.99, J = 1/2 Σ (y - out)^2 and
// η = 0.5. The hidden nodes share the bias 0.35 and the output nodes 0.60.
//
// Its weights carry this project's labels, numbered by source node: w1 =
// i1→h1 0.15, w2 = i1→h2 0.25, w3 = i2→h1 0.20, w4 = i2→h2 0.30, w5 = h1→o1
// 0.40, w6 = h1→o2 0.50, w7 = h2→o1 0.45, w8 = h2→o2 0.55. The textbook
// numbers by target node, so its w2 is our w3, its w6 our w7, and back.
func Textbook() *Network {
	return &Network{
		Sizes:       []int{2, 2, 2},
		Activations: []Activation{Sigmoid, Sigmoid},
		Loss:        HalfSSE,
		Weights: [][][]float64{
			{{0.15, 0.20}, {0.25, 0.30}},
			{{0.40, 0.45}, {0.50, 0.55}},
		},
		Biases:       [][]float64{{0.35, 0.35}, {0.60, 0.60}},
		Inputs:       []float64{0.05, 0.10},
		Targets:      []float64{0.01, 0.99},
		LearningRate: 0.5,
		Name:         "The textbook 2-2-2 network with biases",
		Notes: "Labels follow nnmath's order (numbered by the node a weight leaves): the textbook's w2 " +
			"(i2→h1) is w3 here, its w3 (i1→h2) is w2, its w6 (h2→o1) is w7 and its w7 (h1→o2) is w6. " +
			"Its two biases, 0.35 and 0.60, are b1 = b2 and b3 = b4 here.",
	}
}
