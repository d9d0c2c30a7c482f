package judge

import (
	"math"

	"nnmath/mathcore"
)

// The rule of activation_slope: a wrong formula for the activation's
// slope dout/dnet, at one node, at a layer, or at every node of that
// activation.

// wrongSlope is one wrong formula for an activation's slope.
type wrongSlope struct {
	slope func(net, out float64) float64
	what  string // the slip in words
	late  bool   // the same number as leaving the slope out: named after missing_derivative
}

// wrongSlopes returns the wrong slopes learners write for a.
func wrongSlopes(a mathcore.Activation) []wrongSlope {
	switch a {
	case mathcore.Sigmoid:
		return []wrongSlope{
			{func(_, out float64) float64 { return out }, "σ itself, out, is used for the slope of σ, which is σ(1 − σ) = out(1 − out)", false},
			{func(float64, float64) float64 { return 1 }, "the slope of σ is taken as 1; it is σ(1 − σ) = out(1 − out)", true},
		}
	case mathcore.Tanh:
		return []wrongSlope{
			{func(_, out float64) float64 { return 1 - out }, "1 − tanh is used for the slope of tanh, which is 1 − tanh² = 1 − out²", false},
			{func(_, out float64) float64 { return out * (1 - out) }, "σ's slope out(1 − out) is used for the slope of tanh, which is 1 − out²", false},
		}
	case mathcore.ReLU:
		return []wrongSlope{
			{func(net, _ float64) float64 { return reluSlope(net <= 0) }, "the ReLU's slope is flipped: it is 1 where net > 0 and 0 where net < 0", false},
			{func(float64, float64) float64 { return 0 }, "the ReLU's slope is taken as 0 at a positive net; it is 1 where net > 0", false},
			{func(float64, float64) float64 { return 1 }, "the ReLU's slope is taken as 1 at a negative net; it is 0 where net < 0", false},
		}
	}
	return nil
}

// slopeRules returns rules that give the nodes where at(l, j) holds the
// slope ws.
func slopeRules(ws wrongSlope, at func(l, j int) bool) *rules {
	return &rules{dAct: func(l, j int, net, out, d float64) float64 {
		if at(l, j) {
			return ws.slope(net, out)
		}
		return d
	}}
}

// slopeCands returns a candidate for each wrong slope of activation a
// applied where at holds, with steps at the nodes of layers from..to.
func (c *slipCtx) slopeCands(a mathcore.Activation, from, to int, at func(l, j int) bool, where string) []candidate {
	var cs []candidate
	for _, ws := range wrongSlopes(a) {
		v := evaluate(c.n, slopeRules(ws, at))
		var st []Step
		for l := from; l <= to; l++ {
			for k := range c.n.Sizes[l] {
				if at(l, k) && v.dAct[l][k] != c.ex.dAct[l][k] {
					st = append(st, Step{Symbol: c.actSym(l, k), Value: v.dAct[l][k], Exact: c.ex.dAct[l][k]})
				}
			}
		}
		if len(st) == 0 {
			continue
		}
		cd := c.cand(v.value(c.q), ws.what+where, st...)
		if ws.late {
			cd[0].rank += 20
		}
		cs = append(cs, cd...)
	}
	return cs
}

// activationSlope uses a wrong slope at one node, at every node of one
// layer (one rank later) or at every node of one activation (four ranks
// later).
func (c *slipCtx) activationSlope(site) []candidate {
	var cs []candidate
	for _, at := range c.sites(perNode) {
		cs = append(cs, c.nodeSlope(at)...)
	}
	for _, at := range c.sites(perLayer) {
		cs = append(cs, ranked(c.layerWrongSlope(at), 1)...)
	}
	return append(cs, ranked(c.everyWrongSlope(site{}), 4)...)
}

// ranked returns cs, each made later by d ranks.
func ranked(cs []candidate, d int) []candidate {
	for i := range cs {
		cs[i].rank += d
	}
	return cs
}

// nodeSlope uses a wrong slope at one node.
func (c *slipCtx) nodeSlope(at site) []candidate {
	return c.slopeCands(c.n.Activations[at.l-1], at.l, at.l, func(l, j int) bool { return l == at.l && j == at.k },
		" (at "+c.n.NodeLabel(at.l, at.k)+")")
}

// layerWrongSlope uses a wrong slope at every node of one layer.
func (c *slipCtx) layerWrongSlope(at site) []candidate {
	if c.n.Sizes[at.l] < 2 {
		return nil // the same as at its one node
	}
	return c.slopeCands(c.n.Activations[at.l-1], at.l, at.l, func(l, _ int) bool { return l == at.l },
		" (at every node of the "+c.n.LayerName(at.l)+")")
}

// everyWrongSlope uses a wrong slope at every node of each activation.
func (c *slipCtx) everyWrongSlope(site) []candidate {
	var cs []candidate
	seen := map[mathcore.Activation]bool{}
	for _, a := range c.n.Activations {
		if seen[a] {
			continue
		}
		seen[a] = true
		layers := 0
		for _, b := range c.n.Activations {
			if a == b {
				layers++
			}
		}
		if layers < 2 {
			continue // the same as at its one layer
		}
		cs = append(cs, c.slopeCands(a, 1, c.L, func(l, _ int) bool { return c.n.Activations[l-1] == a },
			" (at every "+a.String()+" node)")...)
	}
	return cs
}

// roundTo returns a function that rounds to d decimals.
func roundTo(d int) func(float64) float64 {
	p := math.Pow(10, float64(d))
	return func(x float64) float64 { return math.Round(x*p) / p }
}

// reluSlope returns the ReLU's slope where the net is positive (1) or not (0).
func reluSlope(positive bool) float64 {
	if positive {
		return 1
	}
	return 0
}
