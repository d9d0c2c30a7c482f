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
// and returns the extended slice.
func Train(n *Network, t *Trace, samples []Sample, steps int, losses []float64) ([]float64, error) {
	if len(samples) == 0 {
		samples = []Sample{{Inputs: n.Inputs, Targets: n.Targets}}
	}
	for s, smp := range samples {
		if len(smp.Inputs) != n.Sizes[0] {
			return losses, fmt.Errorf("samples[%d] has %d inputs but layer 0 has %d nodes", s, len(smp.Inputs), n.Sizes[0])
		}
		if len(smp.Targets) != n.Sizes[n.Output()] {
			return losses, fmt.Errorf("samples[%d] has %d targets but the output layer has %d nodes", s, len(smp.Targets), n.Sizes[n.Output()])
		}
	}
	for k := 0; k < steps; k++ {
		smp := samples[k%len(samples)]
		t.ComputeFor(n, smp.Inputs, smp.Targets)
		t.Apply(n)
		var sum float64
		for _, e := range samples {
			sum += t.LossFor(n, e.Inputs, e.Targets)
		}
		losses = append(losses, sum/float64(len(samples)))
	}
	return losses, nil
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
