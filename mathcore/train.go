package mathcore

import "fmt"

// Sample is one training example: the inputs and the outputs wanted for them.
type Sample struct {
	Inputs  []float64
	Targets []float64
}

// Step takes one step of gradient descent on n with n's own sample: it
// computes t for n and then applies the update to n. It returns the loss
// before the step. It does not allocate once t fits n's shape.
func Step(n *Network, t *Trace) float64 {
	if !t.fits(n) {
		t.alloc(n)
	}
	t.forward(n, n.Inputs, n.Targets)
	t.backward(n)
	t.update(n, true)
	return t.Loss
}

// Train takes steps steps of gradient descent on n, one sample per step,
// cycling through samples in order (n's own sample when samples is empty).
// It appends to losses the loss after each step, averaged over all samples,
// and returns the extended slice. A sample of the wrong size or with a value
// that is not finite is an error, and so is a step that makes a value
// overflow (a learning rate far too large): n then keeps its values from
// before that step.
func Train(n *Network, t *Trace, samples []Sample, steps int, losses []float64) ([]float64, error) {
	if len(samples) == 0 {
		samples = []Sample{{Inputs: n.Inputs, Targets: n.Targets}}
	}
	for s, smp := range samples {
		name := fmt.Sprintf("samples[%d]", s)
		if err := checkVector(name+".inputs", smp.Inputs, n.Sizes[0], 0); err != nil {
			return losses, err
		}
		if err := checkVector(name+".targets", smp.Targets, n.Sizes[n.Output()], n.Output()); err != nil {
			return losses, err
		}
	}
	before := n.Clone()
	for k := 0; k < steps; k++ {
		smp := samples[k%len(samples)]
		before.CopyParams(n)
		t.ComputeFor(n, smp.Inputs, smp.Targets)
		t.Apply(n)
		var sum float64
		for _, e := range samples {
			sum += t.LossFor(n, e.Inputs, e.Targets)
		}
		loss := sum / float64(len(samples))
		if !finite(loss) || !n.finiteParams() {
			n.CopyParams(before)
			return losses, fmt.Errorf("step %d overflows: the values grew too large to compute (a smaller learning rate converges)", k+1)
		}
		losses = append(losses, loss)
	}
	return losses, nil
}

// finiteParams reports whether every weight and bias of n is finite.
func (n *Network) finiteParams() bool {
	for _, m := range n.Weights {
		for _, row := range m {
			for _, w := range row {
				if !finite(w) {
					return false
				}
			}
		}
	}
	for _, bs := range n.Biases {
		for _, b := range bs {
			if !finite(b) {
				return false
			}
		}
	}
	return true
}

// LossFor runs only the forward pass of n on the given sample, leaving the
// forward values in t, and returns the loss.
func (t *Trace) LossFor(n *Network, inputs, targets []float64) float64 {
	if !t.fits(n) {
		t.alloc(n)
	}
	t.forward(n, inputs, targets)
	return t.Loss
}
