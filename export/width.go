package export

import "sync"

// The width of a line of displayed math, estimated in points as pdfLaTeX
// sets it in a 10pt article with Computer Modern: the glyphs' widths, a
// fraction as wide as its wider part, scripts at 7pt, and TeX's spaces
// around binary operators and relations. The estimate errs on the wide
// side by a point or two a line; it decides where long lines break.

// atomKind is the class of a math atom, which decides the space TeX puts
// between neighbours.
type atomKind int

const (
	ordAtom atomKind = iota
	opAtom
	binAtom
	relAtom
	openAtom
	closeAtom
	punctAtom
	innerAtom
)

// Spaces in points at 10pt: a thin, medium and thick space are 3, 4 and 5mu.
const (
	thinSpace  = 10.0 * 3 / 18
	medSpace   = 10.0 * 4 / 18
	thickSpace = 10.0 * 5 / 18
)

// scriptScale is how much narrower a 7pt subscript is than 10pt type.
const scriptScale = 0.8

// mathGlyphs are the widths of characters in math italic (letters) and the
// roman digits and symbols, with their classes.
var mathGlyphs = map[byte]struct {
	w    float64
	kind atomKind
}{
	'+': {7.78, binAtom}, '-': {7.78, binAtom}, '=': {7.78, relAtom}, '<': {7.78, relAtom}, '>': {7.78, relAtom},
	'(': {3.89, openAtom}, '[': {2.78, openAtom}, ')': {3.89, closeAtom}, ']': {2.78, closeAtom},
	',': {2.78, punctAtom}, '.': {2.78, ordAtom}, '/': {5.0, ordAtom}, '|': {2.78, ordAtom},
	'a': {5.29, ordAtom}, 'b': {4.29, ordAtom}, 'c': {4.33, ordAtom}, 'd': {5.2, ordAtom}, 'e': {4.66, ordAtom},
	'f': {4.9, ordAtom}, 'g': {4.77, ordAtom}, 'h': {5.76, ordAtom}, 'i': {3.45, ordAtom}, 'j': {4.12, ordAtom},
	'k': {5.21, ordAtom}, 'l': {2.98, ordAtom}, 'm': {8.78, ordAtom}, 'n': {6.0, ordAtom}, 'o': {4.85, ordAtom},
	'p': {5.03, ordAtom}, 'q': {4.46, ordAtom}, 'r': {4.51, ordAtom}, 's': {4.69, ordAtom}, 't': {3.61, ordAtom},
	'u': {5.72, ordAtom}, 'v': {4.85, ordAtom}, 'w': {7.16, ordAtom}, 'x': {5.72, ordAtom}, 'y': {4.9, ordAtom},
	'z': {4.65, ordAtom}, 'J': {6.33, ordAtom},
}

// romanWidths are the widths of lower-case letters in roman type, as
// \mathrm and \text set them; digits are 5pt wide in both.
var romanWidths = map[byte]float64{
	'a': 5.0, 'b': 5.56, 'c': 4.44, 'd': 5.56, 'e': 4.44, 'f': 3.06, 'g': 5.0, 'h': 5.56, 'i': 2.78,
	'j': 3.06, 'k': 5.28, 'l': 2.78, 'm': 8.33, 'n': 5.56, 'o': 5.0, 'p': 5.56, 'q': 5.28, 'r': 3.92,
	's': 3.94, 't': 3.89, 'u': 5.56, 'v': 5.28, 'w': 7.22, 'x': 5.28, 'y': 5.28, 'z': 4.44, ' ': 3.33,
}

// glyph is the width and class of one character in math.
type glyph struct {
	w    float64
	kind atomKind
}

// glyphs and romans are mathGlyphs and romanWidths indexed by byte, read
// faster than the maps, millions of times for a large document.
var glyphs, romans = func() (g [256]glyph, r [256]float64) {
	for c, x := range mathGlyphs {
		g[c] = glyph{x.w, x.kind}
	}
	for c, w := range romanWidths {
		r[c] = w
	}
	return g, r
}()

// mathCommands are the widths and classes of the commands the solution
// uses as symbols. Spacing commands are in mathSpaces.
var mathCommands = map[string]struct {
	w    float64
	kind atomKind
}{
	"partial": {5.56, ordAtom}, "sigma": {5.71, ordAtom}, "eta": {4.97, ordAtom}, "hat": {0, ordAtom},
	"cdot": {2.78, binAtom}, "times": {7.78, binAtom}, "le": {7.78, relAtom}, "ge": {7.78, relAtom},
	"leftarrow": {10.0, relAtom}, "tanh": {20.56, opAtom}, "max": {17.5, opAtom}, "sum": {14.44, opAtom},
	"{": {5.0, openAtom}, "}": {5.0, closeAtom},
}

