package judge

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"nnmath/mathcore"
)

// Kind says which value of the network a quantity is.
type Kind int

// The kinds of quantity, in the order a pass computes them.
const (
	KindNet          Kind = iota // net_X: the weighted sum into node X, plus its bias
	KindOut                      // out_X: the activation of net_X
	KindLoss                     // J
	KindDOut                     // dJ/dout_X
	KindDAct                     // dout_X/dnet_X: the activation's slope
	KindDelta                    // dJ/dnet_X = dJ/dout_X * dout_X/dnet_X
	KindWeightFactor             // dnet_k/dout_j: the weight on a path, as the chain rule uses it
	KindGrad                     // dJ/dwK or dJ/dbK
	KindNew                      // wK_new or bK_new = old - eta * gradient
)

// Topic groups quantities as the quiz and --list do.
type Topic int

// The topics, in teaching order.
const (
	Forward   Topic = iota // net and out of every node
	LossTopic              // J and dJ/dout of the outputs
	Gradients              // every other derivative and the gradients
	Update                 // the updated parameters
)

var topicNames = [...]string{Forward: "forward", LossTopic: "loss", Gradients: "gradients", Update: "update"}

// String returns "forward", "loss", "gradients" or "update".
func (t Topic) String() string {
	if t < 0 || int(t) >= len(topicNames) {
		return fmt.Sprintf("Topic(%d)", int(t))
	}
	return topicNames[t]
}

// Quantity is one value of a network a learner can compute by hand. Layer
// and Node name the node (for Net, Out, DOut, DAct, Delta and
// WeightFactor); a WeightFactor's Source is the node of layer Layer-1 its
// weight comes from and Param that weight; Param is the parameter of a
// Grad or New.
type Quantity struct {
	Name        string // canonical name, such as "dJ/dw9"
	Kind        Kind
	Layer       int
	Node        int
	Source      int
	Param       mathcore.Param
	Description string // a few words, such as "gradient of w9 (i1 -> h1)"
}

// Topic returns the topic q belongs to.
func (q Quantity) Topic() Topic {
	switch q.Kind {
	case KindNet, KindOut:
		return Forward
	case KindLoss:
		return LossTopic
	case KindNew:
		return Update
	}
	return Gradients
}

// key identifies a quantity without its name.
type key struct {
	kind                Kind
	layer, node, source int
	bias                bool
	pLayer, pFrom, pTo  int
}

func (q Quantity) key() key {
	switch q.Kind {
	case KindGrad, KindNew:
		return paramKey(q.Kind, q.Param)
	case KindWeightFactor:
		return weightFactorKey(q.Layer, q.Node, q.Source)
	}
	return nodeKey(q.Kind, q.Layer, q.Node)
}

func nodeKey(k Kind, l, j int) key { return key{kind: k, layer: l, node: j} }

func paramKey(k Kind, p mathcore.Param) key {
	return key{kind: k, bias: p.Bias, pLayer: p.Layer, pFrom: p.From, pTo: p.To}
}

func weightFactorKey(l, k, j int) key {
	return key{kind: KindWeightFactor, layer: l, node: k, source: j}
}

// catalogue is the list of a network's quantities and their lenient names.
type catalogue struct {
	list   []Quantity
	byName map[string]int // normalized name or alias -> index in list
	byKey  map[key]int
	biases bool
	// outputs holds, for a network of several outputs, the normalized out
	// and net symbols of each output node ("outo1", "neto1"), so that a
	// bare "out" or "y_hat" suggests the outputs first.
	outputs [][2]string

	// A large network's catalogue is lazy: list holds only the quantities
	// of its nodes, those of its weights are named on demand (lookup.go),
	// the full list is built once, when asked for (quantities), and a
	// typo's nearest names are found in one pass (scanNearest).
	lazy     bool
	n        *mathcore.Network
	listOnce sync.Once
	listed   []Quantity // the full list, without the maps of names
	plain    bool       // add only lists: no maps of names

	// visit, when set, is given each quantity with its aliases as it is
	// added, and nothing is kept (see scanNearest); visited counts them.
	visit   func(q Quantity, aliases []string)
	visited int
}

