package judge

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// normalize returns the form in which names are compared: lower case,
// without spaces or underscores, with "∂" read as "d", "δ" as "delta" (so
// that δ_h1 names the node's delta, as the lessons write it) and "ŷ" or "y_hat"
// read as "out".
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = nameReplacer.Replace(s)
	return strings.ReplaceAll(s, "yhat", "out")
}

// nameReplacer is how normalize rewrites a name; a Replacer is safe for
// concurrent use and never changes.
var nameReplacer = strings.NewReplacer("∂", "d", "δ", "delta", "ŷ", "out", "y_hat", "out", "yhat", "out", " ", "", "_", "", "\t", "", "−", "-")

// lookup returns the quantity named s, or an *UnknownQuantityError.
func (c *catalogue) lookup(s string) (Quantity, error) {
	if i, ok := c.byName[normalize(s)]; ok {
		return c.list[i], nil
	}
	if c.lazy {
		if q, ok := c.paramLookup(normalize(s)); ok {
			return q, nil
		}
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
	var cands []nameDistance
	if c.lazy {
		cands = c.scanNearest(ns, k+len(out))
	} else {
		cands = c.rankNames(ns)
	}
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