// mathSpaces are the widths of the spacing commands.
var mathSpaces = map[string]float64{
	"quad": 10, "qquad": 20, ",": thinSpace, ":": medSpace, ";": thickSpace, "!": -thinSpace, " ": 3.33,
	"bigl": 1.39, "bigr": 1.39, // a \big bracket is this much wider than the bracket
}

// mathWidth returns the estimated width in points of s, LaTeX math in
// display style.
func mathWidth(s string) float64 {
	return measure(s, false)
}

// textMathWidth returns the estimated width in points of s, LaTeX math in
// text style (inline), where a fraction is set in smaller type.
func textMathWidth(s string) float64 {
	return measure(s, true)
}

// parsers keeps mathParsers for reuse, so that measuring a width, which a
// large document does millions of times, allocates nothing.
var parsers = sync.Pool{New: func() any { return new(mathParser) }}

// measure returns the width of s in display style, or in text style when text.
func measure(s string, text bool) float64 {
	p := parsers.Get().(*mathParser)
	p.s, p.i, p.text, p.stack = s, 0, text, p.stack[:0]
	w := p.list(1, false)
	p.s = ""
	parsers.Put(p)
	return w
}

// mathParser reads LaTeX math from s and adds up the widths of its atoms.
type mathParser struct {
	s    string
	i    int
	text bool // text style: fractions in script size
	// stack holds the atoms of the lists being read, innermost last, so
	// that a width is measured without allocating a list per group.
	stack []atom
}

// atom is one item of a math list.
type atom struct {
	w    float64
	kind atomKind
	glue bool // a space: no atom, but it ends a run of binary operators
}

// list reads up to the end of s, or to the closing brace when inGroup, and
// returns the width of what it read at the given scale.
func (p *mathParser) list(scale float64, inGroup bool) float64 {
	base := len(p.stack)
	atoms := p.stack
	defer func() { p.stack = p.stack[:base] }()
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '}':
			p.i++
			if inGroup {
				return scale * spaced(atoms[base:])
			}
		case c == ' ' || c == '\n' || c == '\t' || c == '&':
			p.i++
		case c == '{':
			p.i++
			p.stack = atoms
			w := p.list(1, true)
			atoms = append(p.stack, atom{w: w, kind: ordAtom})
		case c == '_' || c == '^':
			p.i++
			p.stack = atoms
			w := p.argument(scriptScale) + 0.5
			atoms = p.stack
			if n := len(atoms); n > base && atoms[n-1].kind == opAtom && atoms[n-1].w > 14 {
				atoms[n-1].w = max(atoms[n-1].w, w) // limits of \sum sit above and below
			} else if n > base {
				atoms[n-1].w += w
			} else {
				atoms = append(atoms, atom{w: w})
			}
		case c == '\\':
			p.stack = atoms
			atoms = p.command(atoms)
		default:
			p.i++
			switch g := glyphs[c]; {
			case g.w > 0:
				atoms = append(atoms, atom{w: g.w, kind: g.kind})
			case c >= '0' && c <= '9':
				atoms = append(atoms, atom{w: 5.0})
			case c >= 'A' && c <= 'Z':
				atoms = append(atoms, atom{w: 7.5})
			default:
				atoms = append(atoms, atom{w: 5.0})
			}
		}
	}
	p.stack = atoms
	return scale * spaced(atoms[base:])
}

// command reads the command at p.i and appends what it sets.
func (p *mathParser) command(atoms []atom) []atom {
	p.i++ // the backslash
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	if p.i == start && p.i < len(p.s) {
		p.i++ // \, \{ and the like
	}
	name := p.s[start:p.i]
	switch name {
	case "frac":
		scale := 1.0
		if p.text {
			scale = scriptScale
		}
		top, bottom := p.argument(scale), p.argument(scale)
		return append(atoms, atom{w: max(top, bottom) + 2.4, kind: innerAtom})
	case "mathrm", "text":
		return append(atoms, atom{w: p.roman()})
	case "left", "right":
		return atoms
	}
	if w, ok := mathSpaces[name]; ok {
		return append(atoms, atom{w: w, glue: true})
	}
	if g, ok := mathCommands[name]; ok {
		return append(atoms, atom{w: g.w, kind: g.kind})
	}
	return append(atoms, atom{w: 5.0})
}