// maxEagerWeights bounds the networks whose catalogue lists every quantity
// up front; a larger one names the quantities of its weights on demand, so
// that checking one quantity costs little more than one pass.
const maxEagerWeights = 4096

// newCatalogue returns the catalogue of n: eager for a small network, lazy
// for a large one.
func newCatalogue(n *mathcore.Network) *catalogue {
	if weightCount(n) <= maxEagerWeights {
		return buildCatalogue(n, true)
	}
	c := buildCatalogue(n, false)
	c.lazy, c.n = true, n
	return c
}

// quantities returns every quantity in teaching order; for a lazy
// catalogue it builds the list once, without the maps of names.
func (c *catalogue) quantities() []Quantity {
	if !c.lazy {
		return c.list
	}
	c.listOnce.Do(func() {
		p := &catalogue{plain: true}
		p.build(c.n, true)
		c.listed = p.list
	})
	return c.listed
}

// buildCatalogue lists every quantity of n in teaching order: the forward
// pass node by node, the loss, the derivatives from the output back, the
// gradients and the updates in label order; without params, only the
// quantities of the nodes and the loss.
func buildCatalogue(n *mathcore.Network, params bool) *catalogue {
	c := &catalogue{byName: map[string]int{}, byKey: map[key]int{}}
	c.build(n, params)
	return c
}

// build adds the quantities of n to c, as buildCatalogue says.
func (c *catalogue) build(n *mathcore.Network, params bool) {
	c.biases = n.Biases != nil
	L := n.Output()
	if n.Sizes[L] != 1 {
		for k := range n.Sizes[L] {
			c.outputs = append(c.outputs, [2]string{normalize(n.OutSymbol(L, k)), normalize(n.NetSymbol(L, k))})
		}
	}
	for l := 1; l <= L; l++ {
		for j := range n.Sizes[l] {
			label := n.NodeLabel(l, j)
			c.add(Quantity{Name: n.NetSymbol(l, j), Kind: KindNet, Layer: l, Node: j,
				Description: "net input of " + label}, nil)
		}
		for j := range n.Sizes[l] {
			label := n.NodeLabel(l, j)
			name := n.OutSymbol(l, j)
			c.add(Quantity{Name: name, Kind: KindOut, Layer: l, Node: j,
				Description: "output of " + label + " (" + n.Activations[l-1].String() + ")"}, outAliases(n, name, l))
		}
	}
	c.add(Quantity{Name: "J", Kind: KindLoss, Description: "the loss, " + lossWords(n)}, []string{"loss"})
	for k := range n.Sizes[L] {
		name := "dJ/d" + n.OutSymbol(L, k)
		c.add(Quantity{Name: name, Kind: KindDOut, Layer: L, Node: k,
			Description: "slope of the loss at " + n.OutSymbol(L, k)}, outAliases(n, name, L))
	}
	for l := L; l >= 1; l-- {
		c.addBackward(n, l, params)
	}
	if !params {
		return
	}
	ps := n.Params()
	for _, p := range ps {
		c.add(gradQuantity(n, p))
	}
	for _, p := range ps {
		c.add(newQuantity(n, p))
	}
}

// gradQuantity returns the gradient of p and its aliases.
func gradQuantity(n *mathcore.Network, p mathcore.Param) (Quantity, []string) {
	label := n.ParamLabel(p)
	return Quantity{Name: "dJ/d" + label, Kind: KindGrad, Param: p, Layer: p.Layer + 1, Node: p.To,
		Description: "gradient of " + label + " (" + paramPath(n, p) + ")"}, nil
}

// newQuantity returns the updated value of p and its aliases.
func newQuantity(n *mathcore.Network, p mathcore.Param) (Quantity, []string) {
	label := n.ParamLabel(p)
	return Quantity{Name: label + "_new", Kind: KindNew, Param: p, Layer: p.Layer + 1, Node: p.To,
		Description: label + " after one step"}, []string{"new_" + label, label + "'"}
}

