package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// SelectParam moves the hidden-chain lesson to the next (delta 1) or
// previous (delta -1) weight or bias in label order, wrapping around.
func (s *Session) SelectParam(delta int) {
	ps := s.Net.Params()
	k := 0
	for i, p := range ps {
		if p == s.Selected {
			k = i
		}
	}
	s.Selected = ps[(k+delta+len(ps))%len(ps)]
}

// selected returns the selected parameter, or w1 when the network changed
// shape and the selection no longer exists.
func (s *Session) selected() mathcore.Param {
	for _, p := range s.Net.Params() {
		if p == s.Selected {
			return p
		}
	}
	return mathcore.Param{}
}

// chainOutputLesson is lesson 9: the chain rule for the first weight into
// the output layer (w9 in the paper).
func chainOutputLesson() Lesson {
	return Lesson{
		ID:      "chain-output",
		Title:   "Chain rule: output weight",
		Summary: "how the loss changes with a weight into the output: three factors",
		Build:   buildChainOutput,
	}
}

// chainHiddenLesson is lesson 10: the chain rule for any weight or bias,
// w1 to start with.
func chainHiddenLesson() Lesson {
	return Lesson{
		ID:      "chain-hidden",
		Title:   "Chain rule: hidden weight",
		Summary: "the chain for a hidden weight, and for any weight you pick",
		Build:   buildChainHidden,
	}
}

func buildChainOutput(s *Session, width int) Page {
	n := s.Net
	p := firstOutputWeight(n)
	c := s.Trace.Chain(n, p)
	L := n.Output()
	from, to := n.NodeLabel(L-1, p.From), n.NodeLabel(L, p.To)
	lbl := n.ParamLabel(p)
	intro := []Block{
		Text("Training needs to know, for every weight, how the loss J changes when that weight changes a " +
			"little: dJ/d" + lbl + ". Nobody can write J directly in terms of " + lbl + ", but we know each " +
			"link on the way from " + lbl + " to J, and the chain rule says: multiply the slopes of the links."),
		Text(lbl + " runs from " + from + " to " + to + ", the last layer. Changing " + lbl + " changes " +
			n.NetSymbol(L, p.To) + ", which changes " + n.OutSymbol(L, p.To) + ", which changes J: three links."),
	}
	if k := n.Sizes[L]; k > 1 {
		intro = append(intro, Text("This network has "+itoa(k)+" outputs. "+lbl+" feeds only "+to+
			", so only "+to+"'s part of the loss depends on it: one path, no sum."))
	}
	intro = append(intro, Text("dJ/d"+lbl+" = "+chainSymbols(n, c.Paths[0])))
	return Page{
		Intro: intro,
		Steps: s.chainSteps(c),
		Aside: bpDiagram(s, width, chainHighlight(c)),
	}
}

func buildChainHidden(s *Session, width int) Page {
	n := s.Net
	p := s.selected()
	c := s.Trace.Chain(n, p)
	lbl := n.ParamLabel(p)
	node := n.NodeLabel(c.Layer, c.Node)
	var intro []Block
	if p.Bias {
		intro = append(intro, Text(lbl+" is the bias of "+node+": it is added to "+n.NetSymbol(c.Layer, c.Node)+"."))
	} else {
		intro = append(intro, Text(lbl+" runs from "+n.NodeLabel(p.Layer, p.From)+" to "+node+
			" (into the "+n.LayerName(c.Layer)+")."))
	}
	links := 2*(n.Output()-c.Layer) + 3
	switch {
	case c.Layer == n.Output():
		intro = append(intro, Text("It feeds an output node directly, so its chain has three links, as in the "+
			"previous lesson."))
	case c.PathCount == 1:
		intro = append(intro, Text("A change in "+lbl+" travels forward node by node until it reaches J. "+
			"Each step of the way is one factor of the chain: "+itoa(links)+" factors, multiplied."))
	default:
		intro = append(intro, Text("A change in "+lbl+" reaches the loss along "+itoa(c.PathCount)+
			" different paths, one through each node it feeds on the way. The chain rule multiplies "+
			"the factors along each path and adds the paths up."))
	}
	other := "weight"
	if n.HasBiases() {
		other = "weight or bias"
	}
	intro = append(intro, Text("Pick any other "+other+" and the chain is rebuilt for it."))
	if len(c.Paths) == 1 {
		intro = append(intro, Text("dJ/d"+lbl+" = "+chainSymbols(n, c.Paths[0])))
	}
	return Page{
		Intro: intro,
		Steps: s.chainSteps(c),
		Aside: bpDiagram(s, width, chainHighlight(c)),
	}
}

