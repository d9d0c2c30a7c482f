package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// This file builds the backward-pass lesson: δ of each node, computed from
// the output back towards the inputs, each gradient as δ times an out, and
// the backward sweep drawn on the diagram as it goes.

// sumTermsShown is how many terms of a δ's sum a step writes out before
// saying how many more there are.
const sumTermsShown = 8

// deltaName is δ's symbol for node j of layer l: "δ_o", "δ_h1", "δ_ha2".
func deltaName(n *mathcore.Network, l, j int) string { return "δ_" + n.NodeLabel(l, j) }

func buildBackward(s *Session, width int) Page {
	n := s.Net
	L := n.Output()
	intro := []Block{
		Text("The chain-rule lessons multiplied one chain for each " + paramWords(n) + ", and the chains share " +
			"their beginnings: every chain into " + n.NodeLabel(L, 0) + " starts at J with dJ/d" + n.OutSymbol(L, 0) +
			" · d" + n.OutSymbol(L, 0) + "/d" + n.NetSymbol(L, 0) + throughHidden(n) + ". Backpropagation computes " +
			"each shared beginning once and reuses it: one backward pass, from the output back towards the " +
			"inputs, one layer at a time."),
		Text("The shared beginning at a node has a name, δ (delta): δ of a node is dJ/dnet of that node, how " +
			"much the loss changes when the node's net input changes a little. These rules give every δ and " +
			"every gradient:"),
	}
	intro = append(intro, backwardRules(n, width)...)
	intro = append(intro,
		Text("Reveal the steps to run the backward pass from right to left: each δ appears on the diagram "+
			"beside its node, the forward values stay, and each weight whose gradient is known is drawn heavy (━◆)."))
	steps, known := s.backwardSteps(width)
	sweep := make([][]string, len(steps)+1, len(steps)+3)
	for k := range sweep {
		st := sweepState{}
		if k > 0 {
			st = known[k-1]
		}
		sweep[k] = fitLines(append(Diagram(s, width, DiagramOptions{Highlight: st.params, Delta: st.has}),
			"", "δ: computed so far   ━◆: gradient known"), width)
	}
	// The steps after the pass have no sweep of their own: the finished one stands for them.
	steps = append(steps, s.costStep(width), s.nudgeStep(s.selected(), true, width))
	sweep = append(sweep, nil, nil)
	return Page{Intro: intro, Steps: s.onceRounded(steps), Aside: sweep[len(sweep)-3], Sweep: sweep}
}

// throughHidden ends the sentence on shared beginnings for a network with
// hidden layers, and says nothing for one without.
func throughHidden(n *mathcore.Network) string {
	if n.Output() == 1 {
		return ""
	}
	return ", and every chain through a hidden node goes on the same way from there"
}

// backwardRules writes the three rules of the backward pass for n's
// labels, then what their letters stand for.
func backwardRules(n *mathcore.Network, width int) []Block {
	L := n.Output()
	out, net := n.OutSymbol(L, 0), n.NetSymbol(L, 0)
	rules := []string{"  output:  " + deltaName(n, L, 0) + " = dJ/d" + out + " · d" + out + "/d" + net}
	words := ""
	if L > 1 {
		h := n.NodeLabel(L-1, 0)
		rules = append(rules, "  hidden:  δ_"+h+" = (Σ_k w·δ_k) · dout_"+h+"/dnet_"+h)
		words = "In the second, k runs over the nodes " + h + " feeds and w is the weight from " + h + " to k. "
	}
	rules = append(rules, "  weight:  dJ/dw = δ_to · out_from")
	words += "In the last, \"to\" is the node the weight feeds and \"from\" the node it comes from."
	if n.HasBiases() {
		rules = append(rules, "  bias:    dJ/db = δ of its node")
	}
	return []Block{Fig(fitLines(breakAtEquals(rules, width), width)), Text(words)}
}

// sweepState is how far the backward pass has got after a step: the nodes
// whose δ is known and the parameters whose gradient is known.
type sweepState struct {
	deltas map[[2]int]bool
	params []mathcore.Param
}

