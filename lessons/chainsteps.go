package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// This file holds the steps of the chain-rule lessons: one per factor, the
// product of each path, the layer-by-layer form, and the update.

// chainSteps returns the steps of a chain: each factor, the product (or the
// sum over paths, or the layer-by-layer form), then the update. lesson is
// the ID of the lesson that shows it.
func (s *Session) chainSteps(c mathcore.Chain, lesson string) []Step {
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
		vals, shown := s.pathValues(path)
		steps = append(steps, Step{
			Title:   "Multiply the links",
			Text:    []string{"The chain rule: the slope of the whole chain is the product of the slopes of its links."},
			Formula: grad + " = " + chainSymbols(n, path),
			Numbers: vals,
			Result:  s.V(gradGetter(p)),
			After:   s.withRounding([]string{gradWords(s, p, c.Gradient)}, shown, c.Gradient),
			Note:    s.paperNote(p, "product"),
		})
	case c.Paths != nil:
		tail := c.Paths[0].Factors
		tail = tail[len(tail)-2:]
		for _, f := range tail {
			steps = append(steps, s.factorStep(p, f))
		}
		var sums, vals []string
		total := 0.0
		for k, path := range c.Paths {
			fv, shown := s.pathValues(path)
			get := pathGetter(path)
			steps = append(steps, Step{
				Title:   "Path " + strconv.Itoa(k+1) + ": " + pathNodes(n, c, path),
				Formula: chainSymbols(n, path),
				Numbers: fv,
				Result:  s.val(get),
				After:   s.withRounding(nil, shown, path.Product),
			})
			sums = append(sums, "path "+strconv.Itoa(k+1))
			vals = append(vals, paren(s.val(get)))
			total += s.shown(path.Product)
		}
		steps = append(steps, Step{
			Title:   "Add the paths",
			Text:    []string{"Each path carries part of the effect of " + lbl + " on J; the total slope is their sum."},
			Formula: grad + " = " + strings.Join(sums, " + "),
			Numbers: strings.Join(vals, " + "),
			Result:  s.V(gradGetter(p)),
			After: s.withRounding([]string{gradWords(s, p, c.Gradient), "The weights on these paths are the ones " +
				"before the update: every weight changes only once all the gradients are known. (Some published " +
				"worked examples slip here and use an output weight already updated.)"}, total, c.Gradient),
		})
	default:
		steps = append(steps, s.layerSteps(c)...)
	}
	steps = append(steps, s.updateStep(p, s.paperNote(p, "update"), lesson))
	return steps
}

// pathValues writes the values of a path's factors as a product, each
// marked when it changed, and returns the product of the values as shown
// (rounded), to check the result against.
func (s *Session) pathValues(path mathcore.Path) (text string, shown float64) {
	vals := make([]string, len(path.Factors))
	shown = 1
	for i, f := range path.Factors {
		vals[i] = s.factorValue(f)
		shown *= s.shown(f.Value)
	}
	return strings.Join(vals, " · "), shown
}

// factorValue writes the value of factor f for a product: in brackets when
// negative, marked when it changed, and exactly "1" or "0" for a slope
// that can only be one of those (relu, linear) and for a bias's factor.
func (s *Session) factorValue(f mathcore.Factor) string {
	switch {
	case f.Kind == mathcore.BiasFactor:
		return "1"
	case f.Kind == mathcore.ActFactor && isStepSlope(s.Net, f.Layer):
		return exactSlope(s, factorGetter(f))
	}
	return paren(s.val(factorGetter(f)))
}

// factorGetter returns a getter of factor f's value, for marks.
func factorGetter(f mathcore.Factor) getter {
	l, j := f.Layer, f.Node
	switch f.Kind {
	case mathcore.LossFactor:
		return func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.DOut[l][j] }
	case mathcore.ActFactor:
		return func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.DAct[l][j] }
	case mathcore.WeightFactor:
		return func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Value(f.Param) }
	case mathcore.InputFactor:
		return func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.Out[l-1][f.Source] }
	}
	return func(*mathcore.Network, *mathcore.Trace) float64 { return 1 }
}

// pathGetter returns a getter of the product of a path's factors.
func pathGetter(path mathcore.Path) getter {
	gets := make([]getter, len(path.Factors))
	for i, f := range path.Factors {
		gets[i] = factorGetter(f)
	}
	return func(n *mathcore.Network, t *mathcore.Trace) float64 {
		x := 1.0
		for _, g := range gets {
			x *= g(n, t)
		}
		return x
	}
}

