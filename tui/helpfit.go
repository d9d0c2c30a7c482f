package tui

import (
	"charm.land/bubbles/v2/key"
)

// Separators the help bar puts between items (short help) and columns (full help).
const (
	shortSepWidth = 3 // " • "
	fullSepWidth  = 4 // "    "
)

// helpItemWidth is the width of one binding in the help bar: "key desc".
func helpItemWidth(b key.Binding) int {
	h := b.Help()
	return textWidth(h.Key) + 1 + textWidth(h.Desc)
}

// enabled returns the enabled bindings of bs: the only ones help shows.
func enabled(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// fitShort returns the bindings of bs that fit on one help line of width
// columns, in order. The last keep bindings (such as help and quit) are
// always kept; the others are dropped from the end first.
func fitShort(bs []key.Binding, keep, width int) []key.Binding {
	bs = enabled(bs)
	keep = min(keep, len(bs))
	head, tail := bs[:len(bs)-keep], bs[len(bs)-keep:]
	used := 0
	for _, b := range tail {
		used += helpItemWidth(b) + shortSepWidth
	}
	var out []key.Binding
	for _, b := range head {
		w := helpItemWidth(b) + shortSepWidth
		if used+w > width+shortSepWidth {
			break
		}
		used += w
		out = append(out, b)
	}
	return append(out, tail...)
}

// packFull arranges bs, in order, into columns of the fewest rows that let
// every column fit side by side in width columns.
func packFull(bs []key.Binding, width int) [][]key.Binding {
	bs = enabled(bs)
	for rows := 3; rows < len(bs); rows++ {
		cols := columns(bs, rows)
		total := -fullSepWidth
		for _, col := range cols {
			total += fullSepWidth + columnWidth(col)
		}
		if total <= width {
			return cols
		}
	}
	return [][]key.Binding{bs}
}

func columns(bs []key.Binding, rows int) [][]key.Binding {
	var cols [][]key.Binding
	for i := 0; i < len(bs); i += rows {
		cols = append(cols, bs[i:min(i+rows, len(bs))])
	}
	return cols
}

// columnWidth is the width of a full-help column: the widest key, a space,
// the widest description.
func columnWidth(col []key.Binding) int {
	kw, dw := 0, 0
	for _, b := range col {
		kw = max(kw, textWidth(b.Help().Key))
		dw = max(dw, textWidth(b.Help().Desc))
	}
	return kw + 1 + dw
}