func (st sweepState) has(l, j int) bool { return st.deltas[[2]int{l, j}] }

// with returns a copy of st with more nodes and parameters known.
func (st sweepState) with(nodes [][2]int, params []mathcore.Param) sweepState {
	next := sweepState{deltas: map[[2]int]bool{}, params: append(append([]mathcore.Param(nil), st.params...), params...)}
	for k := range st.deltas {
		next.deltas[k] = true
	}
	for _, k := range nodes {
		next.deltas[k] = true
	}
	return next
}

// backwardSteps returns the steps of the backward pass, layer by layer from
// the output, and how far the pass has got after each.
func (s *Session) backwardSteps(width int) ([]Step, []sweepState) {
	n := s.Net
	var steps []Step
	var known []sweepState
	st := sweepState{}
	add := func(step Step, next sweepState) {
		steps, known, st = append(steps, step), append(known, next), next
	}
	for l := n.Output(); l >= 1; l-- {
		size := n.Sizes[l]
		for j := 0; j < min(size, nodesShown); j++ {
			add(s.deltaStep(l, j, width), st.with([][2]int{{l, j}}, nil))
		}
		if size > nodesShown {
			var rest [][2]int
			for j := nodesShown; j < size; j++ {
				rest = append(rest, [2]int{l, j})
			}
			add(s.restDeltasStep(l, width), st.with(rest, nil))
		}
		var ps []mathcore.Param
		for j := 0; j < size; j++ {
			for i := 0; i < n.Sizes[l-1]; i++ {
				ps = append(ps, mathcore.Param{Layer: l - 1, From: i, To: j})
			}
			if n.HasBiases() {
				ps = append(ps, mathcore.Param{Bias: true, Layer: l - 1, To: j})
			}
		}
		add(s.gradientsStep(l, ps, width), st.with(nil, ps))
	}
	return steps, known
}

// deltaStep computes δ of node j of layer l from what the pass already has.
func (s *Session) deltaStep(l, j int, width int) Step {
	if l == s.Net.Output() {
		return s.outputDeltaStep(j)
	}
	return s.hiddenDeltaStep(l, j, width)
}

// outputDeltaStep is δ of output j: dJ/dout times the slope.
func (s *Session) outputDeltaStep(j int) Step {
	n := s.Net
	L := n.Output()
	out, net := n.OutSymbol(L, j), n.NetSymbol(L, j)
	form, num, lossShown := s.lossDerivative(j)
	sl := s.slope(L, j)
	d := deltaName(n, L, j)
	text := "How J reacts to " + out + ", times how " + out + " reacts to " + net + "."
	if j == 0 {
		text = "The backward pass starts at the output, where J is: how J reacts to " + out + ", times how " +
			out + " reacts to " + net + "."
	}
	shown := firstOutputWeight(n) // the weight the output-chain lesson works through
	after := []string{"These are the first two factors of every chain that ends at " + n.NodeLabel(L, j) + ": " +
		capitalize(lessonName(IDChainOutput)) + ", multiplied them for " + n.ParamLabel(shown) +
		", and " + lessonName(IDChainHidden) + ", multiplied them again for every hidden " + paramKind(mathcore.Param{}) +
		". Here they are multiplied once, and " + d + " is kept for every later step."}
	if shown.To != j {
		after = []string{"These are the first two factors of every chain that ends at " + n.NodeLabel(L, j) +
			", as " + lessonName(IDChainOutput) + ", multiplied those of " + n.NodeLabel(L, shown.To) + " for " +
			n.ParamLabel(shown) + ". Here they are multiplied once, and " + d + " is kept for every later step."}
	}
	if L == 1 {
		after = []string{"These are the first two factors of every chain in " + lessonName(IDChainOutput) +
			": multiplied once here, and kept for every " + eachParam(n) + " into " + n.NodeLabel(L, j) + "."}
	}
	return Step{
		Title:   d + ": where the backward pass starts",
		Text:    []string{text},
		Formula: d + " = dJ/d" + out + " · d" + out + "/d" + net + " = " + form + " · " + sl.factor,
		Numbers: num + " · " + sl.factorNumbers,
		Result:  s.val(deltaGetter(L, j)),
		After:   s.withRounding(after, lossShown*s.shownSlope(L, j), s.Trace.Delta[L][j]),
	}
}

