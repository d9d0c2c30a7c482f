package judge

import (
	"slices"
	"sort"
)

// nameDistance is a canonical name and its edit distance to what the
// learner typed, for ranking suggestions.
type nameDistance struct {
	name string
	d    int
	at   int // the name's place in the catalogue, which breaks ties
}

// rankNames returns every canonical name of the catalogue with its
// smallest distance, over its aliases, to the normalized name ns, closest
// first and in catalogue order among equals.
func (c *catalogue) rankNames(ns string) []nameDistance {
	best := map[string]int{}
	for alias, i := range c.byName {
		d := editDistance(ns, alias)
		name := c.list[i].Name
		if old, ok := best[name]; !ok || d < old {
			best[name] = d
		}
	}
	cands := make([]nameDistance, 0, len(best))
	for name, d := range best {
		cands = append(cands, nameDistance{name: name, d: d, at: c.byName[normalize(name)]})
	}
	sort.Slice(cands, func(a, b int) bool { return closer(cands[a], cands[b]) })
	return cands
}

// scanNearest returns the k canonical names of a lazy catalogue's network
// closest to the normalized name ns, ranked as rankNames ranks them. It
// walks the quantities as the full catalogue would list them, keeping only
// the best k, so that a typo on a wide network costs one pass instead of
// building every name.
func (c *catalogue) scanNearest(ns string, k int) []nameDistance {
	var top []nameDistance
	scan := &catalogue{}
	scan.visit = func(q Quantity, names []string) {
		cd := nameDistance{name: q.Name, d: editDistance(ns, normalize(q.Name)), at: scan.visited}
		scan.visited++
		for _, a := range names {
			cd.d = min(cd.d, editDistance(ns, normalize(a)))
		}
		if len(top) == k && !closer(cd, top[k-1]) {
			return
		}
		i, _ := slices.BinarySearchFunc(top, cd, func(a, b nameDistance) int {
			if closer(a, b) {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, i, cd)
		if len(top) > k {
			top = top[:k]
		}
	}
	scan.build(c.n, true)
	return top
}

// closer reports whether a ranks before b: nearer, or as near and earlier.
func closer(a, b nameDistance) bool {
	if a.d != b.d {
		return a.d < b.d
	}
	return a.at < b.at
}
