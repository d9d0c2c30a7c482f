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
	n, ex := j.net, j.exact
	L := n.Output()
	user := map[string]float64{}
	for name, v := range earlier {
		if e, err := j.Lookup(name); err == nil {
			user[e.Name] = v
		}
	}
	step := func(sym string, k *key, exact float64) Step {
		s := Step{Symbol: sym, Exact: exact}
		if k != nil {
			if i, ok := j.cat.byKey[*k]; ok {
				s.Name = j.cat.list[i].Name
				if v, ok := user[s.Name]; ok {
					s.Value, s.HasUser = v, true
				}
			}
		}
		return s
	}
	ptr := func(k key) *key { return &k }
	outStep := func(l, i int) Step {
		if l == 0 {
			return step(n.NodeLabel(0, i), nil, ex.out[0][i])
		}
		return step(n.OutSymbol(l, i), ptr(nodeKey(KindOut, l, i)), ex.out[l][i])
	}
	w := Worked{Quantity: q, Result: Step{Symbol: q.Name, Name: q.Name, Exact: ex.value(q), Value: answer, HasUser: true}}
	switch q.Kind {
	case KindNet:
		var terms []string
		for i, wv := range n.Weights[q.Layer-1][q.Node] {
			p := mathcore.Param{Layer: q.Layer - 1, From: i, To: q.Node}
			terms = append(terms, n.ParamLabel(p)+" · "+n.OutSymbol(q.Layer-1, i))
			w.Paths = append(w.Paths, []Step{step(n.ParamLabel(p), nil, wv), outStep(q.Layer-1, i)})
		}
		if n.Biases != nil {
			p := mathcore.Param{Bias: true, Layer: q.Layer - 1, To: q.Node}
			terms = append(terms, n.ParamLabel(p))
			w.Paths = append(w.Paths, []Step{step(n.ParamLabel(p), nil, n.Value(p))})
		}
		w.Sum, w.Formula = true, q.Name+" = "+strings.Join(terms, " + ")
	case KindOut:
		net := n.NetSymbol(q.Layer, q.Node)
		w.Formula = q.Name + " = " + n.Activations[q.Layer-1].String() + "(" + net + ")"
		w.Paths = [][]Step{{step(net, ptr(nodeKey(KindNet, q.Layer, q.Node)), ex.net[q.Layer][q.Node])}}
	case KindLoss:
		var terms []string
		var ops []Step
		for k, y := range n.Targets {
			terms = append(terms, "("+numtext.FormatSig(y, 4)+" - "+n.OutSymbol(L, k)+")^2")
			ops = append(ops, outStep(L, k))
		}
		scale := "1/2"
		if n.Loss == mathcore.MSE {
			scale = "1/" + numtext.FormatSig(float64(n.Sizes[L]), 3)
		}
		w.Formula = "J = " + scale + " · [" + strings.Join(terms, " + ") + "]"
		w.Paths = [][]Step{ops}
	case KindDOut:
		if q.Layer == L {
			f := "-(y - " + n.OutSymbol(L, q.Node) + ")"
			if n.Loss == mathcore.MSE {
				f = "-(2/" + numtext.FormatSig(float64(n.Sizes[L]), 3) + ")(y - " + n.OutSymbol(L, q.Node) + ")"
			}
			w.Formula = q.Name + " = " + f + " with y = " + numtext.FormatSig(n.Targets[q.Node], 4)
			w.Paths = [][]Step{{outStep(L, q.Node)}}
			break
		}
		var terms []string
		for k := range n.Sizes[q.Layer+1] {
			dnet := "dJ/d" + n.NetSymbol(q.Layer+1, k)
			wf := n.FactorSymbol(mathcore.Factor{Kind: mathcore.WeightFactor, Layer: q.Layer + 1, Node: k, Source: q.Node})
			terms = append(terms, dnet+" · "+wf)
			w.Paths = append(w.Paths, []Step{
				step(dnet, ptr(nodeKey(KindDelta, q.Layer+1, k)), ex.delta[q.Layer+1][k]),
				step(wf, ptr(weightFactorKey(q.Layer+1, k, q.Node)), ex.back[q.Layer][k][q.Node]),
			})
		}
		w.Sum, w.Formula = true, q.Name+" = "+strings.Join(terms, " + ")
	case KindDAct:
		act := n.Activations[q.Layer-1]
		out := n.OutSymbol(q.Layer, q.Node)
		f := strings.ReplaceAll(slopeForm(act), "out", out)
		if act == mathcore.ReLU {
			f = "1 when " + n.NetSymbol(q.Layer, q.Node) + " > 0, else 0"
		}
		w.Formula = q.Name + " = " + f
		w.Paths = [][]Step{{outStep(q.Layer, q.Node)}}
	case KindDelta:
		dout := "dJ/d" + n.OutSymbol(q.Layer, q.Node)
		dact := n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: q.Layer, Node: q.Node})
		w.Formula = q.Name + " = " + dout + " · " + dact
		w.Sum = true
		w.Paths = [][]Step{{
			step(dout, ptr(nodeKey(KindDOut, q.Layer, q.Node)), ex.dOut[q.Layer][q.Node]),
			step(dact, ptr(nodeKey(KindDAct, q.Layer, q.Node)), ex.dAct[q.Layer][q.Node]),
		}}
	case KindWeightFactor:
		label := n.ParamLabel(q.Param)
		w.Formula = q.Name + " = " + label
		w.Paths = [][]Step{{step(label, nil, n.Value(q.Param))}}
	case KindGrad:
		t := mathcore.NewTrace(n)
		t.Compute(n)
		c := t.Chain(n, q.Param)
		w.Sum = true
		if c.Paths == nil {
			dout := "dJ/d" + n.OutSymbol(c.Layer, c.Node)
			dact := n.FactorSymbol(mathcore.Factor{Kind: mathcore.ActFactor, Layer: c.Layer, Node: c.Node})
			local := step("1", nil, 1)
			if !q.Param.Bias {
				local = outStep(q.Param.Layer, q.Param.From)
			}
			w.Formula = q.Name + " = " + dout + " · " + dact + " · " + local.Symbol
			w.Paths = [][]Step{{
				step(dout, ptr(nodeKey(KindDOut, c.Layer, c.Node)), c.DOut),
				step(dact, ptr(nodeKey(KindDAct, c.Layer, c.Node)), c.DAct),
				local,
			}}
			break
		}
		var forms []string
		for _, p := range c.Paths {
			var syms []string
			var steps []Step
			for _, f := range p.Factors {
				sym := n.FactorSymbol(f)
				syms = append(syms, sym)
				var k *key
				switch f.Kind {
				case mathcore.LossFactor:
					k = ptr(nodeKey(KindDOut, f.Layer, f.Node))
				case mathcore.ActFactor:
					k = ptr(nodeKey(KindDAct, f.Layer, f.Node))
				case mathcore.WeightFactor:
					k = ptr(weightFactorKey(f.Layer, f.Node, f.Source))
				case mathcore.InputFactor:
					if f.Layer >= 2 {
						k = ptr(nodeKey(KindOut, f.Layer-1, f.Source))
					}
				}
				steps = append(steps, step(sym, k, f.Value))
			}
			forms = append(forms, strings.Join(syms, " · "))
			w.Paths = append(w.Paths, steps)
		}
		w.Formula = q.Name + " = " + strings.Join(forms, " + ")
	case KindNew:
		label := n.ParamLabel(q.Param)
		w.Formula = q.Name + " = " + label + " - eta · dJ/d" + label
		w.Paths = [][]Step{{
			step(label, nil, n.Value(q.Param)),
			step("eta", nil, n.LearningRate),
			step("dJ/d"+label, ptr(paramKey(KindGrad, q.Param)), ex.value(Quantity{Kind: KindGrad, Param: q.Param})),
		}}
	}
	return w
}
