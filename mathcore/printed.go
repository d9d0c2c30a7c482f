package mathcore

// PrintedValue is a number the paper printed in its worked example, named
// by the quantity it stands for ("out_h1", "dJ/dw9", "w9_new").
type PrintedValue struct {
	Quantity string
	Printed  float64
}

// PaperPrinted returns the numbers the paper printed for its worked example
// (Paper()), in the order the computation meets them. Where the paper gave
// a quantity twice with different values, both are listed. The exact values
// are computed, never stored: compare these with a Trace of Paper().
func PaperPrinted() []PrintedValue {
	return []PrintedValue{
		{"net_h1", 0.376},
		{"out_h1", 0.407},
		{"net_h2", 0.1766},
		{"out_h2", 0.455},
		{"out", 0.64},
		{"dJ/dout", -0.36},
		{"dout/dnet_o", 0.2306},
		{"dout/dnet_o", 0.2304},
		{"dJ/dw9", -0.033},
		{"w9_new", 0.603},
		{"dout_h1/dnet_h1", 0.241},
		{"dJ/dw1", -0.016},
		{"w1_new", 0.4016},
	}
}

// IsPaper reports whether n is the paper's network with the paper's values:
// the same shape, activations, loss, weights, inputs, targets and learning
// rate as Paper(). Only then do the paper's printed numbers apply.
func IsPaper(n *Network) bool {
	p := Paper()
	if !HasPaperShape(n) || n.LearningRate != p.LearningRate {
		return false
	}
	for _, q := range p.Params() {
		if n.Value(q) != p.Value(q) {
			return false
		}
	}
	return equal(n.Inputs, p.Inputs) && equal(n.Targets, p.Targets)
}

// HasPaperShape reports whether n is built like the paper's network: 4-2-1,
// sigmoid layers, no biases, the loss 1/2·(y - out)^2, whatever its values.
// The paper's slips in formulas and derivations apply to such a network.
func HasPaperShape(n *Network) bool {
	p := Paper()
	if len(n.Sizes) != len(p.Sizes) || n.Biases != nil || n.Loss != p.Loss {
		return false
	}
	for l := range p.Sizes {
		if n.Sizes[l] != p.Sizes[l] || (l < len(p.Activations) && n.Activations[l] != p.Activations[l]) {
			return false
		}
	}
	return true
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
