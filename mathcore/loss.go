package mathcore

import (
	"fmt"
	"slices"
)

// Loss is the function J that measures how far the outputs are from the targets.
type Loss int

// The losses a network can use.
const (
	// HalfSSE is J = 1/2 sum (y - out)^2, the loss of the paper's worked example.
	HalfSSE Loss = iota
	// MSE is J = (1/n) sum (y - out)^2 over the n outputs, the paper's definition.
	MSE
)

var lossNames = [...]string{HalfSSE: "half_sse", MSE: "mse"}

// String returns the name used in network files: "half_sse" or "mse".
func (l Loss) String() string {
	if l < 0 || int(l) >= len(lossNames) {
		return fmt.Sprintf("Loss(%d)", int(l))
	}
	return lossNames[l]
}

// ParseLoss returns the loss with the given file name.
func ParseLoss(name string) (Loss, error) {
	if i := slices.Index(lossNames[:], name); i >= 0 {
		return Loss(i), nil
	}
	return 0, fmt.Errorf("unknown loss %q (use half_sse or mse)", name)
}

// scale returns the factor in front of the sum of squares: 1/2 or 1/n.
func (l Loss) scale(n int) float64 {
	if l == MSE {
		return 1 / float64(n)
	}
	return 0.5
}

// Value returns J for the given targets and outputs, which have the same length.
func (l Loss) Value(targets, outs []float64) float64 {
	var sum float64
	for k, y := range targets {
		d := y - outs[k]
		sum += d * d
	}
	return l.scale(len(targets)) * sum
}

// Derivative returns dJ/dout_k for one output of n: -(y - out) for HalfSSE
// and -(2/n)(y - out) for MSE.
func (l Loss) Derivative(y, out float64, n int) float64 {
	return -2 * l.scale(n) * (y - out)
}
