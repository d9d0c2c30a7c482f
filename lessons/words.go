package lessons

import "nnmath/mathcore"

// This file names the parts of a network in words: its activations, its
// weights and biases.

// activationOf writes activation a applied to x: "σ(x)", "tanh(x)", "max(0, x)", "x".
func activationOf(a mathcore.Activation, x string) string {
	switch a {
	case mathcore.Tanh:
		return "tanh(" + x + ")"
	case mathcore.ReLU:
		return "max(0, " + x + ")"
	case mathcore.Linear:
		return x
	default:
		return "σ(" + x + ")"
	}
}

// activationWords describes activation a in a few words.
func activationWords(a mathcore.Activation) string {
	switch a {
	case mathcore.Tanh:
		return "tanh, which squashes any number into the range -1 to 1"
	case mathcore.ReLU:
		return "relu, which keeps positive numbers and turns negative ones into 0"
	case mathcore.Linear:
		return "no squashing at all (linear): out is simply net"
	default:
		return "the sigmoid σ, which squashes any number into the range 0 to 1"
	}
}

// activationName returns how the lessons name an activation.
func activationName(a mathcore.Activation) string {
	if a == mathcore.Sigmoid {
		return "sigmoid σ"
	}
	return a.String()
}

// paramWords returns "weight", or "weight or bias" when n has biases.
func paramWords(n *mathcore.Network) string {
	if n.HasBiases() {
		return "weight or bias"
	}
	return "weight"
}

// eachParam returns "weight", or "weight and bias" when n has biases, for
// "every weight and bias".
func eachParam(n *mathcore.Network) string {
	if n.HasBiases() {
		return "weight and bias"
	}
	return "weight"
}

// paramKind returns "weight" or "bias".
func paramKind(p mathcore.Param) string {
	if p.Bias {
		return "bias"
	}
	return "weight"
}