// layerSteps writes a chain with too many paths to list layer by layer: the
// slope of J at the node as a sum over the next layer, then the node's own
// factors.
func (s *Session) layerSteps(c mathcore.Chain) []Step {
	n := s.Net
	p := c.Param
	l, j := c.Layer, c.Node
	out, net := n.OutSymbol(l, j), n.NetSymbol(l, j)
	const shown = 8
	var syms, vals []string
	sum := 0.0
	for k, t := range c.Terms {
		sum += s.shown(t.DNet) * s.shown(t.WeightV)
		if k == shown {
			syms = append(syms, "…")
			vals = append(vals, "… ("+strconv.Itoa(len(c.Terms)-shown)+" more)")
			break
		}
		syms = append(syms, "dJ/d"+n.NetSymbol(l+1, t.Node)+"·"+n.ParamLabel(t.Weight))
		vals = append(vals, paren(s.val(deltaGetter(l+1, t.Node)))+"·"+paren(s.P(t.Weight)))
	}
	check := []string(nil)
	if len(c.Terms) <= shown {
		check = s.withRounding(nil, sum, c.DOut)
	}
	steps := []Step{{
		Title: "Too many paths to list",
		Text: []string{"There are " + pathCountWords(n, c) + " paths from " + n.NodeLabel(l, j) + " to the outputs. " +
			"Instead of listing them, collect them layer by layer: the slope of J at " + out + " is the sum, " +
			"over every node it feeds, of that node's dJ/dnet times the weight between them."},
		Formula: "dJ/d" + out + " = " + strings.Join(syms, " + "),
		Numbers: strings.Join(vals, " + "),
		Result:  s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] }),
		After:   check,
	}}
	sl := s.slope(l, j)
	through := Step{
		Title:   "Through the activation",
		Formula: "dJ/d" + net + " = dJ/d" + out + " · " + sl.factor,
		Numbers: paren(s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] })) + " · " + sl.factorNumbers,
		Result:  s.val(deltaGetter(l, j)),
		After:   s.withRounding(nil, s.shown(c.DOut)*s.shownSlope(l, j), c.DOut*c.DAct),
	}
	switch {
	case sl.cond != "":
		through.Text = []string{"The " + n.LayerName(l) + " uses relu, whose slope is 1 where net > 0 and 0 " +
			"elsewhere: " + sl.cond + ", so d" + out + "/d" + net + " = " + sl.value + ". " + sl.why}
	case sl.why != "":
		through.Text = []string{sl.why}
	}
	steps = append(steps, through)
	local, localName := "1", "1"
	localShown := 1.0
	if !p.Bias {
		local = s.V(func(t *mathcore.Trace) float64 { return t.Out[p.Layer][p.From] })
		localName = n.OutSymbol(p.Layer, p.From)
		localShown = s.shown(c.Local)
	}
	steps = append(steps, Step{
		Title:   "Into the " + paramKind(p),
		Formula: "dJ/d" + n.ParamLabel(p) + " = dJ/d" + net + " · " + localName,
		Numbers: paren(s.val(deltaGetter(l, j))) + " · " + paren(local),
		Result:  s.V(gradGetter(p)),
		After:   s.withRounding([]string{gradWords(s, p, c.Gradient)}, s.shown(c.DOut*c.DAct)*localShown, c.Gradient),
	})
	return steps
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
		form, num, shown := s.lossDerivative(j)
		st.Title = "How J reacts to " + n.OutSymbol(l, j)
		st.Text = []string{"The loss is " + lossFormula(n) + ". Its slope with respect to " + n.OutSymbol(l, j) +
			" is " + lossSlopeWords(n, j) + ": negative when the output is below its target, so raising the " +
			"output lowers J."}
		st.Formula, st.Numbers = sym+" = "+form, num
		st.Result = s.V(func(t *mathcore.Trace) float64 { return t.DOut[l][j] })
		st.After = s.withRounding(nil, shown, f.Value)
	case mathcore.ActFactor:
		st.Title = "The slope of the activation at " + n.NodeLabel(l, j)
		st.Text = []string{"How much " + n.OutSymbol(l, j) + " moves when " + n.NetSymbol(l, j) + " moves" +
			slopeOfWords(n.Activations[l-1]) + "."}
		st = s.slopeStep(st, l, j)
		st.After = append(st.After, s.withRounding(nil, s.shownSlope(l, j), f.Value)...)
	case mathcore.WeightFactor:
		st.Title = "Back through " + n.ParamLabel(f.Param)
		st.Text = []string{n.NetSymbol(l, j) + " = " + netSum(n, l, j) + ". Only one term holds " +
			n.OutSymbol(l-1, f.Source) + ", and its slope is the weight in front of it."}
		st.Formula = sym + " = " + n.ParamLabel(f.Param)
		st.Result = s.P(f.Param)
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

