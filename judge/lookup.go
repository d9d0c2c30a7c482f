package judge

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// The quantities of a large network's weights are named on demand: a name
// is parsed to the parameter or path it names, and accepted when the
// quantity built for it has that name or alias, so that a lazy catalogue
// reads exactly the names an eager one lists.

// paramLookup returns the quantity of a weight or bias named by the
// normalized name ns: a gradient, an update or a weight factor.
func (c *catalogue) paramLookup(ns string) (Quantity, bool) {
	n := c.n
	var q Quantity
	var aliases []string
	switch {
	case strings.HasPrefix(ns, "dj/d"):
		p, ok := paramOf(n, ns[len("dj/d"):])
		if !ok {
			return Quantity{}, false
		}
		q, aliases = gradQuantity(n, p)
	case strings.HasPrefix(ns, "dnet"):
		l, k, j, ok := c.weightFactorOf(ns)
		if !ok {
			return Quantity{}, false
		}
		q, aliases = weightFactorQuantity(n, l, k, j)
	default:
		label := strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(ns, "new"), "'"), "new")
		p, ok := paramOf(n, label)
		if !ok {
			return Quantity{}, false
		}
		q, aliases = newQuantity(n, p)
	}
	for _, a := range append([]string{q.Name}, aliases...) {
		if normalize(a) == ns {
			return q, true
		}
	}
	return Quantity{}, false
}

// paramOf returns the parameter labelled label ("w9", "b1") without
// listing every parameter.
func paramOf(n *mathcore.Network, label string) (mathcore.Param, bool) {
	if len(label) < 2 || (label[0] != 'w' && label[0] != 'b') {
		return mathcore.Param{}, false
	}
	k, err := strconv.Atoi(label[1:])
	if err != nil || k < 1 {
		return mathcore.Param{}, false
	}
	bias := label[0] == 'b'
	if bias && n.Biases == nil {
		return mathcore.Param{}, false
	}
	idx := k - 1
	for l := 0; l+1 < len(n.Sizes); l++ {
		count := n.Sizes[l+1]
		if !bias {
			count *= n.Sizes[l]
		}
		if idx >= count {
			idx -= count
			continue
		}
		p := mathcore.Param{Bias: true, Layer: l, To: idx}
		if !bias {
			p = mathcore.Param{Layer: l, From: idx / n.Sizes[l+1], To: idx % n.Sizes[l+1]}
		}
		return p, n.ParamLabel(p) == label
	}
	return mathcore.Param{}, false
}

// weightFactorOf parses the normalized name of a weight factor,
// "dneto/douth1" or "dneth1/di1", to its node k of layer l and source j.
func (c *catalogue) weightFactorOf(ns string) (l, k, j int, ok bool) {
	top, bottom, found := strings.Cut(strings.TrimPrefix(ns, "d"), "/d")
	if !found {
		return 0, 0, 0, false
	}
	n := c.n
	l, k, ok = nodeOf(n, strings.TrimPrefix(top, "net"))
	if !ok || l < 2 || !strings.HasPrefix(top, "net") {
		return 0, 0, 0, false
	}
	src := bottom
	if l-1 > 0 {
		src = strings.TrimPrefix(src, "out")
		if l-1 == n.Output() {
			return 0, 0, 0, false
		}
	}
	sl, sj, ok := nodeOf(n, src)
	if !ok && strings.HasPrefix(bottom, "outo") { // the single output's alias
		sl, sj, ok = nodeOf(n, bottom[len("outo"):])
	}
	if !ok || sl != l-1 {
		return 0, 0, 0, false
	}
	return l, k, sj, true
}

// nodeOf parses a normalized node label ("h1", "hb2", "o", "i3") to its
// layer and index.
func nodeOf(n *mathcore.Network, s string) (l, j int, ok bool) {
	digits := strings.IndexAny(s, "0123456789")
	prefix, num := s, ""
	if digits >= 0 {
		prefix, num = s[:digits], s[digits:]
	}
	for l = 0; l < len(n.Sizes); l++ {
		if n.LayerPrefix(l) != prefix {
			continue
		}
		j = 0
		if num != "" {
			k, err := strconv.Atoi(num)
			if err != nil {
				return 0, 0, false
			}
			j = k - 1
		}
		if j < 0 || j >= n.Sizes[l] || n.NodeLabel(l, j) != s {
			return 0, 0, false
		}
		return l, j, true
	}
	return 0, 0, false
}

// nameOf returns the name of the quantity at k, if there is one.
func (c *catalogue) nameOf(k key) (string, bool) {
	if i, ok := c.byKey[k]; ok {
		return c.list[i].Name, true
	}
	if !c.lazy {
		return "", false
	}
	n := c.n
	switch k.kind {
	case KindGrad, KindNew:
		p := mathcore.Param{Bias: k.bias, Layer: k.pLayer, From: k.pFrom, To: k.pTo}
		q, _ := gradQuantity(n, p)
		if k.kind == KindNew {
			q, _ = newQuantity(n, p)
		}
		return q.Name, true
	case KindWeightFactor:
		q, _ := weightFactorQuantity(n, k.layer, k.node, k.source)
		return q.Name, true
	}
	return "", false
}
