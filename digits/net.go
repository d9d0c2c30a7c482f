// Package digits trains the tutor's network on the MNIST digits: the same
// math as the paper's 2x2 example (sigmoid nodes, J = 1/2 Σ (y - out)^2,
// gradient descent) on 784 inputs, fast enough to watch.
//
// Net is a 784-H-1 or 784-H-10 network with its weights in flat slices;
// Trainer runs mini-batch gradient descent on it on several cores and gives
// the same numbers for the same seed on any number of them; Evaluate
// measures it on the test images. Network turns a Net into an ordinary
// network file's network, which every command loads with --net.
package digits

import (
	"fmt"
	"math"
	"math/rand/v2"

	"nnmath/mathcore"
	"nnmath/mnist"
)

// Inputs is the number of inputs: one per pixel of a 28x28 image.
const Inputs = mnist.Pixels

// Four is the digit the one-output network is asked about: "Is it a 4?".
const Four = 4

// Net is a network of Inputs inputs, one hidden layer of sigmoid nodes and
// one layer of 1 or 10 sigmoid outputs, with biases.
//
// W1 holds the hidden layer's weights input by input: W1[i*Hidden+j] is
// the weight from pixel i to hidden node j, so that the weights of one
// pixel sit side by side. W2[k*Hidden+j] is the weight from hidden node j
// to output k.
type Net struct {
	Hidden, Outputs int
	W1, B1          []float64
	W2, B2          []float64
}

// NewNet returns a network with hidden nodes and outputs (1 or 10) whose
// weights are drawn from a normal distribution scaled by 1/sqrt(fan-in),
// so that every node starts on the steep part of its sigmoid, and whose
// biases are 0. The same seed gives the same weights.
func NewNet(hidden, outputs int, seed uint64) *Net {
	n := &Net{
		Hidden: hidden, Outputs: outputs,
		W1: make([]float64, Inputs*hidden), B1: make([]float64, hidden),
		W2: make([]float64, outputs*hidden), B2: make([]float64, outputs),
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6e6d617468)) // "nnmath"
	s1 := 1 / math.Sqrt(Inputs)
	for i := range n.W1 {
		n.W1[i] = rng.NormFloat64() * s1
	}
	s2 := 1 / math.Sqrt(float64(hidden))
	for i := range n.W2 {
		n.W2[i] = rng.NormFloat64() * s2
	}
	return n
}

// Clone returns a deep copy of n.
func (n *Net) Clone() *Net {
	c := *n
	c.W1 = append([]float64(nil), n.W1...)
	c.B1 = append([]float64(nil), n.B1...)
	c.W2 = append([]float64(nil), n.W2...)
	c.B2 = append([]float64(nil), n.B2...)
	return &c
}

// HiddenWeights writes into dst (Inputs values) the weights of hidden node
// j, pixel by pixel: what the node looks for in an image.
func (n *Net) HiddenWeights(dst []float64, j int) {
	for i := range Inputs {
		dst[i] = n.W1[i*n.Hidden+j]
	}
}

// Forward runs the network on x, Inputs darkness values from 0 to 1,
// writing the hidden outputs into hidden (Hidden values) and the outputs
// into out (Outputs values). It does not allocate.
func (n *Net) Forward(x, hidden, out []float64) {
	copy(hidden, n.B1)
	for i, xi := range x[:Inputs] {
		if xi == 0 {
			continue
		}
		axpy(hidden, n.W1[i*n.Hidden:(i+1)*n.Hidden], xi)
	}
	n.output(hidden, out)
}

// output applies the sigmoid to the hidden net inputs in h and computes the
// outputs from them.
func (n *Net) output(h, out []float64) {
	for j := range h {
		h[j] = mathcore.SigmoidOf(h[j])
	}
	for k := range out {
		w := n.W2[k*n.Hidden : (k+1)*n.Hidden]
		z := n.B2[k]
		for j, a := range h[:len(w)] {
			z += w[j] * a
		}
		out[k] = mathcore.SigmoidOf(z)
	}
}

// axpy adds a*x to y, for len(y) values.
func axpy(y, x []float64, a float64) {
	x = x[:len(y)]
	for j := range y {
		y[j] += a * x[j]
	}
}

// Answer returns the network's answer for the outputs out: with one output,
// Four when it is at least 1/2 and -1 ("not a 4") otherwise; with ten, the
// digit whose output is largest.
func Answer(out []float64) int {
	if len(out) == 1 {
		if out[0] >= 0.5 {
			return Four
		}
		return -1
	}
	best := 0
	for k, v := range out {
		if v > out[best] {
			best = k
		}
	}
	return best
}

// Targets writes into y the outputs wanted for an image of digit label: with
// one output, 1 for a 4 and 0 for any other digit; with ten, 1 for the
// label's output and 0 for the others.
func Targets(y []float64, label int) {
	if len(y) == 1 {
		y[0] = 0
		if label == Four {
			y[0] = 1
		}
		return
	}
	for k := range y {
		y[k] = 0
	}
	y[label] = 1
}

// Network returns n as a mathcore network (sigmoid, J = 1/2 Σ (y - out)^2,
// learning rate eta) whose sample is image x (Inputs values from 0 to 1)
// with the targets for label, ready to be saved as a network file.
func (n *Net) Network(x []float64, label int, eta float64) *mathcore.Network {
	w1 := make([][]float64, n.Hidden)
	for j := range w1 {
		w1[j] = make([]float64, Inputs)
		n.HiddenWeights(w1[j], j)
	}
	w2 := make([][]float64, n.Outputs)
	for k := range w2 {
		w2[k] = append([]float64(nil), n.W2[k*n.Hidden:(k+1)*n.Hidden]...)
	}
	y := make([]float64, n.Outputs)
	Targets(y, label)
	question := "is it a 4?"
	if n.Outputs == 10 {
		question = "which digit?"
	}
	return &mathcore.Network{
		Sizes:        []int{Inputs, n.Hidden, n.Outputs},
		Activations:  []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid},
		Loss:         mathcore.HalfSSE,
		Weights:      [][][]float64{w1, w2},
		Biases:       [][]float64{append([]float64(nil), n.B1...), append([]float64(nil), n.B2...)},
		Inputs:       append([]float64(nil), x[:Inputs]...),
		Targets:      y,
		LearningRate: eta,
		Name:         fmt.Sprintf("%d-%d-%d network trained on the MNIST digits: %s", Inputs, n.Hidden, n.Outputs, question),
		Notes:        fmt.Sprintf("The inputs are a test image of a %d, its 784 darkness values from 0 to 1, row by row.", label),
	}
}

// CheckNetwork reports why m cannot answer for a 28x28 image, or nil: it
// needs Inputs inputs and 1 or 10 outputs.
func CheckNetwork(m *mathcore.Network) error {
	if m.Sizes[0] != Inputs {
		return fmt.Errorf("the network has %d inputs; a 28x28 image needs %d", m.Sizes[0], Inputs)
	}
	if o := m.Sizes[m.Output()]; o != 1 && o != 10 {
		return fmt.Errorf("the network has %d outputs; it needs 1 (is it a 4?) or 10 (which digit?)", o)
	}
	return nil
}
