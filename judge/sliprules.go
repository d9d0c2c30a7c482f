package judge

import "nnmath/mathcore"

// The rules of slipRules: each recomputes q under one slip.

// paperValue gives the paper's printed value of q, for the paper's network.
func (c *slipCtx) paperValue(site) []candidate {
	if !c.j.paper {
		return nil
	}
	return c.j.paperCandidates(c.q)
}

// sign flips dJ/dout, or the whole answer.
func (c *slipCtx) sign(site) []candidate {
	exact := c.ex.value(c.q)
	if exact == 0 {
		return nil
	}
	if !c.backward() {
		return c.cand(-exact, "the answer's sign is flipped")
	}
	return c.cand(-exact, "the sign of dJ/dout is flipped ((y - out) instead of -(y - out)), or the sign of the whole answer",
		c.outputSteps(func(k int) float64 { return -c.ex.dOut[c.L][k] })...)
}

// inputFactor returns the weight of q, a gradient or update of a weight,
// and whether q is one.
func (c *slipCtx) inputFactor() (mathcore.Param, bool) {
	return c.q.Param, (c.q.Kind == KindGrad || c.q.Kind == KindNew) && !c.q.Param.Bias
}

// inputOnly returns rules that give the factor dnet/dp of p the value v,
// and leave every other factor exact.
func inputOnly(p mathcore.Param, v float64) *rules {
	return &rules{input: func(pp mathcore.Param, _ *values, in float64) float64 {
		if pp == p {
			return v
		}
		return in
	}}
}

// inputSigmoidSign uses σ(-x) in the factor dnet/dw of this gradient.
func (c *slipCtx) inputSigmoidSign(site) []candidate {
	p, ok := c.inputFactor()
	s, i := p.Layer, p.From
	if !ok || s < 1 || c.n.Activations[s-1] != mathcore.Sigmoid {
		return nil
	}
	v := mathcore.SigmoidOf(-c.ex.net[s][i])
	return c.cand(c.eval(inputOnly(p, v)),
		"σ(-x) = 1/(1 + e^x) is used for σ(x) in the factor "+c.outSym(s, i)+" of this chain, while the other factors keep their exact values",
		Step{Symbol: c.outSym(s, i), Value: v, Exact: c.ex.out[s][i]})
}

// inputNetForOut uses net for out in the factor dnet/dw of this gradient.
func (c *slipCtx) inputNetForOut(site) []candidate {
	p, ok := c.inputFactor()
	s, i := p.Layer, p.From
	if !ok || s < 1 {
		return nil
	}
	net := c.ex.net[s][i]
	return c.cand(c.eval(inputOnly(p, net)),
		c.n.NetSymbol(s, i)+" is used where "+c.outSym(s, i)+" belongs in the factor dnet/d"+c.n.ParamLabel(p),
		Step{Symbol: c.outSym(s, i), Value: net, Exact: c.ex.out[s][i]})
}

// wrongInput uses another node's output in the factor dnet/dw.
func (c *slipCtx) wrongInput(site) []candidate {
	p, ok := c.inputFactor()
	if !ok {
		return nil
	}
	s, i := p.Layer, p.From
	var cs []candidate
	for i2 := range c.n.Sizes[s] {
		if i2 == i || !(c.small || c.n.Sizes[s] <= 64) {
			continue
		}
		v := c.ex.out[s][i2]
		cs = append(cs, c.cand(c.eval(inputOnly(p, v)),
			"the input of another node, "+c.outSym(s, i2)+", is used where "+c.n.OutSymbol(s, i)+" belongs in the factor dnet/d"+c.n.ParamLabel(p),
			Step{Symbol: c.n.OutSymbol(s, i), Value: v, Exact: c.ex.out[s][i]})...)
	}
	return cs
}

// updateSign adds η · gradient in the update.
func (c *slipCtx) updateSign(site) []candidate {
	if c.q.Kind != KindNew {
		return nil
	}
	return c.cand(c.eval(&rules{step: func(old, g, eta float64) float64 { return old + eta*g }}),
		"the update adds η · gradient instead of subtracting it: new = old + η · dJ/d"+c.n.ParamLabel(c.q.Param)+
			" (gradient descent steps against the gradient)")
}

// missingEta leaves eta out of the update.
func (c *slipCtx) missingEta(site) []candidate {
	if c.q.Kind != KindNew {
		return nil
	}
	return c.cand(c.eval(&rules{step: func(old, g, _ float64) float64 { return old - g }}),
		"the learning rate η is left out of the update: new = old - dJ/d"+c.n.ParamLabel(c.q.Param))
}

