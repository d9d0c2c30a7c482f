package judge

import (
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// Worked is the worked computation of a quantity: its formula, the values
// it is built from with the learner's beside the exact ones where the
// learner gave them, and the result with the learner's answer.
type Worked struct {
	Quantity Quantity
	// Formula is the computation in symbols, such as
	// "dJ/dw9 = dJ/dout · dout/dnet_o · dnet_o/dw9".
	Formula string
	// Sum is set when Paths are products that are added: the paths of the
	// chain rule, or the terms w · x of a net. Otherwise Paths holds one
	// list: the operands of the formula.
	Sum   bool
	Paths [][]Step
	// Result is the quantity itself; its Value is the learner's answer.
	Result Step
}

// Chain returns the worked computation of q, with answer as the learner's
// value of q and earlier (quantity name -> value, may be nil) as the
// learner's values of the steps. Unknown names in earlier are ignored.
func (j *Judge) Chain(q Quantity, answer float64, earlier map[string]float64) Worked {
	user := map[string]float64{}
	for name, v := range earlier {
		if e, err := j.Lookup(name); err == nil {
			user[e.Name] = v
		}
	}
	b := &chainBuilder{j: j, n: j.net, ex: j.exact, L: j.net.Output(), user: user}
	w := Worked{Quantity: q, Result: Step{Symbol: q.Name, Name: q.Name, Exact: b.ex.value(q), Value: answer, HasUser: true}}
	switch q.Kind {
	case KindNet:
		b.net(&w)
	case KindOut:
		net := b.n.NetSymbol(q.Layer, q.Node)
		w.Formula = q.Name + " = " + activationSymbol(b.n.Activations[q.Layer-1]) + "(" + net + ")"
		w.Paths = [][]Step{{b.step(net, ptr(nodeKey(KindNet, q.Layer, q.Node)), b.ex.net[q.Layer][q.Node])}}
	case KindLoss:
		b.loss(&w)
	case KindDOut:
		b.dOut(&w)
	case KindDAct:
		b.dAct(&w)
	case KindDelta:
		dout := "dJ/d" + b.n.OutSymbol(q.Layer, q.Node)
		dact := b.n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: q.Layer, Node: q.Node})
		w.Formula = q.Name + " = " + dout + " · " + dact
		w.Sum = true
		w.Paths = [][]Step{{
			b.step(dout, ptr(nodeKey(KindDOut, q.Layer, q.Node)), b.ex.dOut[q.Layer][q.Node]),
			b.step(dact, ptr(nodeKey(KindDAct, q.Layer, q.Node)), b.ex.dAct[q.Layer][q.Node]),
		}}
	case KindWeightFactor:
		label := b.n.ParamLabel(q.Param)
		w.Formula = q.Name + " = " + label
		w.Paths = [][]Step{{b.step(label, nil, b.n.Value(q.Param))}}
	case KindGrad:
		b.grad(&w)
	case KindNew:
		label := b.n.ParamLabel(q.Param)
		w.Formula = q.Name + " = " + label + " - η · dJ/d" + label
		w.Paths = [][]Step{{
			b.step(label, nil, b.n.Value(q.Param)),
			b.step("η", nil, b.n.LearningRate),
			b.step("dJ/d"+label, ptr(paramKey(KindGrad, q.Param)), b.ex.value(Quantity{Kind: KindGrad, Param: q.Param})),
		}}
	}
	return w
}

// chainBuilder writes the worked computations of one judge, with the
// learner's earlier values by quantity name.
type chainBuilder struct {
	j    *Judge
	n    *mathcore.Network
	ex   *values
	L    int
	user map[string]float64
}

func ptr(k key) *key { return &k }

// step returns a step with its symbol and exact value, named by the
// quantity at k (nil for an input, a weight, eta) and carrying the
// learner's value of that quantity when given.
func (b *chainBuilder) step(sym string, k *key, exact float64) Step {
	s := Step{Symbol: sym, Exact: exact}
	if k != nil {
		if name, ok := b.j.cat.nameOf(*k); ok {
			s.Name = name
			if v, ok := b.user[s.Name]; ok {
				s.Value, s.HasUser = v, true
			}
		}
	}
	return s
}

// outStep returns the step of the output of node i of layer l: an input
// for layer 0.
func (b *chainBuilder) outStep(l, i int) Step {
	if l == 0 {
		return b.step(b.n.NodeLabel(0, i), nil, b.ex.out[0][i])
	}
	return b.step(b.n.OutSymbol(l, i), ptr(nodeKey(KindOut, l, i)), b.ex.out[l][i])
}

// net works a net input: the sum of weight · input, and the bias.
func (b *chainBuilder) net(w *Worked) {
	n, q := b.n, w.Quantity
	var terms []string
	for i, wv := range n.Weights[q.Layer-1][q.Node] {
		p := mathcore.Param{Layer: q.Layer - 1, From: i, To: q.Node}
		terms = append(terms, n.ParamLabel(p)+" · "+n.OutSymbol(q.Layer-1, i))
		w.Paths = append(w.Paths, []Step{b.step(n.ParamLabel(p), nil, wv), b.outStep(q.Layer-1, i)})
	}
	if n.Biases != nil {
		p := mathcore.Param{Bias: true, Layer: q.Layer - 1, To: q.Node}
		terms = append(terms, n.ParamLabel(p))
		w.Paths = append(w.Paths, []Step{b.step(n.ParamLabel(p), nil, n.Value(p))})
	}
	w.Sum, w.Formula = true, q.Name+" = "+strings.Join(terms, " + ")
}

