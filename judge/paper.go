package judge

import (
	"slices"

	"nnmath/mathcore"
)

// paperValue is a number the paper printed for a quantity of its network,
// with the slip that produced it.
type paperValue struct {
	name    string
	printed float64
	cause   SlipID
	text    string
}

// paperValues are the paper's printed numbers that differ from the exact
// values, from the worked-example page.
var paperValues = []paperValue{
	{"out_h1", 0.407, SigmoidSign, "This is the number the paper prints (paper_value): out_h1 = 0.407 is sigma(-0.376) = 1/(1 + e^0.376) = 0.4071, a sign slip in the sigmoid. The exact value is sigma(0.376) = 1/(1 + e^-0.376) = 0.5929."},
	{"out_h2", 0.455, SigmoidSign, "This is the number the paper prints (paper_value): out_h2 = 0.455 comes from sigma(-0.1766) = 0.4560, a sign slip in the sigmoid (and a truncation). The exact value is sigma(0.1766) = 0.5440."},
	{"dJ/dout", 0.36, Sign, "This is the number the paper first writes (paper_value): dJ/dout as (1 - 0.64) = 0.36. The sign belongs to -(y - out), so dJ/dout = -0.3605."},
	{"dJ/dw9", -0.033, SigmoidSign, "This is the number the paper prints (paper_value): dJ/dw9 = dJ/dout · dout/dnet_o · out_h1 with the paper's slipped out_h1 = 0.407 = sigma(-0.376), a sign slip in the sigmoid: -0.36 · 0.2304 · 0.407 = -0.0338. With the exact out_h1 = 0.5929, dJ/dw9 = -0.04927."},
	{"w9_new", 0.603, SigmoidSign, "This is the number the paper prints (paper_value): w9_new = 0.6 - 0.1 · (-0.033) carries the paper's dJ/dw9 = -0.033, which comes from its slipped out_h1 = 0.407 = sigma(-0.376). With the exact dJ/dw9 = -0.04927, w9_new = 0.6049."},
	{"dJ/dw1", -0.016, DJdoutMinusOne, "This is the number the paper prints (paper_value): its hidden-weight chain takes dJ/dout as -1 instead of -(y - out) = -0.3605: -1 · 0.2305 · 0.6 · 0.2414 · 0.5 = -0.0167, printed -0.016. The exact dJ/dw1 is -0.006017, about 2.8 times smaller."},
	{"w1_new", 0.4016, DJdoutMinusOne, "This is the number the paper prints (paper_value): w1_new = 0.4 - 0.1 · (-0.016) carries the paper's dJ/dw1, which takes dJ/dout as -1. With the exact dJ/dw1 = -0.006017, w1_new = 0.4006."},
}

// paperCandidates returns the paper's printed values for q, for the
// paper's network.
func paperCandidates(q Quantity) []candidate {
	var cs []candidate
	for _, p := range paperValues {
		if p.name == q.Name {
			cs = append(cs, candidate{id: PaperValue, cause: p.cause, rank: 0, value: p.printed, text: p.text})
		}
	}
	return cs
}

// isPaper reports whether n is the paper's network with its sample.
func isPaper(n *mathcore.Network) bool {
	p := mathcore.Paper()
	if !slices.Equal(n.Sizes, p.Sizes) || !slices.Equal(n.Activations, p.Activations) || n.Loss != p.Loss ||
		n.Biases != nil || !slices.Equal(n.Inputs, p.Inputs) || !slices.Equal(n.Targets, p.Targets) ||
		n.LearningRate != p.LearningRate {
		return false
	}
	for l := range p.Weights {
		for j := range p.Weights[l] {
			if !slices.Equal(n.Weights[l][j], p.Weights[l][j]) {
				return false
			}
		}
	}
	return true
}
