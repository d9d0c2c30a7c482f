package judge

import (
	"math"
	"slices"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// The rules of slipRules that answer another quantity (the gradient for
// the new weight, the old weight), use another loss factor, transpose a
// weight's indices or round too early.

// noStep gives the old value of an updated parameter.
func (c *slipCtx) noStep(site) []candidate {
	if c.q.Kind != KindNew {
		return nil
	}
	label := c.n.ParamLabel(c.q.Param)
	return c.cand(c.n.Value(c.q.Param), "the answer is "+label+" before the update: the step η · dJ/d"+label+" is left out")
}

// gradientAsWeight gives the gradient where the new value is asked.
func (c *slipCtx) gradientAsWeight(site) []candidate {
	if c.q.Kind != KindNew {
		return nil
	}
	label := c.n.ParamLabel(c.q.Param)
	return c.cand(c.ex.grad(c.q.Param), "the answer is the gradient dJ/d"+label+", where the new value "+label+
		"_new = "+label+" − η · dJ/d"+label+" is asked")
}

// weightAsGradient gives the new value where the gradient is asked.
func (c *slipCtx) weightAsGradient(site) []candidate {
	if c.q.Kind != KindGrad {
		return nil
	}
	label := c.n.ParamLabel(c.q.Param)
	return c.cand(c.ex.newValue(c.q.Param), "the answer is the new value "+label+"_new = "+label+" − η · dJ/d"+label+
		", where the gradient dJ/d"+label+" is asked")
}

// lossFactor is a factor of -(y - out) in dJ/dout, the loss it belongs
// to, and both in words.
type lossFactor struct {
	f          float64
	what, loss string
}

// lossFactors returns the factors of dJ/dout a learner may use for a loss
// over n outputs, the one of the mean squared error first.
func lossFactors(n float64) []lossFactor {
	return []lossFactor{
		{2 / n, "2/n, the factor of J = (1/n) Σ (y − out)²", "(1/n) Σ (y − out)²"},
		{1, "1, the factor of J = ½ Σ (y − out)²", "½ Σ (y − out)²"},
		{1 / n, "1/n (J = ½ Σ (y − out)² divided by n, or the 2 of J = (1/n) Σ (y − out)² left out)", "½ Σ (y − out)² divided by n"},
		{2, "2 (J = Σ (y − out)², or the 1/n of J = (1/n) Σ (y − out)² left out)", "Σ (y − out)², without ½ or 1/n"},
	}
}

// mseFactor uses a wrong constant factor in the loss and its derivative.
func (c *slipCtx) mseFactor(site) []candidate {
	n := float64(c.n.Sizes[c.L])
	exact := lossFactors(n)[1]
	if c.n.Loss == mathcore.MSE {
		exact = lossFactors(n)[0]
	}
	var cs []candidate
	var seen []float64
	for _, lf := range lossFactors(n) {
		if lf.f == exact.f || slices.Contains(seen, lf.f) {
			continue
		}
		seen = append(seen, lf.f)
		v := evaluate(c.n, &rules{lossScale: lf.f / 2, dOutScale: lf.f})
		what := "dJ/dout is taken with the factor " + lf.what + ", where the network's loss has " + exact.what
		if c.q.Kind == KindLoss {
			cs = append(cs, c.cand(v.loss, "J is computed as "+lf.loss+", where the network's loss is J = "+exact.loss)...)
			continue
		}
		cs = append(cs, c.cand(v.value(c.q), what, c.outputSteps(func(k int) float64 { return v.dOut[c.L][k] })...)...)
	}
	return cs
}

// swappedIndices uses the weight of the edge j -> k for k -> j in one
// weight layer: in the forward pass, in the backward pass, or as the old
// value of an update.
func (c *slipCtx) swappedIndices(site) []candidate {
	var cs []candidate
	n := c.n
	for l := range n.Weights {
		rows, cols := n.Sizes[l+1], n.Sizes[l]
		swap := func(ll, k, j int, w float64) float64 {
			if ll == l && j < rows && k < cols {
				return n.Weights[l][j][k]
			}
			return w
		}
		what := "the indices of the weights into the " + n.LayerName(l+1) + " are swapped: the weight of the edge j → k is used for k → j" +
			swapExample(n, l)
		cs = append(cs, c.cand(c.eval(&rules{fwd: swap}), what+" in the forward pass")...)
		if l >= 1 {
			cs = append(cs, c.cand(c.eval(&rules{weight: swap}), what+" in the backward pass")...)
			cs = append(cs, c.cand(c.eval(&rules{fwd: swap, weight: swap}), what+" in both passes")...)
		}
	}
	if p := c.q.Param; c.q.Kind == KindNew && !p.Bias && p.From < n.Sizes[p.Layer+1] && p.To < n.Sizes[p.Layer] {
		t := mathcore.Param{Layer: p.Layer, From: p.To, To: p.From}
		old := n.Weights[p.Layer][p.From][p.To]
		cs = append(cs, c.cand(old-n.LearningRate*c.ex.grad(p), "the old value is "+n.ParamLabel(t)+" = "+short(old)+
			", the weight with the indices swapped, where "+n.ParamLabel(p)+" = "+short(n.Value(p))+" belongs")...)
	}
	return cs
}

// earlyRounding rounds every intermediate value to 2 or 3 decimals, or
// the answer itself to 2, 3 or 4 decimals.
func (c *slipCtx) earlyRounding(site) []candidate {
	var cs []candidate
	for d := 2; d <= 3; d++ {
		for products := range 3 {
			v := evaluate(c.n, &rules{round: roundTo(d), roundProducts: products})
			cd := c.roundingCand(v, d)
			if c.q.Kind == KindNew && v.value(c.q) == c.n.Value(c.q.Param) {
				cd[0].rank = 95 // the old value: no_step first
			}
			cs = append(cs, cd...)
		}
	}
	exact := c.ex.value(c.q)
	for d := 4; d >= 2; d-- {
		r := roundTo(d)(exact)
		if r == 0 {
			r = 0 // never -0
		}
		if c.q.Kind == KindNew && r == c.n.Value(c.q.Param) {
			continue // the old value: no_step
		}
		cd := c.cand(r, "the answer is rounded to "+numtext.FormatSig(float64(d), 1)+" decimals, "+
			plainDecimals(r, d)+", which leaves too few of its figures: write it in significant figures, "+sig(exact))
		if roundTo(4)(exact) == 0 {
			cd[0].rank = 1 // a tiny value written as 0.0000: say so before any other slip that gives 0
		}
		cs = append(cs, cd...)
	}
	return cs
}

// roundingCand returns the candidate of a pass v that rounds every
// intermediate to d decimals, naming the intermediate the rounding moves
// most, with the figures to keep.
func (c *slipCtx) roundingCand(v *values, d int) []candidate {
	var worst Step
	worstErr := 0.0
	last, forward := c.L, c.q.Kind == KindNet || c.q.Kind == KindOut || c.q.Kind == KindLoss
	if c.q.Kind == KindNet || c.q.Kind == KindOut {
		last = c.q.Layer // only the values it is computed from
	}
	for l := 1; l <= last; l++ {
		for k := range c.n.Sizes[l] {
			steps := []Step{
				{Symbol: c.n.NetSymbol(l, k), Value: v.net[l][k], Exact: c.ex.net[l][k]},
				{Symbol: c.outSym(l, k), Value: v.out[l][k], Exact: c.ex.out[l][k]},
			}
			if !forward {
				steps = append(steps, Step{Symbol: c.actSym(l, k), Value: v.dAct[l][k], Exact: c.ex.dAct[l][k]},
					Step{Symbol: "dJ/d" + c.outSym(l, k), Value: v.dOut[l][k], Exact: c.ex.dOut[l][k]})
			}
			for _, s := range steps {
				if e := math.Abs(s.Value-s.Exact) / math.Abs(s.Exact); s.Exact != 0 && e > worstErr {
					worst, worstErr = s, e
				}
			}
		}
	}
	what := "every intermediate value is rounded to " + numtext.FormatSig(float64(d), 1) + " decimals"
	if worstErr > 0 {
		what += ": keep 4 significant figures in each, as " + worst.Symbol + " = " + sig(worst.Exact) + ", not " + plainDecimals(worst.Value, d)
	}
	return c.cand(v.value(c.q), what)
}

// plainDecimals writes x with d decimals.
func plainDecimals(x float64, d int) string { return numtext.Format(x, d) }

// swapExample names one pair of weights of layer l whose indices swap:
// " (w2, i2 → h1, for w5, i1 → h2)", or "" when there is none.
func swapExample(n *mathcore.Network, l int) string {
	for k := range min(n.Sizes[l+1], n.Sizes[l]) {
		for j := range min(n.Sizes[l+1], n.Sizes[l]) {
			if j != k {
				used, right := mathcore.Param{Layer: l, From: k, To: j}, mathcore.Param{Layer: l, From: j, To: k}
				return " (" + n.ParamLabel(used) + ", " + paramPath(n, used) + ", for " + n.ParamLabel(right) + ", " + paramPath(n, right) + ")"
			}
		}
	}
	return ""
}