// chainHighlight returns the parameter of c and every weight on its paths.
func chainHighlight(c mathcore.Chain) []mathcore.Param {
	hl := []mathcore.Param{c.Param}
	for _, path := range c.Paths {
		for _, f := range path.Factors {
			if f.Kind == mathcore.WeightFactor {
				hl = append(hl, f.Param)
			}
		}
	}
	if c.Paths == nil {
		for _, t := range c.Terms {
			hl = append(hl, t.Weight)
		}
	}
	return hl
}

// chainSymbols writes a path's factors as a product of derivatives.
func chainSymbols(n *mathcore.Network, p mathcore.Path) string {
	syms := make([]string, len(p.Factors))
	for i, f := range p.Factors {
		syms[i] = n.FactorSymbol(f)
	}
	return strings.Join(syms, " · ")
}

// chainSteps returns the steps of a chain: each factor, the product (or the
// sum over paths, or the layer-by-layer form), then the update.
func (s *Session) chainSteps(c mathcore.Chain) []Step {
	n := s.Net
	p := c.Param
	lbl := n.ParamLabel(p)
	grad := "dJ/d" + lbl
	var steps []Step
	switch {
	case len(c.Paths) == 1:
		path := c.Paths[0]
		for _, f := range path.Factors {
			steps = append(steps, s.factorStep(p, f))
		}
		vals := make([]string, len(path.Factors))
		for i, f := range path.Factors {
			vals[i] = s.pf(f.Value)
		}
		steps = append(steps, Step{
			Title:   "Multiply the links",
			Text:    []string{"The chain rule: the slope of the whole chain is the product of the slopes of its links."},
			Formula: grad + " = " + chainSymbols(n, path),
			Numbers: strings.Join(vals, " · "),
			Result:  s.V(gradGetter(p)),
			After:   []string{gradWords(s, p, c.Gradient)},
			Note:    s.paperNote(p, "product"),
		})
	case c.Paths != nil:
		tail := c.Paths[0].Factors
		tail = tail[len(tail)-2:]
		for _, f := range tail {
			steps = append(steps, s.factorStep(p, f))
		}
		var sums, vals []string
		for k, path := range c.Paths {
			fv := make([]string, len(path.Factors))
			for i, f := range path.Factors {
				fv[i] = s.pf(f.Value)
			}
			steps = append(steps, Step{
				Title:   "Path " + itoa(k+1) + ": " + pathNodes(n, c, path),
				Formula: chainSymbols(n, path),
				Numbers: strings.Join(fv, " · "),
				Result:  s.F(path.Product),
			})
			sums = append(sums, "path "+itoa(k+1))
			vals = append(vals, s.pf(path.Product))
		}
		steps = append(steps, Step{
			Title:   "Add the paths",
			Text:    []string{"Each path carries part of the effect of " + lbl + " on J; the total slope is their sum."},
			Formula: grad + " = " + strings.Join(sums, " + "),
			Numbers: strings.Join(vals, " + "),
			Result:  s.V(gradGetter(p)),
			After:   []string{gradWords(s, p, c.Gradient)},
		})
	default:
		steps = append(steps, s.layerSteps(c)...)
	}
	steps = append(steps, s.updateStep(p, s.paperNote(p, "update")))
	return steps
}

