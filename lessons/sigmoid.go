package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
	"nnmath/paper"
)

// sigNode is one node whose out the lesson computes.
type sigNode struct{ l, j int }

// sigMaxMarks is how many points the plot marks.
const sigMaxMarks = 9

// sigNodes returns the nodes the lesson walks through: up to nodesShown of
// each layer after the inputs.
func sigNodes(n *mathcore.Network) []sigNode {
	var ns []sigNode
	for l := 1; l < n.Layers(); l++ {
		for j := 0; j < min(n.Sizes[l], nodesShown); j++ {
			ns = append(ns, sigNode{l, j})
		}
	}
	return ns
}

func buildSigmoid(s *Session, width int) Page {
	n := s.Net
	intro := []Block{
		Text("A node's net can be any number, large or small. The sigmoid σ squashes it into the range from " +
			"0 to 1: big positive nets give an out close to 1, big negative nets an out close to 0, and a net " +
			"of 0 gives exactly one half."),
		Fig([]string{"σ(x) = 1 / (1 + e^(-x))"}),
	}
	plot, legend := sigPlot(s, width)
	intro = append(intro, Fig(plot))
	if len(legend) > 0 {
		intro = append(intro, Fig(legend))
	}
	var steps []Step
	for _, nd := range sigNodes(n) {
		steps = append(steps, sigOutStep(s, nd.l, nd.j))
	}
	for l := 1; l < n.Layers(); l++ {
		if n.Sizes[l] > nodesShown {
			steps = append(steps, Step{
				Title: "The rest of the " + n.LayerName(l),
				Text: []string{"The other " + plural(n.Sizes[l]-nodesShown, "node") + " of the " + n.LayerName(l) +
					" work the same way."},
			})
		}
	}
	if usesSigmoid(n) {
		steps = append(steps, sigDerivation(s)...)
	}
	steps = append(steps, sigOtherDerivatives(s)...)
	return Page{Intro: intro, Steps: steps}
}

func usesSigmoid(n *mathcore.Network) bool {
	for _, a := range n.Activations {
		if a == mathcore.Sigmoid {
			return true
		}
	}
	return false
}

// sigPlot draws σ over [-6, 6] with the (net, out) points of the sigmoid
// nodes marked 1, 2, .., and their legend.
func sigPlot(s *Session, width int) (plot, legend []string) {
	n := s.Net
	p := NewPlot(min(width, 72), 14, -6, 6, 0, 1)
	p.Func(mathcore.SigmoidOf)
	var items []string
	k := 0
	for _, nd := range sigNodes(n) {
		if n.Activations[nd.l-1] != mathcore.Sigmoid || k >= sigMaxMarks {
			continue
		}
		k++
		mark := rune('0' + k)
		net, out := s.Trace.Net[nd.l][nd.j], s.Trace.Out[nd.l][nd.j]
		p.Mark(net, out, mark)
		item := string(mark) + " " + n.NodeLabel(nd.l, nd.j) + " (" + netText(s, nd.l, nd.j) + ", " + outText(s, nd.l, nd.j) + ")"
		if net < -6 || net > 6 {
			item += " off the plot"
		}
		items = append(items, item)
	}
	if len(items) > 0 {
		legend = wrapItems(append([]string{"points (net, out):"}, items...), width, "")
	} else {
		legend = []string{"No layer of this network uses σ."}
	}
	return p.Lines(), legend
}

// sigOutStep is out = f(net) for node j of layer l.
func sigOutStep(s *Session, l, j int) Step {
	n := s.Net
	act := n.Activations[l-1]
	out, net := n.OutSymbol(l, j), n.NetSymbol(l, j)
	netV := paren(netText(s, l, j))
	st := Step{Title: out, Result: outText(s, l, j)}
	switch act {
	case mathcore.Sigmoid:
		st.Formula = out + " = σ(" + net + ") = 1 / (1 + e^(-" + net + "))"
		st.Numbers = "1 / (1 + e^(-" + netV + "))"
	default:
		st.Text = []string{"The " + n.LayerName(l) + " uses " + activationWords(act) + "."}
		st.Formula = out + " = " + activationOf(act, net)
		if act != mathcore.Linear {
			st.Numbers = activationOf(act, netText(s, l, j))
		}
	}
	if printed, ok := paperPrinted(s, out); ok && act == mathcore.Sigmoid {
		exact := s.Trace.Out[l][j]
		if printedDiffers(printed, exact) {
			x := s.Trace.Net[l][j]
			flipped := mathcore.SigmoidOf(-x)
			// A note on the paper: its numbers carry no mark of the last change.
			xs, fs := s.quote(x), s.quote(flipped)
			st.Note = "printed " + paper.Text(printed) + ". That is σ(-" + xs + ") = 1 / (1 + e^(+" +
				xs + ")) = " + fs + ": the minus sign in e^(-x) was lost."
			if printedDiffers(printed, flipped) {
				st.Note += " (It is also cut off after " + strconv.Itoa(len(paper.Text(printed))-2) +
					" decimals rather than rounded.)"
			}
			st.Note += " A positive net always gives an out above one half, so " + s.quote(exact) + " is right."
		}
	}
	return st
}