// slopeOfWords ends the sentence that introduces an activation's slope:
// ": the slope of the sigmoid σ curve at this node"; nothing for linear,
// whose slope the step explains after its formula.
func slopeOfWords(a mathcore.Activation) string {
	if a == mathcore.Linear {
		return ""
	}
	return ": the slope of the " + activationName(a) + " curve at this node"
}

// lossSlopeWords says what dJ/dout of output j is for n's loss, in words.
func lossSlopeWords(n *mathcore.Network, j int) string {
	L := n.Output()
	k := n.Sizes[L]
	err := "the error " + targetName(n, j) + " - " + n.OutSymbol(L, j)
	switch {
	case n.Loss != mathcore.MSE:
		return "minus " + err
	case k == 1:
		return "-2 times " + err
	}
	return "-(2/" + strconv.Itoa(k) + ") times " + err + " (2/n, with n = " + strconv.Itoa(k) + " outputs)"
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

// updateStep applies the update rule to p, in the lesson with the given ID.
func (s *Session) updateStep(p mathcore.Param, note, lesson string) Step {
	n := s.Net
	lbl := n.ParamLabel(p)
	text := "Step against the slope, scaled by the learning rate η = " + s.eta() + "."
	if lesson != IDUpdate {
		text += " " + capitalize(lessonName(IDUpdate)) + ", takes this step for every " + eachParam(n) + " at once."
	}
	shown := s.shown(n.Value(p)) - n.LearningRate*s.shown(s.Trace.Gradient(p))
	return Step{
		Title:   "The new " + lbl,
		Text:    []string{text},
		Formula: lbl + "_new = " + lbl + " - η·dJ/d" + lbl,
		Numbers: s.Before(p) + " - " + s.eta() + "·" + paren(s.V(gradGetter(p))),
		Result:  s.Updated(p),
		After:   s.withRounding(nil, shown, s.Trace.Updated(p)),
		Note:    note,
	}
}

// gradWords says what the sign of a gradient means for the parameter.
func gradWords(s *Session, p mathcore.Param, g float64) string {
	lbl := s.Net.ParamLabel(p)
	switch {
	case g < 0:
		return "Negative: making " + lbl + " a little bigger makes the loss smaller."
	case g > 0:
		return "Positive: making " + lbl + " a little smaller makes the loss smaller."
	}
	if in := zeroInput(s, p); in != "" {
		return "Zero, because " + lbl + "'s input " + in + " is 0: " + lbl + " multiplies 0, so changing it changes " +
			"nothing, and the update leaves it where it is."
	}
	return "Zero: right now " + lbl + " has no effect on the loss, so the update leaves it where it is."
}

// zeroInput names the input of weight p when it is exactly 0, which makes
// p's slope 0 whatever the rest of its chain; "" otherwise (and for a bias).
func zeroInput(s *Session, p mathcore.Param) string {
	if p.Bias || s.Trace.Out[p.Layer][p.From] != 0 {
		return ""
	}
	return s.Net.NodeLabel(p.Layer, p.From)
}

// zeroInputWords explains, for the table of every weight, the slopes that
// are 0 because their input is 0: "dJ/dw7 and dJ/dw8 are 0 because their
// input i4 is 0: ...". It is "" when there are none.
func zeroInputWords(s *Session) string {
	byInput := map[string][]string{}
	var inputs []string
	for _, p := range s.Net.Params() {
		in := zeroInput(s, p)
		if in == "" {
			continue
		}
		if byInput[in] == nil {
			inputs = append(inputs, in)
		}
		byInput[in] = append(byInput[in], "dJ/d"+s.Net.ParamLabel(p))
	}
	var out []string
	for _, in := range inputs {
		gs := byInput[in]
		what, verb, their := "the slopes ", "are", "their input"
		if len(gs) == 1 {
			what, verb, their = "the slope ", "is", "its input"
		}
		out = append(out, what+joinWords(gs)+" "+verb+" 0 because "+their+" "+in+" is 0")
	}
	if len(out) == 0 {
		return ""
	}
	return capitalize(strings.Join(out, "; ")) + ": a weight's slope is its input times the rest of its chain, " +
		"so a weight fed 0 does not move until its input does."
}

// joinWords joins words as prose: "a", "a and b", "a, b and c".
func joinWords(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
