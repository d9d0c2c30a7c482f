package judge

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

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
}

// newCatalogue lists every quantity of n in teaching order: the forward
// pass node by node, the loss, the derivatives from the output back, the
// gradients and the updates in label order.
func newCatalogue(n *mathcore.Network) *catalogue {
	c := &catalogue{byName: map[string]int{}, byKey: map[key]int{}, biases: n.Biases != nil}
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
				Description: "net input of " + label})
		}
		for j := range n.Sizes[l] {
			label := n.NodeLabel(l, j)
			name := n.OutSymbol(l, j)
			c.add(Quantity{Name: name, Kind: KindOut, Layer: l, Node: j,
				Description: "output of " + label + " (" + n.Activations[l-1].String() + ")"}, outAliases(n, name, l)...)
		}
	}
	c.add(Quantity{Name: "J", Kind: KindLoss, Description: "the loss (" + n.Loss.String() + ")"}, "loss")
	for k := range n.Sizes[L] {
		name := "dJ/d" + n.OutSymbol(L, k)
		c.add(Quantity{Name: name, Kind: KindDOut, Layer: L, Node: k,
			Description: "slope of the loss at " + n.OutSymbol(L, k)}, outAliases(n, name, L)...)
	}
	for l := L; l >= 1; l-- {
		c.addBackward(n, l)
	}
	for _, p := range n.Params() {
		label := n.ParamLabel(p)
		c.add(Quantity{Name: "dJ/d" + label, Kind: KindGrad, Param: p, Layer: p.Layer + 1, Node: p.To,
			Description: "gradient of " + label + " (" + paramPath(n, p) + ")"})
	}
	for _, p := range n.Params() {
		label := n.ParamLabel(p)
		c.add(Quantity{Name: label + "_new", Kind: KindNew, Param: p, Layer: p.Layer + 1, Node: p.To,
			Description: label + " after one step"}, "new_"+label, label+"'")
	}
	return c
}

// add appends q to the catalogue under its name and aliases; a name
// already taken keeps its first quantity.
func (c *catalogue) add(q Quantity, aliases ...string) {
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
// factors into it.
func (c *catalogue) addBackward(n *mathcore.Network, l int) {
	L := n.Output()
	for j := range n.Sizes[l] {
		label := n.NodeLabel(l, j)
		if l < L {
			c.add(Quantity{Name: "dJ/d" + n.OutSymbol(l, j), Kind: KindDOut, Layer: l, Node: j,
				Description: "dJ/dout of " + label + ", summed over the next layer"})
		}
		f := mathcore.Factor{Kind: mathcore.ActFactor, Layer: l, Node: j}
		name := n.FactorSymbol(f)
		c.add(Quantity{Name: name, Kind: KindDAct, Layer: l, Node: j,
			Description: "slope of the " + n.Activations[l-1].String() + " at " + label}, outAliases(n, name, l)...)
		dname := "dJ/d" + n.NetSymbol(l, j)
		c.add(Quantity{Name: dname, Kind: KindDelta, Layer: l, Node: j,
			Description: "dJ/dnet of " + label + " (the node's delta)"}, "delta_"+label)
	}
	if l < 2 {
		return
	}
	for j := range n.Sizes[l-1] {
		for k := range n.Sizes[l] {
			p := mathcore.Param{Layer: l - 1, From: j, To: k}
			f := mathcore.Factor{Kind: mathcore.WeightFactor, Layer: l, Node: k, Source: j, Param: p}
			name := n.FactorSymbol(f)
			c.add(Quantity{Name: name, Kind: KindWeightFactor, Layer: l, Node: k, Source: j, Param: p,
				Description: "the weight " + n.ParamLabel(p) + " on the path " + n.NodeLabel(l-1, j) + " -> " + n.NodeLabel(l, k)},
				outAliases(n, name, l)...)
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

// normalize returns the form in which names are compared: lower case,
// without spaces or underscores, with "∂" read as "d" and "ŷ" or "y_hat"
// read as "out".
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	r := strings.NewReplacer("∂", "d", "ŷ", "out", "y_hat", "out", "yhat", "out", " ", "", "_", "", "\t", "", "−", "-")
	s = r.Replace(s)
	return strings.ReplaceAll(s, "yhat", "out")
}

// lookup returns the quantity named s, or an *UnknownQuantityError.
func (c *catalogue) lookup(s string) (Quantity, error) {
	if i, ok := c.byName[normalize(s)]; ok {
		return c.list[i], nil
	}
	e := &UnknownQuantityError{Name: s, Nearest: c.nearest(s, 5)}
	if !c.biases && isBiasName(normalize(s)) {
		e.Note = "this network has no biases"
	}
	return Quantity{}, e
}

// biasName matches the normalized name of a bias or of its gradient or
// update: b1, dj/db1, b1new, newb1, b1'.
var biasName = regexp.MustCompile(`^(dj/d|new)?b\d*(new|')?$`)

func isBiasName(ns string) bool { return biasName.MatchString(ns) }

// bare replaces each occurrence of word in s that no letter or digit
// follows with repl.
func bare(s, word, repl string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, word)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(word)
		b.WriteString(s[:i])
		if end < len(s) && isAlnum(s[end]) {
			b.WriteString(word)
		} else {
			b.WriteString(repl)
		}
		s = s[end:]
	}
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// nearest returns up to k canonical names closest to s by edit distance
// on their normalized forms, closest first.
//
// On a network of several outputs, a name that says "out" (or "y_hat")
// without naming the node is read for each output node first: "y_hat"
// suggests out_o1, out_o2, ...
func (c *catalogue) nearest(s string, k int) []string {
	ns := normalize(s)
	var out []string
	for _, o := range c.outputs {
		if i, ok := c.byName[bare(bare(ns, "out", o[0]), "neto", o[1])]; ok && !slices.Contains(out, c.list[i].Name) {
			out = append(out, c.list[i].Name)
		}
	}
	type cand struct {
		name string
		d    int
	}
	best := map[string]int{}
	for alias, i := range c.byName {
		d := editDistance(ns, alias)
		name := c.list[i].Name
		if old, ok := best[name]; !ok || d < old {
			best[name] = d
		}
	}
	cands := make([]cand, 0, len(best))
	for name, d := range best {
		cands = append(cands, cand{name, d})
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].d != cands[b].d {
			return cands[a].d < cands[b].d
		}
		return c.byName[normalize(cands[a].name)] < c.byName[normalize(cands[b].name)]
	})
	for _, cd := range cands {
		if len(out) >= k {
			break
		}
		if !slices.Contains(out, cd.name) {
			out = append(out, cd.name)
		}
	}
	return out[:min(k, len(out))]
}

// editDistance returns the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if utf8.RuneCountInString(a) == 0 {
		return len(rb)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// UnknownQuantityError is the error for a name that is no quantity of the
// network. Nearest holds the closest valid names, closest first.
type UnknownQuantityError struct {
	Name    string
	Nearest []string
	// Note says why the name cannot be a quantity, when that is known
	// ("this network has no biases"), else "".
	Note string
}

// Error returns a message that names the unknown quantity and the nearest
// valid names.
func (e *UnknownQuantityError) Error() string {
	msg := fmt.Sprintf("judge: %q is not a quantity of this network", e.Name)
	if e.Note != "" {
		msg += ": " + e.Note
	}
	if len(e.Nearest) > 0 {
		msg += "; did you mean " + strings.Join(e.Nearest, ", ") + "?"
	}
	return msg
}
