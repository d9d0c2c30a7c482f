package judge

import (
	"math"

	"nnmath/mathcore"
)

// The tests' own forward and backward pass, written apart from evaluate,
// with the slips a learner makes as options: an independent way to build
// the answers a slip gives.

// refOpts are the slips of one reference pass; the zero value is exact.
type refOpts struct {
	slope     func(a mathcore.Activation, l, j int, net, out float64) (float64, bool) // a wrong slope, when ok
	fwd, back func(l, k, j int) (float64, bool)                                       // a wrong weight of layer l, k <- j, when ok
	factor    float64                                                                 // the factor of -(y - out) in dJ/dout; 0: exact
	round     int                                                                     // decimals every intermediate is rounded to; 0: none
}

// refPass holds the values of one reference pass.
type refPass struct {
	n                    *mathcore.Network
	net, out, dOut, dAct [][]float64
	delta                [][]float64
	loss                 float64
	rnd                  func(float64) float64
}

func newRef(n *mathcore.Network, o refOpts) *refPass {
	L := n.Output()
	p := &refPass{n: n, rnd: func(x float64) float64 { return x }}
	if o.round > 0 {
		s := math.Pow(10, float64(o.round))
		p.rnd = func(x float64) float64 { return math.Round(x*s) / s }
	}
	mk := func() [][]float64 {
		v := make([][]float64, L+1)
		for l := range v {
			v[l] = make([]float64, n.Sizes[l])
		}
		return v
	}
	p.net, p.out, p.dOut, p.dAct, p.delta = mk(), mk(), mk(), mk(), mk()
	copy(p.out[0], n.Inputs)
	for l := 1; l <= L; l++ {
		for k := range n.Sizes[l] {
			s := 0.0
			for j := range n.Sizes[l-1] {
				w := n.Weights[l-1][k][j]
				if o.fwd != nil {
					if x, ok := o.fwd(l-1, k, j); ok {
						w = x
					}
				}
				s += w * p.out[l-1][j]
			}
			if n.Biases != nil {
				s += n.Biases[l-1][k]
			}
			p.net[l][k] = p.rnd(s)
			p.out[l][k] = p.rnd(n.Activations[l-1].Apply(p.net[l][k]))
		}
	}
	factor := 1.0
	if n.Loss == mathcore.MSE {
		factor = 2 / float64(n.Sizes[L])
	}
	if o.factor > 0 {
		factor = o.factor
	}
	for k, y := range n.Targets {
		p.loss += factor / 2 * (y - p.out[L][k]) * (y - p.out[L][k])
		p.dOut[L][k] = p.rnd(-factor * (y - p.out[L][k]))
	}
	p.loss = p.rnd(p.loss)
	for l := L; l >= 1; l-- {
		if l < L {
			for j := range n.Sizes[l] {
				s := 0.0
				for k := range n.Sizes[l+1] {
					s += p.delta[l+1][k] * p.backW(o, l, k, j)
				}
				p.dOut[l][j] = p.rnd(s)
			}
		}
		a := n.Activations[l-1]
		for j := range n.Sizes[l] {
			d := a.Derivative(p.net[l][j], p.out[l][j])
			if o.slope != nil {
				if x, ok := o.slope(a, l, j, p.net[l][j], p.out[l][j]); ok {
					d = x
				}
			}
			p.dAct[l][j] = p.rnd(d)
			p.delta[l][j] = p.rnd(p.dOut[l][j] * p.dAct[l][j])
		}
	}
	return p
}

func (p *refPass) backW(o refOpts, l, k, j int) float64 {
	if o.back != nil {
		if x, ok := o.back(l, k, j); ok {
			return x
		}
	}
	return p.n.Weights[l][k][j]
}

// value returns q in the pass, with back giving the backward weights.
func (p *refPass) value(q Quantity, o refOpts) float64 {
	switch q.Kind {
	case KindNet:
		return p.net[q.Layer][q.Node]
	case KindOut:
		return p.out[q.Layer][q.Node]
	case KindLoss:
		return p.loss
	case KindDOut:
		return p.dOut[q.Layer][q.Node]
	case KindDAct:
		return p.dAct[q.Layer][q.Node]
	case KindDelta:
		return p.delta[q.Layer][q.Node]
	case KindWeightFactor:
		return p.backW(o, q.Layer-1, q.Node, q.Source)
	}
	par := q.Param
	in := 1.0
	if !par.Bias {
		in = p.out[par.Layer][par.From]
	}
	g := p.delta[par.Layer+1][par.To] * in
	if q.Kind == KindGrad {
		return g
	}
	return p.n.Value(par) - p.n.LearningRate*g
}
