// Package judge checks values a learner computed by hand against a network
// and, when they are wrong, names the slip that explains them.
//
// A Judge holds one network and its exact values. Quantities lists every
// value a learner can be asked for (net_h1, out, J, dJ/dout, dout/dnet_o,
// dJ/dw9, w9_new, ...); Check grades an answer as correct, close or
// incorrect and, for a wrong one, recomputes the quantity under each common
// slip (σ(-x) for σ(x), dJ/dout taken as -1, a weight on the wrong
// path, ...) to find the one that produces the answer. CheckCarried accepts
// an answer that is right for the learner's own earlier answers (error
// carried forward), and Chain lays out the worked chain with the learner's
// values beside the exact ones.
//
// The package is pure: it imports only mathcore, numtext and the standard
// library, does no I/O and keeps no globals beyond constant tables.
package judge
