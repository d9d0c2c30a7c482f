package judge

import "nnmath/mathcore"

// scope says where a slip rule applies: once per quantity, at each node,
// or at each layer.
type scope int

const (
	once     scope = iota
	perNode        // at each node (l, k) of layers 1..L
	perLayer       // at each layer l of 1..L
)

// site is where a per-node or per-layer rule is tried: layer l, node k
// (k is 0 for a layer).
type site struct{ l, k int }

// slipRule is one way to slip: its id, its rank (lower is more specific),
// where it applies and how to recompute the quantity under it. A rule may
// give several candidates (one per wrong input, per wrong path) or none
// (when it does not apply to the quantity).
type slipRule struct {
	id    SlipID
	rank  int
	scope scope
	make  func(c *slipCtx, at site) []candidate
}

// slipRules lists every slip the judge tries, in the order it tries them.
// Consecutive per-node (or per-layer) rules are tried together at each node
// (layer) in turn, so that the candidates of one node come together.
var slipRules = []slipRule{
	{PaperValue, 0, once, (*slipCtx).paperValue},
	{Sign, 90, once, (*slipCtx).sign},
	{SigmoidSign, 10, once, (*slipCtx).inputSigmoidSign},
	{NetForOut, 10, once, (*slipCtx).inputNetForOut},
	{WrongInput, 10, once, (*slipCtx).wrongInput},
	{UpdateSign, 5, once, (*slipCtx).updateSign},
	{MissingEta, 5, once, (*slipCtx).missingEta},
	{DJdoutMinusOne, 10, once, (*slipCtx).dJdoutMinusOne},
	{MSEFactor, 10, once, (*slipCtx).mseFactor},
	{NoStep, 5, once, (*slipCtx).noStep},
	{GradientAsWeight, 5, once, (*slipCtx).gradientAsWeight},
	{WeightAsGradient, 5, once, (*slipCtx).weightAsGradient},
	{SwappedIndices, 15, once, (*slipCtx).swappedIndices},

	{SigmoidSign, 20, perNode, (*slipCtx).nodeSigmoidSign},
	{NetForOut, 20, perNode, (*slipCtx).nodeNetForOut},
	{OutForNet, 10, perNode, (*slipCtx).outAskedForNet},
	{OutForNet, 20, perNode, (*slipCtx).nodeActTwice},
	{NetForOut, 15, perNode, (*slipCtx).slopeAtNet},
	{OutForNet, 15, perNode, (*slipCtx).slopeAtOut},

	{SigmoidSign, 30, once, (*slipCtx).hiddenSigmoidSign},
	{SigmoidSign, 31, once, (*slipCtx).everySigmoidSign},

	{MissingDerivative, 20, perLayer, (*slipCtx).layerSlope},
	{DoubleDerivative, 20, perLayer, (*slipCtx).layerSlope},
	{NetForOut, 25, perLayer, (*slipCtx).layerFeedsNet},

	{MissingDerivative, 30, once, (*slipCtx).everySlope},
	{DoubleDerivative, 30, once, (*slipCtx).everySlope},
	{UpdatedWeight, 10, once, (*slipCtx).updatedWeight},
	{WrongPath, 10, once, (*slipCtx).wrongPath},
	{ActivationSlope, 18, once, (*slipCtx).activationSlope},
	{EarlyRounding, 85, once, (*slipCtx).earlyRounding},
}

// slipCtx holds what the rules need to recompute one quantity q: the
// network, its exact values and the rule being tried.
type slipCtx struct {
	j     *Judge
	n     *mathcore.Network
	ex    *values
	q     Quantity
	L     int
	small bool // few enough weights to try per-node and per-path variants
	rule  slipRule
}

// candidates recomputes q under every slip that changes it.
func (j *Judge) candidates(q Quantity) []candidate {
	c := &slipCtx{j: j, n: j.net, ex: j.exact, q: q, L: j.net.Output(), small: weightCount(j.net) <= maxVariantWeights}
	exact := c.ex.value(q)
	var cs []candidate
	try := func(r slipRule, at site) {
		c.rule = r
		for _, cd := range r.make(c, at) {
			if finite(cd.value) && !j.matches(q, cd.value, exact) {
				cs = append(cs, cd)
			}
		}
	}
	for i := 0; i < len(slipRules); {
		group := slipRules[i:]
		for k, r := range group {
			if r.scope != group[0].scope {
				group = group[:k]
				break
			}
		}
		i += len(group)
		for _, at := range c.sites(group[0].scope) {
			for _, r := range group {
				try(r, at)
			}
		}
	}
	return cs
}

// sites returns where rules of scope s are tried for q.
func (c *slipCtx) sites(s scope) []site {
	switch s {
	case perNode:
		var at []site
		for l := 1; l <= c.L; l++ {
			for k := range c.n.Sizes[l] {
				if c.small || (c.q.Layer == l && c.q.Node == k) {
					at = append(at, site{l, k})
				}
			}
		}
		return at
	case perLayer:
		at := make([]site, c.L)
		for l := range at {
			at[l] = site{l: l + 1}
		}
		return at
	}
	return []site{{}}
}

// cand returns a candidate of the rule being tried.
func (c *slipCtx) cand(value float64, what string, steps ...Step) []candidate {
	return []candidate{{id: c.rule.id, rank: c.rule.rank, value: value, what: what, steps: steps}}
}

// eval returns q recomputed under r.
func (c *slipCtx) eval(r *rules) float64 { return evaluate(c.n, r).value(c.q) }

func (c *slipCtx) outSym(l, k int) string { return c.n.OutSymbol(l, k) }

func (c *slipCtx) actSym(l, k int) string {
	return c.n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: l, Node: k})
}

// backward reports whether q is computed in the backward pass.
func (c *slipCtx) backward() bool {
	return c.q.Kind == KindDOut || c.q.Kind == KindDelta || c.q.Kind == KindGrad
}

// outputSteps returns a step for dJ/dout of each output node, with get
// giving its value under the slip.
func (c *slipCtx) outputSteps(get func(k int) float64) []Step {
	var st []Step
	for k := range c.n.Sizes[c.L] {
		st = append(st, Step{Symbol: "dJ/d" + c.outSym(c.L, k), Value: get(k), Exact: c.ex.dOut[c.L][k]})
	}
	return st
}

// layerSteps returns a step for each node of layers from..to, named by sym,
// with get reading its value from v beside the exact one.
func (c *slipCtx) layerSteps(from, to int, v *values, sym func(l, k int) string, get func(v *values, l, k int) float64) []Step {
	var st []Step
	for l := from; l <= to; l++ {
		for k := range c.n.Sizes[l] {
			st = append(st, Step{Symbol: sym(l, k), Value: get(v, l, k), Exact: get(c.ex, l, k)})
		}
	}
	return st
}

func outOf(v *values, l, k int) float64  { return v.out[l][k] }
func dActOf(v *values, l, k int) float64 { return v.dAct[l][k] }