// hiddenDeltaStep is δ of hidden node j of layer l: the δs of the nodes it
// feeds, each times the weight to it, added up, times its own slope.
func (s *Session) hiddenDeltaStep(l, j int, width int) Step {
	n := s.Net
	next := n.Sizes[l+1]
	h := n.NodeLabel(l, j)
	d := deltaName(n, l, j)
	sl := s.slope(l, j)
	var syms, vals, fig []string
	sum, sumShown := 0.0, 0.0
	for k := 0; k < next; k++ {
		w := mathcore.Param{Layer: l, From: j, To: k}
		dk := deltaName(n, l+1, k)
		term := s.Net.Value(w) * s.Trace.Delta[l+1][k]
		sum += term
		sumShown += s.shown(s.Net.Value(w)) * s.shown(s.Trace.Delta[l+1][k])
		if k == sumTermsShown {
			syms, vals = append(syms, "…"), append(vals, "… ("+strconv.Itoa(next-k)+" more)")
			fig = append(fig, "… and "+strconv.Itoa(next-k)+" more paths")
			break
		}
		syms = append(syms, n.ParamLabel(w)+"·"+dk)
		wv, dv := paren(s.P(w)), paren(s.val(deltaGetter(l+1, k)))
		vals = append(vals, wv+"·"+dv)
		termOf := func(n *mathcore.Network, t *mathcore.Trace) float64 { return n.Value(w) * t.Delta[l+1][k] }
		fig = append(fig, "through "+n.NodeLabel(l+1, k)+": "+n.ParamLabel(w)+"·"+dk+" = "+wv+"·"+dv+" = "+s.val(termOf))
	}
	text := []string{h + " feeds " + feedsWords(n, l) + ". A change in " + n.NetSymbol(l, j) + " reaches J through each " +
		"of them, so its δ gathers what comes back along each edge: the weight times the δ at the other end, " +
		"added up, then times " + h + "'s own slope."}
	if next == 1 {
		text = []string{h + " feeds only " + n.NodeLabel(l+1, 0) + ", so a change in " + n.NetSymbol(l, j) +
			" reaches J along one edge: its δ is the weight on that edge times the δ at its other end, times " +
			h + "'s own slope."}
	}
	st := Step{
		Title:   d + ": back through " + weightsOut(n, l, j),
		Formula: d + " = (" + strings.Join(syms, " + ") + ") · " + sl.factor,
		Numbers: "(" + strings.Join(vals, " + ") + ") · " + sl.factorNumbers,
		Result:  s.val(deltaGetter(l, j)),
	}
	if next > 1 {
		text = append(text, "A sum over "+pathsWords(next)+": term by term, then added.")
		st.Figure = append(fig, "sum: dJ/d"+n.OutSymbol(l, j)+" = "+s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] }))
		st.Figure = fitLines(breakAtEquals(st.Figure, width), width)
	}
	st.Text = text
	after := []string{s.reuseWords(l, j), s.oldWeightsWords(l, j)}
	if j > 0 {
		after = []string{"As for " + deltaName(n, l, 0) + ": the δs of the layer after it are reused, and the " +
			"weights are the ones before the update. Every " + paramWords(n) + " into " + h + " now uses " + d + "."}
	}
	check := sumShown * s.shownSlope(l, j)
	if next > sumTermsShown {
		check = s.Trace.Delta[l][j]
	}
	st.After = s.withRounding(after, check, sum*s.Trace.DAct[l][j])
	return st
}

