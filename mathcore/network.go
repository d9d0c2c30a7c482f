package mathcore

import (
	"errors"
	"fmt"
	"math"
)

// Limits on the shape of a network.
const (
	MaxLayers = 16  // layers, counting the input layer
	MaxNodes  = 512 // nodes in one layer other than the input layer
	MaxInputs = 784 // nodes in the input layer: one per pixel of a 28x28 image
)

// Network is a fully connected feed-forward network together with the one
// sample (inputs and targets) and the learning rate it is being taught with.
//
// Layer 0 is the input layer. Weight layer l connects layer l to layer l+1:
// Weights[l][j][i] is the weight from node i of layer l to node j of layer
// l+1, and Biases[l][j] is the bias of node j of layer l+1. Biases is nil
// when the network has no biases (the paper's network has none).
type Network struct {
	Sizes        []int         // nodes per layer, input layer first
	Activations  []Activation  // one per weight layer
	Loss         Loss          // the loss J
	Weights      [][][]float64 // Weights[l][j][i]
	Biases       [][]float64   // Biases[l][j], or nil
	Inputs       []float64     // the values of the input layer
	Targets      []float64     // the wanted outputs y
	LearningRate float64       // eta, positive
	Name         string        // optional title
	Notes        string        // optional remarks, such as which values are inferred
}

// Paper returns the network of the paper's worked example: a 2x2 drawing of
// a "4" (inputs 0.5, 0.56, 0.3, 0) into two sigmoid hidden nodes and one
// sigmoid output, no biases, target 1, J = 1/2 (y - out)^2 and eta = 0.1.
func Paper() *Network {
	return &Network{
		Sizes:       []int{4, 2, 1},
		Activations: []Activation{Sigmoid, Sigmoid},
		Loss:        HalfSSE,
		Weights: [][][]float64{
			{{0.4, 0.1, 0.4, 0.2}, {0.2, 0.11, 0.05, 0.44}},
			{{0.6, 0.4}},
		},
		Inputs:       []float64{0.5, 0.56, 0.3, 0},
		Targets:      []float64{1},
		LearningRate: 0.1,
		Name:         "The paper's 4-2-1 network: a 2x2 drawing of a 4",
		Notes: "w10 = 0.4 is inferred: the paper gives it only in a lost figure, and 0.4 is the value " +
			"that reproduces its output of 0.64 from the exact hidden outputs.",
	}
}

// Layers returns the number of layers, counting the input layer.
func (n *Network) Layers() int { return len(n.Sizes) }

// Output returns the index of the output layer.
func (n *Network) Output() int { return len(n.Sizes) - 1 }

// HasBiases reports whether the network has bias parameters.
func (n *Network) HasBiases() bool { return n.Biases != nil }

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c := *n
	c.Sizes = append([]int(nil), n.Sizes...)
	c.Activations = append([]Activation(nil), n.Activations...)
	c.Weights = cloneWeights(n.Weights)
	c.Biases = cloneMatrix(n.Biases)
	c.Inputs = append([]float64(nil), n.Inputs...)
	c.Targets = append([]float64(nil), n.Targets...)
	return &c
}

// CopyParams copies the weights and biases of src into n, which has the same shape.
func (n *Network) CopyParams(src *Network) { n.setParams(src.Weights, src.Biases) }

// setParams copies weights w and biases b, shaped like n's, into n.
func (n *Network) setParams(w [][][]float64, b [][]float64) {
	for l := range n.Weights {
		for j := range n.Weights[l] {
			copy(n.Weights[l][j], w[l][j])
		}
	}
	for l := range n.Biases {
		copy(n.Biases[l], b[l])
	}
}

func cloneWeights(w [][][]float64) [][][]float64 {
	if w == nil {
		return nil
	}
	c := make([][][]float64, len(w))
	for l := range w {
		c[l] = cloneMatrix(w[l])
	}
	return c
}

func cloneMatrix(m [][]float64) [][]float64 {
	if m == nil {
		return nil
	}
	c := make([][]float64, len(m))
	for i := range m {
		c[i] = append([]float64(nil), m[i]...)
	}
	return c
}

// Validate reports the first problem with n's shape or values, naming the
// field as a network file spells it (or, when the values are too large to
// compute, the value that overflows), or nil when n can be computed.
func (n *Network) Validate() error {
	if len(n.Sizes) < 2 {
		return errors.New("layers must list at least 2 sizes: the inputs and the outputs")
	}
	if len(n.Sizes) > MaxLayers {
		return fmt.Errorf("layers lists %d layers; at most %d are supported", len(n.Sizes), MaxLayers)
	}
	if s := n.Sizes[0]; s < 1 || s > MaxInputs {
		return fmt.Errorf("layers[0] is %d: the input layer needs 1 to %d nodes", s, MaxInputs)
	}
	for l, s := range n.Sizes[1:] {
		if s < 1 || s > MaxNodes {
			return fmt.Errorf("layers[%d] is %d: a layer needs 1 to %d nodes", l+1, s, MaxNodes)
		}
	}
	wl := len(n.Sizes) - 1
	if len(n.Activations) != wl {
		return fmt.Errorf("activation has %d names but the network has %d weight layers", len(n.Activations), wl)
	}
	for l, a := range n.Activations {
		if a < Sigmoid || a > Linear {
			return fmt.Errorf("activation[%d] is not a known activation", l)
		}
	}
	if n.Loss != HalfSSE && n.Loss != MSE {
		return errors.New("loss is not a known loss (use half_sse or mse)")
	}
	if len(n.Weights) != wl {
		return fmt.Errorf("weights has %d layers but layers needs %d (one per pair of neighbouring layers)", len(n.Weights), wl)
	}
	for l, m := range n.Weights {
		if len(m) != n.Sizes[l+1] {
			return fmt.Errorf("weights[%d] has %d rows but layer %d has %d nodes", l, len(m), l+1, n.Sizes[l+1])
		}
		for j, row := range m {
			if len(row) != n.Sizes[l] {
				return fmt.Errorf("weights[%d][%d] has %d values but layer %d has %d nodes", l, j, len(row), l, n.Sizes[l])
			}
			for i, w := range row {
				if !finite(w) {
					return fmt.Errorf("weights[%d][%d][%d] is not a finite number", l, j, i)
				}
			}
		}
	}
	if n.Biases != nil {
		if len(n.Biases) != wl {
			return fmt.Errorf("biases has %d layers but layers needs %d", len(n.Biases), wl)
		}
		for l, b := range n.Biases {
			if err := checkVector("biases["+fmt.Sprint(l)+"]", b, n.Sizes[l+1], l+1); err != nil {
				return err
			}
		}
	}
	if err := checkVector("inputs", n.Inputs, n.Sizes[0], 0); err != nil {
		return err
	}
	if err := checkVector("targets", n.Targets, n.Sizes[wl], wl); err != nil {
		return err
	}
	if !finite(n.LearningRate) || n.LearningRate <= 0 {
		return fmt.Errorf("learning_rate must be a positive finite number, got %v", n.LearningRate)
	}
	if err := n.checkTexts(); err != nil {
		return err
	}
	return CheckFinite(n)
}

func checkVector(field string, v []float64, size, layer int) error {
	if len(v) != size {
		return fmt.Errorf("%s has %d values but layer %d has %d nodes", field, len(v), layer, size)
	}
	for i, x := range v {
		if !finite(x) {
			return fmt.Errorf("%s[%d] is not a finite number", field, i)
		}
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