// layerSteps writes a chain with too many paths to list layer by layer: the
// slope of J at the node as a sum over the next layer, then the node's own
// factors.
func (s *Session) layerSteps(c mathcore.Chain) []Step {
	n := s.Net
	p := c.Param
	l, j := c.Layer, c.Node
	out := n.OutSymbol(l, j)
	const shown = 8
	var syms, vals []string
	for k, t := range c.Terms {
		if k == shown {
			syms = append(syms, "…")
			vals = append(vals, "… ("+itoa(len(c.Terms)-shown)+" more)")
			break
		}
		syms = append(syms, "dJ/d"+n.NetSymbol(l+1, t.Node)+"·"+n.ParamLabel(t.Weight))
		vals = append(vals, s.pf(t.DNet)+"·"+s.pf(t.WeightV))
	}
	steps := []Step{{
		Title: "Too many paths to list",
		Text: []string{"There are " + itoa(c.PathCount) + " paths from " + n.NodeLabel(l, j) + " to the outputs. " +
			"Instead of listing them, collect them layer by layer: the slope of J at " + out + " is the sum, " +
			"over every node it feeds, of that node's dJ/dnet times the weight between them."},
		Formula: "dJ/d" + out + " = " + strings.Join(syms, " + "),
		Numbers: strings.Join(vals, " + "),
		Result:  s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] }),
	}}
	act, actNum := s.actDerivative(l, j)
	steps = append(steps, Step{
		Title:   "Through the activation",
		Formula: "dJ/d" + n.NetSymbol(l, j) + " = dJ/d" + out + " · " + act,
		Numbers: s.pf(c.DOut) + " · " + bpOr(actNum, s.F(c.DAct)),
		Result:  s.V(func(t *mathcore.Trace) float64 { return t.Delta[l][j] }),
	})
	local, localName := "1", "1"
	if !p.Bias {
		local, localName = s.F(c.Local), n.OutSymbol(p.Layer, p.From)
	}
	steps = append(steps, Step{
		Title:   "Into the " + paramKind(p),
		Formula: "dJ/d" + n.ParamLabel(p) + " = dJ/d" + n.NetSymbol(l, j) + " · " + localName,
		Numbers: s.pf(c.DOut*c.DAct) + " · " + local,
		Result:  s.V(gradGetter(p)),
		After:   []string{gradWords(s, p, c.Gradient)},
	})
	return steps
}

// bpOr returns a, or b when a is empty.
func bpOr(a, b string) string {
	if a == "" {
		return b
	}
	return a
}

// paramKind returns "weight" or "bias".
func paramKind(p mathcore.Param) string {
	if p.Bias {
		return "bias"
	}
	return "weight"
}

// pathNodes names the nodes a path goes through: "i1 → h1 → o1".
func pathNodes(n *mathcore.Network, c mathcore.Chain, path mathcore.Path) string {
	var nodes []string
	for i := len(path.Factors) - 1; i >= 0; i-- {
		if f := path.Factors[i]; f.Kind == mathcore.ActFactor {
			nodes = append(nodes, n.NodeLabel(f.Layer, f.Node))
		}
	}
	if !c.Param.Bias {
		nodes = append([]string{n.NodeLabel(c.Param.Layer, c.Param.From)}, nodes...)
	}
	return strings.Join(nodes, " → ")
}

// netSum writes the net input of node j of layer l as its sum, with at most
// four terms: "w1·i1 + w3·i2 + w5·i3 + w7·i4".
func netSum(n *mathcore.Network, l, j int) string {
	var terms []string
	for i := 0; i < n.Sizes[l-1]; i++ {
		if i == 4 {
			terms = append(terms, "…")
			break
		}
		terms = append(terms, n.ParamLabel(mathcore.Param{Layer: l - 1, From: i, To: j})+"·"+n.OutSymbol(l-1, i))
	}
	if n.HasBiases() {
		terms = append(terms, n.ParamLabel(mathcore.Param{Bias: true, Layer: l - 1, To: j}))
	}
	return strings.Join(terms, " + ")
}

