package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
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

// ParamChoices returns how many parameters the hidden-chain lesson can
// show: every weight and bias of the network. With fewer than two there is
// nothing to choose, and the lesson says so.
func (s *Session) ParamChoices() int { return len(s.Net.Params()) }

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

func buildChainOutput(s *Session, width int) Page {
	n := s.Net
	p := firstOutputWeight(n)
	c := s.Trace.Chain(n, p)
	L := n.Output()
	from, to := n.NodeLabel(L-1, p.From), n.NodeLabel(L, p.To)
	lbl := n.ParamLabel(p)
	intro := []Block{
		Text("Training needs to know, for every weight, how the loss J changes when that weight changes a " +
			"little: dJ/d" + lbl + ". One could write J out in terms of " + lbl + " in one formula, " + wholeFormula(n, p) +
			", and differentiate it whole; but that formula grows with every layer and has to be written again " +
			"for every weight. The practical way is the chain rule: we know each link on the way from " + lbl +
			" to J, and the slope of the whole is the product of the slopes of the links."),
		Text(lbl + " runs from " + from + " to " + to + ", the last layer. Changing " + lbl + " changes " +
			n.NetSymbol(L, p.To) + ", which changes " + n.OutSymbol(L, p.To) + ", which changes J: three links."),
	}
	if k := n.Sizes[L]; k > 1 {
		intro = append(intro, Text("This network has "+strconv.Itoa(k)+" outputs. "+lbl+" feeds only "+to+
			", so only "+to+"'s part of the loss depends on it: one path, no sum."))
	}
	intro = append(intro, Text("dJ/d"+lbl+" = "+chainSymbols(n, c.Paths[0])))
	return Page{
		Intro: intro,
		Steps: s.onceRounded(append(s.chainSteps(c, IDChainOutput), s.nudgeStep(p, false, width))),
		Aside: fitLines(Diagram(s, width, DiagramOptions{Highlight: chainHighlight(c)}), width),
	}
}

func buildChainHidden(s *Session, width int) Page {
	n := s.Net
	p := s.selected()
	c := s.Trace.Chain(n, p)
	lbl := n.ParamLabel(p)
	node := n.NodeLabel(c.Layer, c.Node)
	hidden := n.Layers() > 2
	if !hidden && s.ParamChoices() == 1 {
		return Page{Skip: "This network has no hidden layer, so it has no hidden weights: its one weight, " + lbl +
			", feeds the output " + node + " directly. " + capitalize(lessonName(IDChainOutput)) +
			", works out its chain: three factors."}
	}
	var intro []Block
	if !hidden {
		intro = append(intro, Text("This network has no hidden layer, so it has no hidden weights: every "+
			paramWords(n)+" feeds an output node directly, with the three-factor chain of "+
			lessonName(IDChainOutput)+"."))
	}
	if p.Bias {
		intro = append(intro, Text(lbl+" is the bias of "+node+": it is added to "+n.NetSymbol(c.Layer, c.Node)+"."))
	} else {
		intro = append(intro, Text(lbl+" runs from "+n.NodeLabel(p.Layer, p.From)+" to "+node+
			" (into the "+n.LayerName(c.Layer)+")."))
	}
	links := 2*(n.Output()-c.Layer) + 3
	switch {
	case c.Layer == n.Output() && hidden:
		intro = append(intro, Text("It feeds an output node directly, so its chain has three links, as in "+
			lessonName(IDChainOutput)+"."))
	case c.Layer == n.Output():
	case c.PathCount == 1:
		intro = append(intro, Text("A change in "+lbl+" travels forward node by node until it reaches J. "+
			"Each step of the way is one factor of the chain: "+strconv.Itoa(links)+" factors, multiplied."))
	default:
		intro = append(intro, Text("A change in "+lbl+" reaches the loss along "+pathCountWords(n, c)+
			" different paths, one for each route through the later layers to an output. The chain rule multiplies "+
			"the factors along each path and adds the paths up."))
	}
	if s.ParamChoices() > 1 {
		intro = append(intro, Text("Pick any other "+paramWords(n)+" and the chain is rebuilt for it."))
	}
	if hidden && c.Layer < n.Output() {
		intro = append(intro, Text("Notice that every chain begins with the same factors as the chains before it. "+
			capitalize(lessonName(IDBackward))+", computes such shared factors once and reuses them."))
	}
	if len(c.Paths) == 1 {
		intro = append(intro, Text("dJ/d"+lbl+" = "+chainSymbols(n, c.Paths[0])))
	}
	return Page{
		Intro: intro,
		Steps: s.onceRounded(append(s.chainSteps(c, IDChainHidden), s.nudgeStep(p, true, width))),
		Aside: fitLines(Diagram(s, width, DiagramOptions{Highlight: chainHighlight(c)}), width),
	}
}

// pathCountWords writes how many paths a chain has: "2048", or "about
// 2.1·10^6" from numtext.LargeCount on.
func pathCountWords(n *mathcore.Network, c mathcore.Chain) string {
	if !c.PathCountOverflow && c.PathCount < numtext.LargeCount {
		return strconv.Itoa(c.PathCount)
	}
	m, e := numtext.Sci(mathcore.PathCountApprox(n.Sizes, c.Layer), 2)
	return "about " + m + "·10^" + strconv.Itoa(e)
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

// wholeFormula writes J in terms of the output weight p in one formula,
// the output's activation applied to its net written out: "J = 1/2·(y -
// σ(w9·out_h1 + w10·out_h2))^2". With several outputs it writes the output
// p feeds that way and says the others are alike.
func wholeFormula(n *mathcore.Network, p mathcore.Param) string {
	L := n.Output()
	inner := actOf(n.Activations[L-1], netSum(n, L, p.To))
	f := lossFormula(n)
	if n.Sizes[L] == 1 {
		return strings.Replace(f, "out", inner, 1)
	}
	return f + " with " + n.OutSymbol(L, p.To) + " = " + inner
}

// actOf writes activation a applied to x: "σ(x)", "tanh(x)", "relu(x)", or
// "(x)" for linear.
func actOf(a mathcore.Activation, x string) string {
	switch a {
	case mathcore.Sigmoid:
		return "σ(" + x + ")"
	case mathcore.Linear:
		return "(" + x + ")"
	}
	return a.String() + "(" + x + ")"
}
