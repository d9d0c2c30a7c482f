package lessons

import (
	"strconv"
	"strings"
)

func buildOverview(s *Session, width int) Page {
	n := s.Net
	shape := make([]string, len(n.Sizes))
	for l, sz := range n.Sizes {
		shape[l] = strconv.Itoa(sz)
	}
	name := n.Name
	if name == "" {
		name = "A " + strings.Join(shape, "-") + " network"
	}
	intro := []Block{
		Head(name),
		Text("This network has " + plural(n.Layers(), "layer") + " of nodes (" + strings.Join(shape, "-") +
			"). Numbers flow from left to right: every node passes its value along each edge, the edge " +
			"multiplies it by its weight, and the next node adds up what arrives and passes the sum through its " +
			"activation function."),
	}
	if s.paperShape() && s.paperExample() {
		intro = append(intro, Text("The example from the paper: the inputs are how dark each pixel of a tiny "+
			"2x2 drawing is, the two hidden nodes look for features in the drawing (such as a dark stroke), "+
			"and the single output answers one question: is this a 4?"))
	}
	if n.Notes != "" {
		intro = append(intro, Text("Note: "+n.Notes))
	}
	intro = append(intro, Text("Each node shows its label and its current value; each edge shows its weight."))

	var steps []Step
	for l := range n.Sizes {
		steps = append(steps, overviewStep(s, l, width))
	}
	return Page{Intro: intro, Steps: steps, Aside: Diagram(s, width, DiagramOptions{})}
}

// overviewStep is the tour's stop at layer l.
func overviewStep(s *Session, l, width int) Step {
	n := s.Net
	vals := make([]string, n.Sizes[l])
	labels := make([]string, n.Sizes[l])
	for j := range vals {
		vals[j] = outText(s, l, j)
		labels[j] = n.NodeLabel(l, j)
	}
	st := Step{
		Title:   strings.ToUpper(n.LayerName(l)[:1]) + n.LayerName(l)[1:],
		Formula: vectorText(labels, width/2),
		Result:  vectorText(vals, width-4),
	}
	switch {
	case l == 0 && s.paperShape():
		st.Text = []string{"The input layer does no math: it holds the picture. Each input is the darkness of " +
			"one pixel, from 0 (white) to 1 (black)."}
	case l == 0:
		st.Text = []string{"The input layer does no math: it holds the " + plural(n.Sizes[0], "number") +
			" the network is given."}
	case l == n.Output():
		act := n.Activations[l-1]
		like := "Its nodes work like hidden nodes: each adds up the weighted values from the layer before"
		switch {
		case l == 1 && n.Sizes[l] == 1:
			like = "This network has no hidden layer, so its output node works on the inputs directly: it adds " +
				"up the weighted inputs"
		case l == 1:
			like = "This network has no hidden layer, so its output nodes work on the inputs directly: each " +
				"adds up the weighted inputs"
		case n.Sizes[l] == 1:
			like = "Its node works like a hidden node: it adds up the weighted values from the layer before"
		}
		st.Text = []string{"The output layer makes the network's answer. " + like + ", then applies " +
			activationWords(act) + "."}
		if s.paperShape() {
			st.After = []string{"Here there is one output, read as \"how sure is the network that this is a 4?\": " +
				"close to 1 means yes, close to 0 means no."}
		}
	default:
		act := n.Activations[l-1]
		st.Text = []string{"Each node of the " + n.LayerName(l) + " takes every value of the layer before, " +
			"multiplies each by the weight on its edge, adds them up, and applies " + activationWords(act) + "."}
		st.After = []string{"With well-chosen weights, each hidden node becomes a detector of some feature " +
			"of the input; training is how the network finds such weights."}
	}
	return st
}