// feedsWords names the nodes layer l feeds: "o", "o1 and o2", "the 16
// nodes of hidden layer B".
func feedsWords(n *mathcore.Network, l int) string {
	size := n.Sizes[l+1]
	switch {
	case size == 1:
		return "only " + n.NodeLabel(l+1, 0)
	case size == 2:
		return n.NodeLabel(l+1, 0) + " and " + n.NodeLabel(l+1, 1)
	}
	return "the " + strconv.Itoa(size) + " nodes of the " + n.LayerName(l+1)
}

// pathsWords is "two paths", "three paths", "16 paths".
func pathsWords(k int) string {
	words := []string{"", "one path", "two paths", "three paths", "four paths"}
	if k < len(words) {
		return words[k]
	}
	return strconv.Itoa(k) + " paths"
}

// weightsOut names the weights out of node j of layer l: "w9", "w5 and
// w6", "w5, w6, …".
func weightsOut(n *mathcore.Network, l, j int) string {
	size := n.Sizes[l+1]
	name := func(k int) string { return n.ParamLabel(mathcore.Param{Layer: l, From: j, To: k}) }
	switch {
	case size == 1:
		return name(0)
	case size == 2:
		return name(0) + " and " + name(1)
	}
	return name(0) + ", " + name(1) + ", …"
}

// reuseWords points to the δs the step reuses, and to the chain-lesson
// factors its δ stands for.
func (s *Session) reuseWords(l, j int) string {
	n := s.Net
	d := deltaName(n, l, j)
	first := mathcore.Param{Layer: l - 1, From: 0, To: j}
	if sel := s.selected(); sel.Layer < n.Output()-1 {
		first = sel // the weight the hidden-chain lesson works through: its chain starts the same way
	}
	known := deltaName(n, l+1, 0)
	if n.Sizes[l+1] > 1 {
		known = "The δs of " + feedsWords(n, l) + " are"
	} else {
		known = known + " is"
	}
	words := known + " known already: nothing here goes back to J. "
	if l == n.Output()-1 {
		words += capitalize(lessonNumber(IDChainHidden)) + " multiplied, in the chain for " + n.ParamLabel(first) + ", " + "dJ/d" + n.OutSymbol(l+1, 0) + " · d" +
			n.OutSymbol(l+1, 0) + "/d" + n.NetSymbol(l+1, 0) + " again: those first two factors are " +
			deltaName(n, l+1, 0) + ", computed for " + n.ParamLabel(firstOutputWeight(n)) + ". "
	}
	return words + "Every " + paramWords(n) + " into " + n.NodeLabel(l, j) + " will use " + d + "."
}

// oldWeightsWords says that the weights in a hidden δ are the ones before
// the update, and what δ would wrongly be with the updated ones.
func (s *Session) oldWeightsWords(l, j int) string {
	n := s.Net
	next := n.Sizes[l+1]
	wrong := func(n *mathcore.Network, t *mathcore.Trace) float64 {
		x := 0.0
		for k := 0; k < n.Sizes[l+1]; k++ {
			x += t.Updated(mathcore.Param{Layer: l, From: j, To: k}) * t.Delta[l+1][k]
		}
		return x * t.DAct[l][j]
	}
	var names, vals []string
	for k := 0; k < min(next, 2); k++ {
		w := mathcore.Param{Layer: l, From: j, To: k}
		names, vals = append(names, n.ParamLabel(w)), append(vals, s.Updated(w))
	}
	updated := "the updated " + names[0] + " = " + vals[0]
	switch {
	case next == 2:
		updated = "the updated " + names[0] + " and " + names[1] + " (" + vals[0] + " and " + vals[1] + ")"
	case next > 2:
		updated = "the updated weights out of " + n.NodeLabel(l, j)
	}
	words := "The weights are the ones before the update: every weight changes only after the backward pass. "
	if s.F(wrong(n, s.Trace)) == s.F(s.Trace.Delta[l][j]) {
		return words + "(With " + updated + " the δ would differ only beyond the digits shown here.)"
	}
	return words + "With " + updated + ", a slip published worked examples make, " + deltaName(n, l, j) +
		" would be " + s.val(wrong) + "."
}