// factorStep explains one factor of a chain: what it is, its formula, the
// numbers and its value.
func (s *Session) factorStep(p mathcore.Param, f mathcore.Factor) Step {
	n := s.Net
	sym := n.FactorSymbol(f)
	l, j := f.Layer, f.Node
	st := Step{Note: s.paperNote(p, factorKey(n, f))}
	switch f.Kind {
	case mathcore.LossFactor:
		form, num := s.lossDerivative(j)
		st.Title = "How J reacts to " + n.OutSymbol(l, j)
		st.Text = []string{"The loss is " + lossFormula(n) + ". Its slope with respect to the output " +
			"is minus the error: negative when the output is below its target, so raising the output lowers J."}
		st.Formula, st.Numbers = sym+" = "+form, num
		st.Result = s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] })
	case mathcore.ActFactor:
		form, num := s.actDerivative(l, j)
		st.Title = "The slope of the activation at " + n.NodeLabel(l, j)
		st.Text = []string{"How much " + n.OutSymbol(l, j) + " moves when " + n.NetSymbol(l, j) +
			" moves: the slope of the " + activationName(n.Activations[l-1]) + " curve at this node."}
		st.Formula, st.Numbers = sym+" = "+form, num
		st.Result = s.V(func(t *mathcore.Trace) float64 { return t.DAct[l][j] })
	case mathcore.WeightFactor:
		st.Title = "Back through " + n.ParamLabel(f.Param)
		st.Text = []string{n.NetSymbol(l, j) + " = " + netSum(n, l, j) + ". Only one term holds " +
			n.OutSymbol(l-1, f.Source) + ", and its slope is the weight in front of it."}
		st.Formula = sym + " = " + n.ParamLabel(f.Param)
		st.Result = s.pv(f.Param)
	case mathcore.InputFactor:
		src := n.OutSymbol(l-1, f.Source)
		st.Title = "How " + n.NetSymbol(l, j) + " reacts to " + n.ParamLabel(p)
		st.Text = []string{n.NetSymbol(l, j) + " = " + netSum(n, l, j) + ". Only the term " +
			n.ParamLabel(p) + "·" + src + " changes with " + n.ParamLabel(p) + ", and its slope is " + src + "."}
		st.Formula = sym + " = " + src
		st.Result = s.V(func(t *mathcore.Trace) float64 { return t.Out[l-1][f.Source] })
	default:
		st.Title = "How " + n.NetSymbol(l, j) + " reacts to " + n.ParamLabel(p)
		st.Text = []string{"The bias is simply added to " + n.NetSymbol(l, j) + ", so it moves one for one with it."}
		st.Formula, st.Result = sym, "1"
	}
	return st
}

// factorKey names a factor for paperNote.
func factorKey(n *mathcore.Network, f mathcore.Factor) string {
	switch f.Kind {
	case mathcore.LossFactor:
		return "loss"
	case mathcore.ActFactor:
		if f.Layer == n.Output() {
			return "act-o"
		}
		return "act-h"
	case mathcore.InputFactor:
		return "input"
	}
	return ""
}

// updateStep applies the update rule to p.
func (s *Session) updateStep(p mathcore.Param, note string) Step {
	n := s.Net
	lbl := n.ParamLabel(p)
	return Step{
		Title: "The new " + lbl,
		Text: []string{"Step against the slope, scaled by the learning rate η = " + etaShow(n.LearningRate) +
			" (the next lessons apply it)."},
		Formula: lbl + "_new = " + lbl + " - η·dJ/d" + lbl,
		Numbers: s.F(n.Value(p)) + " - " + etaShow(n.LearningRate) + "·" + s.pf(s.Trace.Gradient(p)),
		Result:  s.V(newGetter(p)),
		Note:    note,
	}
}

// etaShow writes a learning rate with as few digits as it needs: "0.1".
func etaShow(eta float64) string { return strconv.FormatFloat(eta, 'g', 6, 64) }

// gradWords says what the sign of a gradient means for the parameter.
func gradWords(s *Session, p mathcore.Param, g float64) string {
	lbl := s.Net.ParamLabel(p)
	switch {
	case g < 0:
		return "Negative: making " + lbl + " a little bigger makes the loss smaller."
	case g > 0:
		return "Positive: making " + lbl + " a little smaller makes the loss smaller."
	}
	return "Zero: right now " + lbl + " has no effect on the loss, so the update leaves it where it is."
}