// argument reads one argument, a braced group or a single character, and
// returns its width at scale.
func (p *mathParser) argument(scale float64) float64 {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i >= len(p.s) {
		return 0
	}
	if p.s[p.i] == '{' {
		p.i++
		return p.list(scale, true)
	}
	q := mathParser{text: p.text}
	end := p.i + 1
	if p.s[p.i] == '\\' {
		for end < len(p.s) && isLetter(p.s[end]) {
			end++
		}
	}
	q.s = p.s[p.i:end]
	p.i = end
	return q.list(scale, false)
}

// roman reads a braced argument set in roman type (\mathrm, \text) and
// returns its width.
func (p *mathParser) roman() float64 {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return 0
	}
	w := 0.0
	for p.i++; p.i < len(p.s) && p.s[p.i] != '}'; p.i++ {
		c := p.s[p.i]
		switch {
		case romans[c] > 0:
			w += romans[c]
		case c >= 'A' && c <= 'Z':
			w += 7.5
		default:
			w += 5.0
		}
	}
	p.i++
	return w
}

// nearest returns the index of the nearest atom before (dir -1) or after
// (dir 1) atom k that is not glue, or -1 when there is none.
func nearest(atoms []atom, k, dir int) int {
	for j := k + dir; j >= 0 && j < len(atoms); j += dir {
		if !atoms[j].glue {
			return j
		}
	}
	return -1
}

// spaced returns the width of a list of atoms with TeX's spaces between
// them (display style). A binary operator with nothing to its left, or
// after an operator, relation, opening or punctuation, is an ordinary
// symbol, as is one followed by a relation, a closing or the end.
func spaced(atoms []atom) float64 {
	for k := range atoms {
		if atoms[k].kind != binAtom {
			continue
		}
		prev := nearest(atoms, k, -1)
		if prev < 0 {
			atoms[k].kind = ordAtom
			continue
		}
		switch atoms[prev].kind {
		case binAtom, opAtom, relAtom, openAtom, punctAtom:
			atoms[k].kind = ordAtom
		}
	}
	for k := range atoms {
		if atoms[k].kind != binAtom {
			continue
		}
		next := nearest(atoms, k, 1)
		if next < 0 {
			atoms[k].kind = ordAtom
			continue
		}
		switch atoms[next].kind {
		case relAtom, closeAtom, punctAtom:
			atoms[k].kind = ordAtom
		}
	}
	w := 0.0
	prev := -1
	for k, a := range atoms {
		w += a.w
		if a.glue {
			continue
		}
		if prev >= 0 {
			w += between(atoms[prev].kind, a.kind)
		}
		prev = k
	}
	return w
}

// spacing is TeX's table of spaces between atoms in display style (The
// TeXbook, chapter 18), in units of thin spaces: 1 thin, 2 medium, 3 thick.
// A binary operator never sits next to an open, a relation, another
// binary operator or a closing, so those cells are zero.
var spacing = [8][8]int{
	//         ord op bin rel open close punct inner
	ordAtom:   {0, 1, 2, 3, 0, 0, 0, 1},
	opAtom:    {1, 1, 0, 3, 0, 0, 0, 1},
	binAtom:   {2, 2, 0, 0, 2, 0, 0, 2},
	relAtom:   {3, 3, 0, 0, 3, 0, 0, 3},
	openAtom:  {0, 0, 0, 0, 0, 0, 0, 0},
	closeAtom: {0, 1, 2, 3, 0, 0, 0, 1},
	punctAtom: {1, 1, 0, 1, 1, 1, 1, 1},
	innerAtom: {1, 1, 2, 3, 1, 0, 1, 1},
}

// between returns the space TeX puts between atoms of kinds a and b.
func between(a, b atomKind) float64 {
	return [...]float64{0, thinSpace, medSpace, thickSpace}[spacing[a][b]]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// inlineWidth returns the estimated width in points of a run of text and
// inline math, as a table cell or a line of a paragraph sets it.
func inlineWidth(in inline) float64 {
	w := 0.0
	for _, s := range in {
		if s.kind == mathSpan {
			w += textMathWidth(s.s)
			continue
		}
		for i := 0; i < len(s.s); i++ {
			switch c := s.s[i]; {
			case romans[c] > 0:
				w += romans[c]
			case c >= 'A' && c <= 'Z':
				w += 7.5
			case c == '.' || c == ',' || c == ';' || c == ':' || c == '\'':
				w += 2.78
			default:
				w += 5.0
			}
		}
	}
	return w
}