// weightFactorQuantity returns the weight factor dnet_k/dout_j into node k
// of layer l from node j of layer l-1, and its aliases.
func weightFactorQuantity(n *mathcore.Network, l, k, j int) (Quantity, []string) {
	p := mathcore.Param{Layer: l - 1, From: j, To: k}
	f := mathcore.Factor{Kind: mathcore.WeightFactor, Layer: l, Node: k, Source: j, Param: p}
	name := n.FactorSymbol(f)
	return Quantity{Name: name, Kind: KindWeightFactor, Layer: l, Node: k, Source: j, Param: p,
		Description: "the weight " + n.ParamLabel(p) + " on the path " + n.NodeLabel(l-1, j) + " -> " + n.NodeLabel(l, k)}, outAliases(n, name, l)
}

// add appends q to the catalogue under its name and aliases; a name
// already taken keeps its first quantity.
func (c *catalogue) add(q Quantity, aliases []string) {
	if c.visit != nil {
		c.visit(q, aliases)
		return
	}
	if c.plain {
		c.list = append(c.list, q)
		return
	}
	c.byKey[q.key()] = len(c.list)
	for _, a := range append([]string{q.Name}, aliases...) {
		if _, dup := c.byName[normalize(a)]; !dup {
			c.byName[normalize(a)] = len(c.list)
		}
	}
	c.list = append(c.list, q)
}

// addBackward adds the backward-pass quantities of layer l: dJ/dout of its
// nodes (below the output layer), their slopes and deltas, and the weight
// factors into it (with params).
func (c *catalogue) addBackward(n *mathcore.Network, l int, params bool) {
	L := n.Output()
	for j := range n.Sizes[l] {
		label := n.NodeLabel(l, j)
		if l < L {
			c.add(Quantity{Name: "dJ/d" + n.OutSymbol(l, j), Kind: KindDOut, Layer: l, Node: j,
				Description: "dJ/dout of " + label + ", summed over the next layer"}, nil)
		}
		f := mathcore.Factor{Kind: mathcore.ActFactor, Layer: l, Node: j}
		name := n.FactorSymbol(f)
		c.add(Quantity{Name: name, Kind: KindDAct, Layer: l, Node: j,
			Description: "slope of the " + n.Activations[l-1].String() + " at " + label}, outAliases(n, name, l))
		dname := "dJ/d" + n.NetSymbol(l, j)
		c.add(Quantity{Name: dname, Kind: KindDelta, Layer: l, Node: j,
			Description: "dJ/dnet of " + label + " (the node's delta)"}, []string{"delta_" + label})
	}
	if l < 2 || !params {
		return
	}
	for j := range n.Sizes[l-1] {
		for k := range n.Sizes[l] {
			c.add(weightFactorQuantity(n, l, k, j))
		}
	}
}

// outAliases spells a name that uses the single output's "out" as "out_o",
// for a quantity of layer l.
func outAliases(n *mathcore.Network, name string, l int) []string {
	if l != n.Output() || n.Sizes[l] != 1 {
		return nil
	}
	return []string{strings.Replace(name, "out", "out_o", 1)}
}

func paramPath(n *mathcore.Network, p mathcore.Param) string {
	if p.Bias {
		return "bias of " + n.NodeLabel(p.Layer+1, p.To)
	}
	return n.NodeLabel(p.Layer, p.From) + " -> " + n.NodeLabel(p.Layer+1, p.To)
}

// lossWords writes n's loss as a formula: "J = ½ Σ (y − out)²".
func lossWords(n *mathcore.Network) string {
	if n.Loss == mathcore.MSE {
		return "J = (1/n) Σ (y − out)² over n = " + strconv.Itoa(n.Sizes[n.Output()]) + " outputs"
	}
	return "J = ½ Σ (y − out)²"
}
