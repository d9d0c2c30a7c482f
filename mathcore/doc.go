// Package mathcore computes every number nnmath teaches: the forward pass of a
// fully connected feed-forward network node by node, the loss, the chain rule
// for every weight and bias factor by factor, the gradient and the updated
// parameters, plus the small helpers the lessons need (a die face as a vector,
// the surface x^2 + y^3, gradient descent in one variable).
//
// The package is pure: standard library only, no I/O, and no text meant for
// the screen beyond labels such as "w9" or "out_h1".
package mathcore