// loss works the loss from the outputs and targets.
func (b *chainBuilder) loss(w *Worked) {
	n, L := b.n, b.L
	var terms []string
	var ops []Step
	for k, y := range n.Targets {
		terms = append(terms, "("+numtext.FormatSig(y, 4)+" - "+n.OutSymbol(L, k)+")^2")
		ops = append(ops, b.outStep(L, k))
	}
	scale := "1/2"
	if n.Loss == mathcore.MSE {
		scale = "1/" + numtext.FormatSig(float64(n.Sizes[L]), 3)
	}
	w.Formula = "J = " + scale + " · [" + strings.Join(terms, " + ") + "]"
	w.Paths = [][]Step{ops}
}

// dOut works dJ/dout: from the target at the output layer, summed over the
// next layer elsewhere.
func (b *chainBuilder) dOut(w *Worked) {
	n, q, L := b.n, w.Quantity, b.L
	if q.Layer == L {
		f := "-(y - " + n.OutSymbol(L, q.Node) + ")"
		if n.Loss == mathcore.MSE {
			f = "-(2/" + numtext.FormatSig(float64(n.Sizes[L]), 3) + ")(y - " + n.OutSymbol(L, q.Node) + ")"
		}
		w.Formula = q.Name + " = " + f + " with y = " + numtext.FormatSig(n.Targets[q.Node], 4)
		w.Paths = [][]Step{{b.outStep(L, q.Node)}}
		return
	}
	var terms []string
	for k := range n.Sizes[q.Layer+1] {
		dnet := "dJ/d" + n.NetSymbol(q.Layer+1, k)
		wf := n.FactorSymbol(mathcore.Factor{Kind: mathcore.WeightFactor, Layer: q.Layer + 1, Node: k, Source: q.Node})
		terms = append(terms, dnet+" · "+wf)
		w.Paths = append(w.Paths, []Step{
			b.step(dnet, ptr(nodeKey(KindDelta, q.Layer+1, k)), b.ex.delta[q.Layer+1][k]),
			b.step(wf, ptr(weightFactorKey(q.Layer+1, k, q.Node)), b.ex.backW(q.Layer, k, q.Node)),
		})
	}
	w.Sum, w.Formula = true, q.Name+" = "+strings.Join(terms, " + ")
}

// dAct works the slope of the activation.
func (b *chainBuilder) dAct(w *Worked) {
	n, q := b.n, w.Quantity
	act := n.Activations[q.Layer-1]
	out := n.OutSymbol(q.Layer, q.Node)
	f := strings.ReplaceAll(slopeForm(act), "out", out)
	if act == mathcore.ReLU {
		f = "1 when " + n.NetSymbol(q.Layer, q.Node) + " > 0, else 0"
	}
	w.Formula = q.Name + " = " + f
	w.Paths = [][]Step{{b.outStep(q.Layer, q.Node)}}
}

// grad works a gradient by the chain rule: one product for a weight into
// the output layer, a sum over the paths for one deeper in.
func (b *chainBuilder) grad(w *Worked) {
	n, q := b.n, w.Quantity
	t := mathcore.NewTrace(n)
	t.Compute(n)
	c := t.Chain(n, q.Param)
	w.Sum = true
	if c.Paths == nil {
		dout := "dJ/d" + n.OutSymbol(c.Layer, c.Node)
		dact := n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: c.Layer, Node: c.Node})
		local := b.step("1", nil, 1)
		if !q.Param.Bias {
			local = b.outStep(q.Param.Layer, q.Param.From)
		}
		w.Formula = q.Name + " = " + dout + " · " + dact + " · " + local.Symbol
		w.Paths = [][]Step{{
			b.step(dout, ptr(nodeKey(KindDOut, c.Layer, c.Node)), c.DOut),
			b.step(dact, ptr(nodeKey(KindDAct, c.Layer, c.Node)), c.DAct),
			local,
		}}
		return
	}
	var forms []string
	for _, p := range c.Paths {
		var syms []string
		var steps []Step
		for _, f := range p.Factors {
			sym := n.FactorSymbol(f)
			syms = append(syms, sym)
			steps = append(steps, b.step(sym, factorKey(f), f.Value))
		}
		forms = append(forms, strings.Join(syms, " · "))
		w.Paths = append(w.Paths, steps)
	}
	w.Formula = q.Name + " = " + strings.Join(forms, " + ")
}

// factorKey returns the key of the quantity a factor of the chain rule
// stands for, or nil when it is none (an input of the network).
func factorKey(f mathcore.Factor) *key {
	switch f.Kind {
	case mathcore.LossFactor:
		return ptr(nodeKey(KindDOut, f.Layer, f.Node))
	case mathcore.ActFactor:
		return ptr(nodeKey(KindDAct, f.Layer, f.Node))
	case mathcore.WeightFactor:
		return ptr(weightFactorKey(f.Layer, f.Node, f.Source))
	case mathcore.InputFactor:
		if f.Layer >= 2 {
			return ptr(nodeKey(KindOut, f.Layer-1, f.Source))
		}
	}
	return nil
}

// activationSymbol writes an activation as a formula does: σ for the
// sigmoid, as the lessons write it, and its name otherwise ("tanh").
func activationSymbol(a mathcore.Activation) string {
	if a == mathcore.Sigmoid {
		return "σ"
	}
	return a.String()
}
