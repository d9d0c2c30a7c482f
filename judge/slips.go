package judge

import (
	"math"
	"sort"
	"strings"

	"nnmath/mathcore"
)

// SlipID is the stable name of a slip. The names keep their meaning; new
// ones may be added.
type SlipID string

// The slips the judge diagnoses.
const (
	Sign              SlipID = "sign"               // the sign of dJ/dout, or of the whole answer, flipped
	SigmoidSign       SlipID = "sigmoid_sign"       // sigma(-x) used for sigma(x)
	NetForOut         SlipID = "net_for_out"        // net used where out belongs
	OutForNet         SlipID = "out_for_net"        // out used where net belongs
	MissingDerivative SlipID = "missing_derivative" // the dout/dnet factor left out
	DoubleDerivative  SlipID = "double_derivative"  // the dout/dnet factor applied twice
	DJdoutMinusOne    SlipID = "dJdout_minus_one"   // dJ/dout taken as -1
	MSEFactor         SlipID = "mse_factor"         // the 2/n of J = (1/n) sum (y - out)^2 mixed with the 1/2 loss
	WrongPath         SlipID = "wrong_path"         // a weight on the wrong path (w10 for w9)
	UpdatedWeight     SlipID = "updated_weight"     // an already updated weight used in a hidden-layer gradient
	UpdateSign        SlipID = "update_sign"        // + instead of - in the update
	MissingEta        SlipID = "missing_eta"        // eta left out of the update
	WrongInput        SlipID = "wrong_input"        // the input of another node
	PaperValue        SlipID = "paper_value"        // the number the paper printed
)

// Slips lists every SlipID the judge diagnoses.
var Slips = []SlipID{Sign, SigmoidSign, NetForOut, OutForNet, MissingDerivative, DoubleDerivative,
	DJdoutMinusOne, MSEFactor, WrongPath, UpdatedWeight, UpdateSign, MissingEta, WrongInput, PaperValue}

// Diagnosis names the slip that explains a wrong answer.
type Diagnosis struct {
	Slip SlipID
	// Cause is, for PaperValue, the slip the paper made; otherwise it equals Slip.
	Cause SlipID
	// Value is the quantity recomputed under the slip.
	Value float64
	// Steps are where the slip enters, with the value each step has under
	// the slip beside its exact value.
	Steps []Step
	// Also lists the other slips that produce the answer too; Slip is the
	// most specific of them.
	Also        []SlipID
	Explanation string
}

// Step is one value of a worked computation: its symbol, its exact value
// and, when known, another value for it (the learner's, or the value a slip
// gives it).
type Step struct {
	Symbol  string
	Name    string // the quantity's canonical name, or "" when it is no quantity (an input, a weight)
	Exact   float64
	Value   float64 // the learner's or the slip's value
	HasUser bool    // whether Value is set
}

// candidate is one recomputation of a quantity under a slip.
type candidate struct {
	id    SlipID
	cause SlipID
	rank  int // lower is more specific
	value float64
	what  string // the slip in words
	steps []Step
	text  string // a full explanation that replaces the generated one
}

// maxVariantWeights bounds the networks for which per-node and per-path
// variants of a slip are tried; larger networks get the layer-wide ones.
const maxVariantWeights = 4096

// Diagnose recomputes q under each slip and returns the one whose value
// matches answer within the judge's tolerance. When several match, it
// returns the most specific and lists the others in Also. It reports false
// when no slip matches.
func (j *Judge) Diagnose(q Quantity, answer float64) (Diagnosis, bool) {
	if !finite(answer) {
		return Diagnosis{}, false
	}
	var hits []candidate
	for _, c := range j.candidates(q) {
		if j.matches(q, answer, c.value) {
			hits = append(hits, c)
		}
	}
	if len(hits) == 0 {
		return Diagnosis{}, false
	}
	relErr := func(c candidate) float64 {
		return math.Abs(answer-c.value) / max(math.Abs(c.value), AbsoluteFloor)
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return relErr(hits[a]) < relErr(hits[b])
	})
	best := hits[0]
	d := Diagnosis{Slip: best.id, Cause: best.cause, Value: best.value, Steps: best.steps}
	if d.Cause == "" {
		d.Cause = d.Slip
	}
	seen := map[SlipID]bool{best.id: true}
	for _, h := range hits[1:] {
		if !seen[h.id] {
			seen[h.id] = true
			d.Also = append(d.Also, h.id)
		}
	}
	d.Explanation = j.explainSlip(q, best, d.Also)
	return d, true
}

