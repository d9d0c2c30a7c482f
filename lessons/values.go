package lessons

import (
	"strconv"

	"nnmath/mathcore"
)

// This file reads the network's values for the lessons: each formatted
// with the session's decimals and marked when the last change moved it, or
// as a getter for Session.V and Session.val.

// nodesShown is how many nodes a forward lesson walks through one by one before
// summing the rest up in one line.
const nodesShown = 4

// outText formats out of node j in layer l (the inputs at layer 0), marked
// when the last edit changed it.
func outText(s *Session, l, j int) string {
	return s.V(func(t *mathcore.Trace) float64 { return t.Out[l][j] })
}

// netText formats net of node j in layer l, marked like outText.
func netText(s *Session, l, j int) string {
	return s.V(func(t *mathcore.Trace) float64 { return t.Net[l][j] })
}

// targetName names target k: "y", or "y1", "y2".. with several outputs.
func targetName(n *mathcore.Network, k int) string {
	if n.Sizes[n.Output()] == 1 {
		return "y"
	}
	return "y" + strconv.Itoa(k+1)
}

// targetText formats target k, marked when it changed.
func targetText(s *Session, k int) string {
	return s.val(func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Targets[k] })
}

// eta writes the learning rate, marked when it changed.
func (s *Session) eta() string {
	return s.etaShow(s.Net.LearningRate) + s.markOf(func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.LearningRate })
}

// deltaGetter returns a getter of dJ/dnet of node j of layer l.
func deltaGetter(l, j int) getter {
	return func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.Delta[l][j] }
}

// firstOutputWeight returns the first weight into the output layer: w9 for
// the paper's network.
func firstOutputWeight(n *mathcore.Network) mathcore.Param {
	return mathcore.Param{Layer: n.Output() - 1}
}

// gradGetter returns a getter of dJ/dp for Session.V.
func gradGetter(p mathcore.Param) func(t *mathcore.Trace) float64 {
	return func(t *mathcore.Trace) float64 { return t.Gradient(p) }
}
