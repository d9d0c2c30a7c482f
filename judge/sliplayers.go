package judge

import "nnmath/mathcore"

// The rules of slipRules that slip a whole layer, every layer, or the
// weights of the backward pass.

// sigmoidUpTo returns rules that use σ(-x) for σ(x) at every
// sigmoid node of layers 1..upto.
func (c *slipCtx) sigmoidUpTo(upto int) *rules {
	return &rules{act: func(l, _ int, net, out float64) float64 {
		if l <= upto && c.n.Activations[l-1] == mathcore.Sigmoid {
			return mathcore.SigmoidOf(-net)
		}
		return out
	}}
}

// hiddenSigmoidSign uses σ(-x) at every hidden node: the paper's slip.
func (c *slipCtx) hiddenSigmoidSign(site) []candidate {
	if c.L < 2 {
		return nil
	}
	v := evaluate(c.n, c.sigmoidUpTo(c.L-1))
	what := "σ(-x) = 1/(1 + e^x) is used for σ(x) at every hidden node, and the later steps carry it"
	if c.j.paper { // on the paper's network, say that the paper did the same
		what = "σ(-x) = 1/(1 + e^x) is used for σ(x) at every hidden node, as the paper does, and the later steps carry it"
	}
	return c.cand(v.value(c.q), what, c.layerSteps(1, c.L-1, v, c.outSym, outOf)...)
}

// everySigmoidSign uses σ(-x) at every node.
func (c *slipCtx) everySigmoidSign(site) []candidate {
	if c.L < 2 {
		return nil
	}
	v := evaluate(c.n, c.sigmoidUpTo(c.L))
	return c.cand(v.value(c.q), "σ(-x) = 1/(1 + e^x) is used for σ(x) at every node",
		c.layerSteps(1, c.L, v, c.outSym, outOf)...)
}

// slopeSlip returns the slope dout/dnet d under the rule's slip: left out
// (MissingDerivative) or applied twice (DoubleDerivative).
func (c *slipCtx) slopeSlip(d float64) float64 {
	if c.rule.id == MissingDerivative {
		return 1
	}
	return d * d
}

// slopeWhat names the rule's slope slip for the factors named by which.
func (c *slipCtx) slopeWhat(which string) string {
	if c.rule.id == DoubleDerivative {
		return which + " is applied twice"
	}
	return which + " is left out"
}

// layerSlope leaves out, or applies twice, the slope of one layer.
func (c *slipCtx) layerSlope(at site) []candidate {
	r := &rules{dAct: func(l, _ int, _, _, d float64) float64 {
		if l != at.l {
			return d
		}
		return c.slopeSlip(d)
	}}
	v := evaluate(c.n, r)
	return c.cand(v.value(c.q), c.slopeWhat("the factor dout/dnet of the "+c.n.LayerName(at.l)),
		c.layerSteps(at.l, at.l, v, c.actSym, dActOf)...)
}

// everySlope leaves out, or applies twice, every slope.
func (c *slipCtx) everySlope(site) []candidate {
	if c.L < 2 {
		return nil
	}
	v := evaluate(c.n, &rules{dAct: func(_, _ int, _, _, d float64) float64 { return c.slopeSlip(d) }})
	return c.cand(v.value(c.q), c.slopeWhat("every factor dout/dnet"), c.layerSteps(1, c.L, v, c.actSym, dActOf)...)
}

// layerFeedsNet passes a layer's nets on where their outs belong:
// net_o = w9 · net_h1 + w10 · net_h2.
func (c *slipCtx) layerFeedsNet(at site) []candidate {
	if at.l >= c.L {
		return nil
	}
	v := evaluate(c.n, &rules{feed: func(ll, _ int, net, out float64) float64 {
		if ll == at.l {
			return net
		}
		return out
	}})
	var st []Step
	for k := range c.n.Sizes[at.l] {
		st = append(st, Step{Symbol: c.outSym(at.l, k) + " (as passed on)", Value: c.ex.net[at.l][k], Exact: c.ex.out[at.l][k]})
	}
	return c.cand(v.value(c.q),
		"the nets of the "+c.n.LayerName(at.l)+" are passed on to the next layer where their outs belong (as in net_o = w9 · net_h1 + w10 · net_h2)",
		st...)
}

// updatedWeight uses the weights after the update in the backward pass.
func (c *slipCtx) updatedWeight(site) []candidate {
	if c.L < 2 {
		return nil
	}
	n, ex := c.n, c.ex
	r := &rules{weight: func(l, k, jj int, _ float64) float64 {
		return ex.newValue(mathcore.Param{Layer: l, From: jj, To: k})
	}}
	var st []Step
	for l := 1; l < c.L; l++ {
		for jj := range n.Sizes[l] {
			for k := range n.Sizes[l+1] {
				p := mathcore.Param{Layer: l, From: jj, To: k}
				st = append(st, Step{Symbol: n.ParamLabel(p), Value: ex.newValue(p), Exact: n.Weights[l][k][jj]})
			}
		}
	}
	return c.cand(c.eval(r),
		"the weights after the update are used in the backward pass where the old ones belong (the gradients all use the weights before the step)",
		st...)
}

// wrongPath uses a sibling's weights on the backward path of a node.
func (c *slipCtx) wrongPath(site) []candidate {
	var cs []candidate
	for l := 1; l < c.L && c.small; l++ {
		for src := range c.n.Sizes[l] {
			for sib := range c.n.Sizes[l] {
				if sib != src {
					cs = append(cs, c.siblingPath(l, src, sib)...)
				}
			}
		}
	}
	return cs
}

// siblingPath uses the weights out of node sib of layer l where those out
// of node src belong.
func (c *slipCtx) siblingPath(layer, src, sib int) []candidate {
	n := c.n
	r := &rules{weight: func(l, k, jj int, w float64) float64 {
		if l == layer && jj == src {
			return n.Weights[l][k][sib]
		}
		return w
	}}
	var st []Step
	var wrong, right []string
	for k := range n.Sizes[layer+1] {
		f := mathcore.Factor{Kind: mathcore.WeightFactor, Layer: layer + 1, Node: k, Source: src}
		st = append(st, Step{Symbol: n.FactorSymbol(f), Value: n.Weights[layer][k][sib], Exact: n.Weights[layer][k][src]})
		wrong = append(wrong, n.ParamLabel(mathcore.Param{Layer: layer, From: sib, To: k}))
		right = append(right, n.ParamLabel(mathcore.Param{Layer: layer, From: src, To: k}))
	}
	return c.cand(c.eval(r),
		"a weight on the wrong path: "+list(wrong)+" (from "+n.NodeLabel(layer, sib)+") is used where "+
			list(right)+" (from "+n.NodeLabel(layer, src)+") belongs",
		st...)
}