// dJdoutMinusOne takes dJ/dout as -1.
func (c *slipCtx) dJdoutMinusOne(site) []candidate {
	over := map[key]float64{}
	for k := range c.n.Sizes[c.L] {
		over[nodeKey(KindDOut, c.L, k)] = -1
	}
	what := "dJ/dout is taken as -1; it is -(y - out)"
	if c.j.paper { // on the paper's network, say that the paper did the same
		what = "dJ/dout is taken as -1 (as the paper does in its chain for w1); it is -(y - out)"
	}
	return c.cand(c.eval(&rules{over: over}), what, c.outputSteps(func(int) float64 { return -1 })...)
}

// overNode returns rules that give one value of node (l, k) the value v.
func overNode(kind Kind, at site, v float64) *rules {
	return &rules{over: map[key]float64{nodeKey(kind, at.l, at.k): v}}
}

// nodeSigmoidSign uses σ(-x) at one node.
func (c *slipCtx) nodeSigmoidSign(at site) []candidate {
	if c.n.Activations[at.l-1] != mathcore.Sigmoid {
		return nil
	}
	v := mathcore.SigmoidOf(-c.ex.net[at.l][at.k])
	return c.cand(c.eval(overNode(KindOut, at, v)),
		"σ(-x) = 1/(1 + e^x) is used for σ(x) at "+c.outSym(at.l, at.k),
		Step{Symbol: c.outSym(at.l, at.k), Value: v, Exact: c.ex.out[at.l][at.k]})
}

// nodeNetForOut skips the activation at one node.
func (c *slipCtx) nodeNetForOut(at site) []candidate {
	net := c.ex.net[at.l][at.k]
	return c.cand(c.eval(overNode(KindOut, at, net)),
		c.n.NetSymbol(at.l, at.k)+" is used where "+c.outSym(at.l, at.k)+" belongs (the activation is skipped)",
		Step{Symbol: c.outSym(at.l, at.k), Value: net, Exact: c.ex.out[at.l][at.k]})
}

// outAskedForNet answers a node's out where its net is asked.
func (c *slipCtx) outAskedForNet(at site) []candidate {
	if c.q.Kind != KindNet || c.q.Layer != at.l || c.q.Node != at.k {
		return nil
	}
	return c.cand(c.ex.out[at.l][at.k],
		"the answer is "+c.outSym(at.l, at.k)+", the output after the activation, where "+c.n.NetSymbol(at.l, at.k)+" (before it) is asked")
}

// nodeActTwice applies the activation twice at one node.
func (c *slipCtx) nodeActTwice(at site) []candidate {
	out := c.ex.out[at.l][at.k]
	v := c.n.Activations[at.l-1].Apply(out)
	return c.cand(c.eval(overNode(KindOut, at, v)),
		"the activation is applied to "+c.outSym(at.l, at.k)+" where "+c.n.NetSymbol(at.l, at.k)+" belongs (applied twice)",
		Step{Symbol: c.outSym(at.l, at.k), Value: v, Exact: out})
}

// slopeAtNet writes the slope's out as net at one node.
func (c *slipCtx) slopeAtNet(at site) []candidate {
	act, net := c.n.Activations[at.l-1], c.ex.net[at.l][at.k]
	d := act.Derivative(net, net)
	return c.cand(c.eval(overNode(KindDAct, at, d)),
		c.n.NetSymbol(at.l, at.k)+" is used where "+c.outSym(at.l, at.k)+" belongs in the slope "+c.actSym(at.l, at.k)+" ("+slopeForm(act)+")",
		Step{Symbol: c.actSym(at.l, at.k), Value: d, Exact: c.ex.dAct[at.l][at.k]})
}

// slopeAtOut takes the slope at out instead of at net at one node.
func (c *slipCtx) slopeAtOut(at site) []candidate {
	act, out := c.n.Activations[at.l-1], c.ex.out[at.l][at.k]
	d := act.Derivative(out, act.Apply(out))
	return c.cand(c.eval(overNode(KindDAct, at, d)),
		"the slope "+c.actSym(at.l, at.k)+" is taken at "+c.outSym(at.l, at.k)+" instead of at "+c.n.NetSymbol(at.l, at.k),
		Step{Symbol: c.actSym(at.l, at.k), Value: d, Exact: c.ex.dAct[at.l][at.k]})
}
