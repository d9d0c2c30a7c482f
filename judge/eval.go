package judge

import "nnmath/mathcore"

// values holds every quantity of one pass, computed by evaluate, possibly
// under a slip. Per-node slices are indexed [layer][node]. The values of
// the weights (the backward weights, the gradients and the updates) are
// computed when asked for, from the per-node values, so that a pass costs
// memory in nodes, not in weights.
type values struct {
	net, out, feed    [][]float64 // feed: what a node passes on (its out, unless a slip says otherwise)
	dOut, dAct, delta [][]float64
	loss              float64

	n *mathcore.Network
	r *rules
}

// rules change how evaluate computes a pass: each hook, when set, replaces
// one step of the exact computation, and over replaces single values.
// The zero rules compute the exact pass.
type rules struct {
	over      map[key]float64
	act       func(l, j int, net, out float64) float64              // out of node j of layer l
	feed      func(l, j int, net, out float64) float64              // what node j of layer l passes on
	lossScale float64                                               // the factor before the sum of squares; 0: the network's
	dAct      func(l, j int, net, out, exact float64) float64       // dout/dnet of node j of layer l
	weight    func(l, k, j int, w float64) float64                  // backward weight of weight layer l, k <- j
	input     func(p mathcore.Param, v *values, in float64) float64 // dnet/dp
	step      func(old, grad, eta float64) float64                  // the update
	fwd       func(l, k, j int, w float64) float64                  // forward weight of weight layer l, k <- j
	dOutScale float64                                               // the factor of -(y - out) in dJ/dout; 0: 2 · lossScale
	// round, when set, rounds every value the pass computes from the
	// network's numbers: net, out, J, dJ/dout, dout/dnet and, as
	// roundProducts says, the delta (1 and up), the gradient and the new
	// value (2).
	round         func(x float64) float64
	roundProducts int
}

// rnd rounds x as r.round says, if it says.
func (r *rules) rnd(x float64) float64 {
	if r.round == nil {
		return x
	}
	return r.round(x)
}

// rndProduct rounds x, a product of level 1 (the delta) or 2 (the
// gradient, the new value), when r rounds products of that level.
func (r *rules) rndProduct(level int, x float64) float64 {
	if r.roundProducts < level {
		return x
	}
	return r.rnd(x)
}

func (r *rules) get(k key, v float64) float64 {
	if x, ok := r.over[k]; ok {
		return x
	}
	return v
}

// evaluate computes the forward pass, loss and backward pass of n under
// r; the gradients and updates follow on demand.
func evaluate(n *mathcore.Network, r *rules) *values {
	L := n.Output()
	v := &values{
		net: layers(n.Sizes), out: layers(n.Sizes), feed: layers(n.Sizes),
		dOut: layers(n.Sizes), dAct: layers(n.Sizes), delta: layers(n.Sizes),
		n: n, r: r,
	}
	v.forward(n, r)
	v.lossAt(n, r)
	for l := L; l >= 1; l-- {
		if l < L {
			v.backLayer(n, l)
		}
		v.slopes(n, r, l)
	}
	return v
}

// forward fills net, out and feed of every layer.
func (v *values) forward(n *mathcore.Network, r *rules) {
	v.out[0] = append([]float64(nil), n.Inputs...)
	v.feed[0] = v.out[0]
	for l := 1; l <= n.Output(); l++ {
		act := n.Activations[l-1]
		for j, row := range n.Weights[l-1] {
			var s float64
			for i, w := range row {
				if r.fwd != nil {
					w = r.fwd(l-1, j, i, w)
				}
				s += w * v.feed[l-1][i]
			}
			if n.Biases != nil {
				s += n.Biases[l-1][j]
			}
			s = r.get(nodeKey(KindNet, l, j), r.rnd(s))
			o := act.Apply(s)
			if r.act != nil {
				o = r.act(l, j, s, o)
			}
			o = r.get(nodeKey(KindOut, l, j), r.rnd(o))
			f := o
			if r.feed != nil {
				f = r.feed(l, j, s, o)
			}
			v.net[l][j], v.out[l][j], v.feed[l][j] = s, o, f
		}
	}
}