// explainSlip writes the diagnosis in plain words: the slip, the step where
// it enters with the value that step would have had, and what it gives.
func (j *Judge) explainSlip(q Quantity, c candidate, also []SlipID) string {
	var b strings.Builder
	if c.text != "" {
		b.WriteString(c.text)
	} else {
		b.WriteString("Slip " + string(c.id) + ": " + c.what + ".")
		if len(c.steps) > 0 {
			var names, vals, exact []string
			for _, s := range c.steps {
				names = append(names, s.Symbol)
				vals = append(vals, sig(s.Value))
				exact = append(exact, sig(s.Exact))
			}
			b.WriteString(" It enters at " + list(names) + ", which would be " + list(vals) +
				" instead of " + list(exact) + ";")
			b.WriteString(" carried through, " + q.Name + " = " + sig(c.value) + ".")
		} else {
			b.WriteString(" It gives " + q.Name + " = " + sig(c.value) + ".")
		}
	}
	if len(also) > 0 {
		ids := make([]string, len(also))
		for i, a := range also {
			ids[i] = string(a)
		}
		b.WriteString(" The answer also fits " + list(ids) + "; " + string(c.id) + " is named as the more specific slip.")
	}
	return b.String()
}

// list joins words as "a", "a and b" or "a, b and c".
func list(w []string) string {
	switch len(w) {
	case 0:
		return ""
	case 1:
		return w[0]
	}
	return strings.Join(w[:len(w)-1], ", ") + " and " + w[len(w)-1]
}

