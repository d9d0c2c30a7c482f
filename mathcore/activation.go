package mathcore

import (
	"fmt"
	"math"
	"slices"
)

// Activation is the function a layer applies to each node's net input.
type Activation int

// The activations a layer can use.
const (
	Sigmoid Activation = iota // 1 / (1 + e^-x), the paper's choice
	Tanh                      // hyperbolic tangent
	ReLU                      // max(0, x)
	Linear                    // the identity
)

var activationNames = [...]string{Sigmoid: "sigmoid", Tanh: "tanh", ReLU: "relu", Linear: "linear"}

// String returns the name used in network files: "sigmoid", "tanh", "relu" or "linear".
func (a Activation) String() string {
	if a < 0 || int(a) >= len(activationNames) {
		return fmt.Sprintf("Activation(%d)", int(a))
	}
	return activationNames[a]
}

// ParseActivation returns the activation with the given file name.
func ParseActivation(name string) (Activation, error) {
	if i := slices.Index(activationNames[:], name); i >= 0 {
		return Activation(i), nil
	}
	return 0, fmt.Errorf("unknown activation %q (use sigmoid, tanh, relu or linear)", name)
}

// Apply returns the activation of x. It is finite for every finite x.
func (a Activation) Apply(x float64) float64 {
	switch a {
	case Tanh:
		return math.Tanh(x)
	case ReLU:
		if x > 0 {
			return x
		}
		return 0
	case Linear:
		return x
	default:
		return SigmoidOf(x)
	}
}

// Derivative returns dout/dnet at a node whose net input is net and whose
// output is out = a.Apply(net). Sigmoid and tanh use the output, as the
// paper does: sigma' = sigma(1 - sigma) and tanh' = 1 - tanh^2.
func (a Activation) Derivative(net, out float64) float64 {
	switch a {
	case Tanh:
		return 1 - out*out
	case ReLU:
		if net > 0 {
			return 1
		}
		return 0
	case Linear:
		return 1
	default:
		return out * (1 - out)
	}
}

// SigmoidOf returns 1 / (1 + e^-x), computed so that it is finite and
// correct for every finite x, including -1000 and 1e308: for negative x it
// uses the equivalent form e^x / (1 + e^x), which cannot overflow.
func SigmoidOf(x float64) float64 {
	e := math.Exp(-math.Abs(x))
	s := 1 / (1 + e)
	if x < 0 {
		return e * s
	}
	return s
}