// lossAt fills the loss and dJ/dout of the output layer.
func (v *values) lossAt(n *mathcore.Network, r *rules) {
	L := n.Output()
	scale := 0.5
	if n.Loss == mathcore.MSE {
		scale = 1 / float64(n.Sizes[L])
	}
	if r.lossScale > 0 {
		scale = r.lossScale
	}
	factor := 2 * scale
	if r.dOutScale > 0 {
		factor = r.dOutScale
	}
	var sum float64
	for k, y := range n.Targets {
		d := y - v.out[L][k]
		sum += d * d
		v.dOut[L][k] = r.get(nodeKey(KindDOut, L, k), r.rnd(-factor*d))
	}
	v.loss = r.get(key{kind: KindLoss}, r.rnd(scale*sum))
}

// backW returns the weight dnet_k/dout_j of weight layer l (into layer
// l+1) as the backward pass uses it.
func (v *values) backW(l, k, j int) float64 {
	w := v.n.Weights[l][k][j]
	if v.r.weight != nil {
		w = v.r.weight(l, k, j, w)
	}
	if v.r.over == nil {
		return w
	}
	return v.r.get(weightFactorKey(l+1, k, j), w)
}

// backLayer fills dJ/dout of the nodes of layer l, summed over layer l+1.
func (v *values) backLayer(n *mathcore.Network, l int) {
	for j := range v.dOut[l] {
		var s float64
		for k := range n.Weights[l] {
			s += v.delta[l+1][k] * v.backW(l, k, j)
		}
		v.dOut[l][j] = v.r.get(nodeKey(KindDOut, l, j), v.r.rnd(s))
	}
}

// slopes fills dout/dnet and the delta of layer l.
func (v *values) slopes(n *mathcore.Network, r *rules, l int) {
	act := n.Activations[l-1]
	for j := range v.dOut[l] {
		net, out := v.net[l][j], v.out[l][j]
		d := act.Derivative(net, out)
		if r.dAct != nil {
			d = r.dAct(l, j, net, out, d)
		}
		v.dAct[l][j] = r.get(nodeKey(KindDAct, l, j), r.rnd(d))
		v.delta[l][j] = r.get(nodeKey(KindDelta, l, j), r.rndProduct(1, v.dOut[l][j]*v.dAct[l][j]))
	}
}

// grad returns the gradient of p.
func (v *values) grad(p mathcore.Param) float64 {
	l := p.Layer + 1
	in := 1.0
	if !p.Bias {
		in = v.feed[p.Layer][p.From]
	}
	if v.r.input != nil {
		in = v.r.input(p, v, in)
	}
	return v.r.get(paramKey(KindGrad, p), v.r.rndProduct(2, v.delta[l][p.To]*in))
}

// newValue returns p after the update.
func (v *values) newValue(p mathcore.Param) float64 {
	old, g, eta := v.n.Value(p), v.grad(p), v.n.LearningRate
	s := old - eta*g
	if v.r.step != nil {
		s = v.r.step(old, g, eta)
	}
	return v.r.get(paramKey(KindNew, p), v.r.rndProduct(2, s))
}

func layers(sizes []int) [][]float64 {
	v := make([][]float64, len(sizes))
	for l := 1; l < len(sizes); l++ {
		v[l] = make([]float64, sizes[l])
	}
	return v
}

// value returns q as computed in v.
func (v *values) value(q Quantity) float64 {
	switch q.Kind {
	case KindNet:
		return v.net[q.Layer][q.Node]
	case KindOut:
		return v.out[q.Layer][q.Node]
	case KindLoss:
		return v.loss
	case KindDOut:
		return v.dOut[q.Layer][q.Node]
	case KindDAct:
		return v.dAct[q.Layer][q.Node]
	case KindDelta:
		return v.delta[q.Layer][q.Node]
	case KindWeightFactor:
		return v.backW(q.Layer-1, q.Node, q.Source)
	case KindGrad:
		return v.grad(q.Param)
	default:
		return v.newValue(q.Param)
	}
}