// candidates recomputes q under every slip that changes it.
func (j *Judge) candidates(q Quantity) []candidate {
	n, ex := j.net, j.exact
	L := n.Output()
	exact := ex.value(q)
	small := weightCount(n) <= maxVariantWeights
	var cs []candidate
	add := func(c candidate) {
		if finite(c.value) && !j.matches(q, c.value, exact) {
			cs = append(cs, c)
		}
	}
	eval := func(r *rules) float64 { return evaluate(n, r).value(q) }
	outSym := func(l, k int) string { return n.OutSymbol(l, k) }
	actSym := func(l, k int) string {
		return n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: l, Node: k})
	}
	nodeOf := func(l, k int) bool { return small || (q.Layer == l && q.Node == k) }
	backward := q.Kind == KindDOut || q.Kind == KindDelta || q.Kind == KindGrad

	if j.paper {
		for _, c := range j.paperCandidates(q) {
			add(c)
		}
	}

	// sign: dJ/dout with its sign flipped, or the whole answer.
	if exact != 0 {
		c := candidate{id: Sign, rank: 90, value: -exact, what: "the answer's sign is flipped"}
		if backward {
			c.what = "the sign of dJ/dout is flipped ((y - out) instead of -(y - out)), or the sign of the whole answer"
			for k := range n.Sizes[L] {
				c.steps = append(c.steps, Step{Symbol: "dJ/d" + outSym(L, k), Value: -ex.dOut[L][k], Exact: ex.dOut[L][k]})
			}
		}
		add(c)
	}

	// Slips in the factor dnet/dw of this gradient only.
	if (q.Kind == KindGrad || q.Kind == KindNew) && !q.Param.Bias {
		p := q.Param
		s, i := p.Layer, p.From
		only := func(v float64) func(mathcore.Param, *values, float64) float64 {
			return func(pp mathcore.Param, _ *values, in float64) float64 {
				if pp == p {
					return v
				}
				return in
			}
		}
		if s >= 1 {
			net, out := ex.net[s][i], ex.out[s][i]
			if n.Activations[s-1] == mathcore.Sigmoid {
				v := mathcore.SigmoidOf(-net)
				add(candidate{id: SigmoidSign, rank: 10, value: eval(&rules{input: only(v)}),
					what:  "sigma(-x) = 1/(1 + e^x) is used for sigma(x) in the factor " + outSym(s, i) + " of this chain, while the other factors keep their exact values",
					steps: []Step{{Symbol: outSym(s, i), Value: v, Exact: out}}})
			}
			add(candidate{id: NetForOut, rank: 10, value: eval(&rules{input: only(net)}),
				what:  n.NetSymbol(s, i) + " is used where " + outSym(s, i) + " belongs in the factor dnet/d" + n.ParamLabel(p),
				steps: []Step{{Symbol: outSym(s, i), Value: net, Exact: out}}})
		}
		for i2 := range n.Sizes[s] {
			if i2 == i || !(small || n.Sizes[s] <= 64) {
				continue
			}
			v := ex.out[s][i2]
			add(candidate{id: WrongInput, rank: 10, value: eval(&rules{input: only(v)}),
				what:  "the input of another node, " + outSym(s, i2) + ", is used where " + n.OutSymbol(s, i) + " belongs in the factor dnet/d" + n.ParamLabel(p),
				steps: []Step{{Symbol: n.OutSymbol(s, i), Value: v, Exact: ex.out[s][i]}}})
		}
	}

	// Slips in the update.
	if q.Kind == KindNew {
		add(candidate{id: UpdateSign, rank: 5, value: eval(&rules{step: func(old, g, eta float64) float64 { return old + eta*g }}),
			what: "the update adds eta · gradient instead of subtracting it: new = old + eta · dJ/d" + n.ParamLabel(q.Param) +
				" (gradient descent steps against the gradient)"})
		add(candidate{id: MissingEta, rank: 5, value: eval(&rules{step: func(old, g, _ float64) float64 { return old - g }}),
			what: "the learning rate eta is left out of the update: new = old - dJ/d" + n.ParamLabel(q.Param)})
	}

	// dJ/dout taken as -1.
	{
		over := map[key]float64{}
		var steps []Step
		for k := range n.Sizes[L] {
			over[nodeKey(KindDOut, L, k)] = -1
			steps = append(steps, Step{Symbol: "dJ/d" + outSym(L, k), Value: -1, Exact: ex.dOut[L][k]})
		}
		add(candidate{id: DJdoutMinusOne, rank: 10, value: eval(&rules{over: over}),
			what: "dJ/dout is taken as -1 (the slip the paper makes in its hidden-weight chain); it is -(y - out)", steps: steps})
	}

	// The loss's factor: 2/n of the (1/n) loss mixed with the 1/2 loss.
	{
		alt, what := 1/float64(n.Sizes[L]), "the factor of J = (1/n) sum (y - out)^2 is used (2/n in dJ/dout) where the network's J = 1/2 sum (y - out)^2 has 1/2 (1 in dJ/dout)"
		if n.Loss == mathcore.MSE {
			alt, what = 0.5, "the factor of J = 1/2 sum (y - out)^2 is used (1 in dJ/dout) where the network's J = (1/n) sum (y - out)^2 has 1/n (2/n in dJ/dout)"
		}
		v := evaluate(n, &rules{lossScale: alt})
		c := candidate{id: MSEFactor, rank: 10, value: v.value(q), what: what}
		if q.Kind == KindLoss {
			c.steps = []Step{{Symbol: "J", Value: v.loss, Exact: ex.loss}}
		} else {
			for k := range n.Sizes[L] {
				c.steps = append(c.steps, Step{Symbol: "dJ/d" + outSym(L, k), Value: v.dOut[L][k], Exact: ex.dOut[L][k]})
			}
		}
		add(c)
	}

	// Per node: sigma(-x), net for out, out for net, in the forward pass and in the slope.
	for l := 1; l <= L; l++ {
		act := n.Activations[l-1]
		for k := range n.Sizes[l] {
			if !nodeOf(l, k) {
				continue
			}
			net, out := ex.net[l][k], ex.out[l][k]
			one := func(kind Kind, v float64) *rules { return &rules{over: map[key]float64{nodeKey(kind, l, k): v}} }
			if act == mathcore.Sigmoid {
				v := mathcore.SigmoidOf(-net)
				add(candidate{id: SigmoidSign, rank: 20, value: eval(one(KindOut, v)),
					what:  "sigma(-x) = 1/(1 + e^x) is used for sigma(x) at " + outSym(l, k),
					steps: []Step{{Symbol: outSym(l, k), Value: v, Exact: out}}})
			}
			add(candidate{id: NetForOut, rank: 20, value: eval(one(KindOut, net)),
				what:  n.NetSymbol(l, k) + " is used where " + outSym(l, k) + " belongs (the activation is skipped)",
				steps: []Step{{Symbol: outSym(l, k), Value: net, Exact: out}}})
			if q.Kind == KindNet && q.Layer == l && q.Node == k {
				add(candidate{id: OutForNet, rank: 10, value: out,
					what: "the answer is " + outSym(l, k) + ", the output after the activation, where " + n.NetSymbol(l, k) + " (before it) is asked"})
			}
			add(candidate{id: OutForNet, rank: 20, value: eval(one(KindOut, act.Apply(out))),
				what:  "the activation is applied to " + outSym(l, k) + " where " + n.NetSymbol(l, k) + " belongs (applied twice)",
				steps: []Step{{Symbol: outSym(l, k), Value: act.Apply(out), Exact: out}}})
			dNet := act.Derivative(net, net)
			add(candidate{id: NetForOut, rank: 15, value: eval(one(KindDAct, dNet)),
				what:  n.NetSymbol(l, k) + " is used where " + outSym(l, k) + " belongs in the slope " + actSym(l, k) + " (" + slopeForm(act) + ")",
				steps: []Step{{Symbol: actSym(l, k), Value: dNet, Exact: ex.dAct[l][k]}}})
			dOut := act.Derivative(out, act.Apply(out))
			add(candidate{id: OutForNet, rank: 15, value: eval(one(KindDAct, dOut)),
				what:  "the slope " + actSym(l, k) + " is taken at " + outSym(l, k) + " instead of at " + n.NetSymbol(l, k),
				steps: []Step{{Symbol: actSym(l, k), Value: dOut, Exact: ex.dAct[l][k]}}})
		}
	}

	// Per layer and for every layer: sigma(-x), the slope left out or applied twice.
	layerSteps := func(from, to int, v *values, sym func(l, k int) string, get func(v *values, l, k int) float64) []Step {
		var st []Step
		for l := from; l <= to; l++ {
			for k := range n.Sizes[l] {
				st = append(st, Step{Symbol: sym(l, k), Value: get(v, l, k), Exact: get(ex, l, k)})
			}
		}
		return st
	}
	outOf := func(v *values, l, k int) float64 { return v.out[l][k] }
	dActOf := func(v *values, l, k int) float64 { return v.dAct[l][k] }
	sigLayers := func(upto int) *rules {
		return &rules{act: func(l, _ int, net, out float64) float64 {
			if l <= upto && n.Activations[l-1] == mathcore.Sigmoid {
				return mathcore.SigmoidOf(-net)
			}
			return out
		}}
	}
	if L >= 2 {
		v := evaluate(n, sigLayers(L-1))
		add(candidate{id: SigmoidSign, rank: 30, value: v.value(q),
			what:  "sigma(-x) = 1/(1 + e^x) is used for sigma(x) at every hidden node (the paper's slip), and the later steps carry it",
			steps: layerSteps(1, L-1, v, outSym, outOf)})
		v = evaluate(n, sigLayers(L))
		add(candidate{id: SigmoidSign, rank: 31, value: v.value(q),
			what:  "sigma(-x) = 1/(1 + e^x) is used for sigma(x) at every node",
			steps: layerSteps(1, L, v, outSym, outOf)})
	}
	for l := 1; l <= L; l++ {
		layer := l
		for _, slip := range []SlipID{MissingDerivative, DoubleDerivative} {
			r := &rules{dAct: func(l, _ int, _, _, d float64) float64 {
				if l != layer {
					return d
				}
				if slip == MissingDerivative {
					return 1
				}
				return d * d
			}}
			v := evaluate(n, r)
			what := "the factor dout/dnet of the " + n.LayerName(l) + " is left out"
			if slip == DoubleDerivative {
				what = "the factor dout/dnet of the " + n.LayerName(l) + " is applied twice"
			}
			add(candidate{id: slip, rank: 20, value: v.value(q), what: what, steps: layerSteps(l, l, v, actSym, dActOf)})
		}
		// net passed on where out belongs: net_o = w9 · net_h1 + w10 · net_h2.
		if l < L {
			v := evaluate(n, &rules{feed: func(ll, _ int, net, out float64) float64 {
				if ll == layer {
					return net
				}
				return out
			}})
			var st []Step
			for k := range n.Sizes[l] {
				st = append(st, Step{Symbol: outSym(l, k) + " (as passed on)", Value: ex.net[l][k], Exact: ex.out[l][k]})
			}
			add(candidate{id: NetForOut, rank: 25, value: v.value(q), steps: st,
				what: "the nets of the " + n.LayerName(l) + " are passed on to the next layer where their outs belong (as in net_o = w9 · net_h1 + w10 · net_h2)"})
		}
	}
	if L >= 2 {
		for _, slip := range []SlipID{MissingDerivative, DoubleDerivative} {
			r := &rules{dAct: func(_, _ int, _, _, d float64) float64 {
				if slip == MissingDerivative {
					return 1
				}
				return d * d
			}}
			v := evaluate(n, r)
			what := "every factor dout/dnet is left out"
			if slip == DoubleDerivative {
				what = "every factor dout/dnet is applied twice"
			}
			add(candidate{id: slip, rank: 30, value: v.value(q), what: what, steps: layerSteps(1, L, v, actSym, dActOf)})
		}
	}

	// Weights on the backward paths: a sibling's, or the already updated one.
	if L >= 2 {
		r := &rules{weight: func(l, k, jj int, _ float64) float64 { return ex.newW[l][k][jj] }}
		var st []Step
		for l := 1; l < L; l++ {
			for jj := range n.Sizes[l] {
				for k := range n.Sizes[l+1] {
					p := mathcore.Param{Layer: l, From: jj, To: k}
					st = append(st, Step{Symbol: n.ParamLabel(p), Value: ex.newW[l][k][jj], Exact: n.Weights[l][k][jj]})
				}
			}
		}
		add(candidate{id: UpdatedWeight, rank: 10, value: eval(r), steps: st,
			what: "the weights after the update are used in the backward pass where the old ones belong (the gradients all use the weights before the step)"})
	}
	for l := 1; l < L && small; l++ {
		for jj := range n.Sizes[l] {
			for j2 := range n.Sizes[l] {
				if j2 == jj {
					continue
				}
				layer, src, sib := l, jj, j2
				r := &rules{weight: func(l, k, jj int, w float64) float64 {
					if l == layer && jj == src {
						return n.Weights[l][k][sib]
					}
					return w
				}}
				var st []Step
				var wrong, right []string
				for k := range n.Sizes[l+1] {
					f := mathcore.Factor{Kind: mathcore.WeightFactor, Layer: l + 1, Node: k, Source: src}
					st = append(st, Step{Symbol: n.FactorSymbol(f), Value: n.Weights[l][k][sib], Exact: n.Weights[l][k][src]})
					wrong = append(wrong, n.ParamLabel(mathcore.Param{Layer: l, From: sib, To: k}))
					right = append(right, n.ParamLabel(mathcore.Param{Layer: l, From: src, To: k}))
				}
				add(candidate{id: WrongPath, rank: 10, value: eval(r), steps: st,
					what: "a weight on the wrong path: " + list(wrong) + " (from " + n.NodeLabel(l, sib) + ") is used where " +
						list(right) + " (from " + n.NodeLabel(l, src) + ") belongs"})
			}
		}
	}
	return cs
}

// slopeForm returns the activation's slope as written from its output.
func slopeForm(a mathcore.Activation) string {
	switch a {
	case mathcore.Sigmoid:
		return "out(1 - out)"
	case mathcore.Tanh:
		return "1 - out^2"
	case mathcore.ReLU:
		return "1 when net > 0, else 0"
	}
	return "1"
}

func weightCount(n *mathcore.Network) int {
	c := 0
	for l := 0; l+1 < len(n.Sizes); l++ {
		c += n.Sizes[l] * n.Sizes[l+1]
	}
	return c
}
