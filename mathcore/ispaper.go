package mathcore

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
