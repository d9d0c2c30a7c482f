// Package export writes the worked solution of one training step of a
// network as a document a student can hand in: GitHub-flavoured Markdown
// with LaTeX math, or a LaTeX document body that uses amsmath.
//
// The solution lists the parameters, the forward pass node by node (every
// dot product term by term), the loss, the chain rule for every weight and
// bias with its factors in the paper's order, the numbers substituted and
// the product, the update, and the output and loss after the step. For the
// paper's own network it adds a short section on where the paper's printed
// numbers differ from the exact ones.
//
// Every number comes from mathcore at run time; the package only arranges
// and formats them. It does no I/O beyond the io.Writer it is given.
package export
