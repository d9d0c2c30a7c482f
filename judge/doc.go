// Package judge checks values a learner computed by hand against a network
// and, when they are wrong, names the slip that explains them.
//
// A Judge holds one network and its exact values. Quantities lists every
// value a learner can be asked for (net_h1, out, J, dJ/dout, dout/dnet_o,
// dJ/dw9, w9_new, ...); Check grades an answer as correct, close or
// incorrect and, for a wrong one, recomputes the quantity under each common
// slip (σ(-x) for σ(x), dJ/dout taken as -1, a weight on the wrong
// path, a wrong slope of the activation, rounding too early, ...) to find
// the one that produces the answer; the slips are the entries of slipRules
// (sliptable.go). Every value is judged relatively, however small, and an
// updated weight on its step. CheckCarried accepts
// an answer that is right for the learner's own earlier answers (error
// carried forward), and Chain lays out the worked chain with the learner's
// values beside the exact ones.
//
// Explanations speak words and symbols (σ, η); the slips' ids belong to
// Diagnosis.Slip, for scripts. On a large network the judge names the
// quantities of the weights on demand and computes only the pass a check
// needs, so one check of a 512-512-4 network takes tens of milliseconds.
//
// The package is pure: it imports only mathcore, numtext and the standard
// library, does no I/O and keeps no globals beyond constant tables.
package judge