// sigDerivation derives σ' = σ(1 - σ) step by step, then applies it.
func sigDerivation(s *Session) []Step {
	steps := []Step{
		{
			Title: "The slope of σ: set up",
			Text: []string{"Learning needs the slope of σ: how much out moves when net moves a little. " +
				"First write σ as a power, so the chain rule applies."},
			Formula: "σ(x) = 1 / (1 + e^(-x)) = (1 + e^(-x))^(-1)",
		},
		{
			Title: "The slope of σ: chain rule",
			Text: []string{"The derivative of u^(-1) is -u^(-2), times the derivative of the inside u = 1 + e^(-x), " +
				"which is -e^(-x). The two minus signs cancel."},
			Formula: "σ'(x) = -(1 + e^(-x))^(-2) · (-e^(-x)) = e^(-x) / (1 + e^(-x))^2",
		},
		{
			Title:   "The slope of σ: split",
			Text:    []string{"Split the fraction into two factors. The first one is σ itself."},
			Formula: "σ'(x) = 1 / (1 + e^(-x)) · e^(-x) / (1 + e^(-x))",
		},
		{
			Title:   "The slope of σ: spot 1 - σ",
			Text:    []string{"Add and take away 1 on top of the second factor; what is left is 1 - σ."},
			Formula: "e^(-x) / (1 + e^(-x)) = (1 + e^(-x) - 1) / (1 + e^(-x)) = 1 - σ(x)",
		},
		{
			Title:   "The slope of σ",
			Text:    []string{"So the slope needs no new exponential: only out itself."},
			Formula: "σ'(x) = σ(x) · (1 - σ(x))",
			After: []string{"It is largest, one quarter, at x = 0, where the curve is steepest, and almost 0 far " +
				"out on either side, where the curve is flat."},
		},
	}
	if s.paperShape() { // a slip in a formula, whatever the values
		steps[len(steps)-1].Note = "its proof starts from σ'(x) = e^x / (1 + e^x), which is σ itself, not " +
			"its slope, and its middle line does not follow from that start. Its final answer σ(1 - σ) is right; " +
			"the steps above show why."
	}
	// Apply it to the first sigmoid node.
	n := s.Net
	for _, nd := range sigNodes(n) {
		if n.Activations[nd.l-1] != mathcore.Sigmoid {
			continue
		}
		const h = 1e-3
		numeric := s.val(func(_ *mathcore.Network, t *mathcore.Trace) float64 {
			x := t.Net[nd.l][nd.j]
			return (mathcore.SigmoidOf(x+h) - mathcore.SigmoidOf(x-h)) / (2 * h)
		})
		st := s.slopeStep(Step{
			Title: "d" + n.OutSymbol(nd.l, nd.j) + "/d" + n.NetSymbol(nd.l, nd.j),
			Text:  []string{"For " + n.NodeLabel(nd.l, nd.j) + ", the slope of σ at its net is:"},
		}, nd.l, nd.j)
		net := netText(s, nd.l, nd.j)
		hs, h2s := numtext.FormatSig(h, 1), numtext.FormatSig(2*h, 1)
		st.After = s.withRounding([]string{"Check by nudging net a little each way: (σ(" + net + " + " + hs + ") - σ(" +
			net + " - " + hs + ")) / " + h2s + " = " + numeric + "."}, s.shownSlope(nd.l, nd.j), s.Trace.DAct[nd.l][nd.j])
		return append(steps, st)
	}
	return steps
}

// sigOtherDerivatives gives the slope of every other activation the network uses.
func sigOtherDerivatives(s *Session) []Step {
	n := s.Net
	seen := map[mathcore.Activation]bool{}
	var steps []Step
	for l, a := range n.Activations {
		if a == mathcore.Sigmoid || seen[a] {
			continue
		}
		seen[a] = true
		var layers []string
		for m, b := range n.Activations {
			if b == a {
				layers = append(layers, n.LayerName(m+1))
			}
		}
		st := s.slopeStep(Step{Title: "The slope of " + a.String(), Text: []string{"Used by the " +
			strings.Join(layers, " and ") + ". For " + n.NodeLabel(l+1, 0) + ":"}}, l+1, 0)
		switch a {
		case mathcore.Tanh:
			st.After = append(st.After, "Like σ, the slope of tanh comes from out itself.")
		}
		st.After = s.withRounding(st.After, s.shownSlope(l+1, 0), s.Trace.DAct[l+1][0])
		steps = append(steps, st)
	}
	return steps
}
