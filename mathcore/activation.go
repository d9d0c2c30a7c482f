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

// Range returns the bounds of a's outputs: (0, 1) for sigmoid and (-1, 1)
// for tanh, which they approach but never reach, [0, +Inf) for ReLU and
// (-Inf, +Inf) for linear.
func (a Activation) Range() (lo, hi float64) {
	switch a {
	case Tanh:
		return -1, 1
	case ReLU:
		return 0, math.Inf(1)
	case Linear:
		return math.Inf(-1), math.Inf(1)
	}
	return 0, 1
}

// BestLoss returns the smallest loss n's outputs can approach, given the
// range of its output activation: 0 when every target lies in the range
// or at one of its ends (which a sigmoid or tanh approaches as closely as
// one likes), and otherwise the loss with each output at the end of the
// range nearest its target. It also reports whether some target lies
// outside the range, out of reach.
func BestLoss(n *Network) (best float64, unreachable bool) {
	lo, hi := n.Activations[n.Output()-1].Range()
	outs := make([]float64, len(n.Targets))
	for k, y := range n.Targets {
		outs[k] = min(max(y, lo), hi)
		unreachable = unreachable || y < lo || y > hi
	}
	return n.Loss.Value(n.Targets, outs), unreachable
}
