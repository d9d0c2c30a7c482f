package tui

import (
	"strings"

	"nnmath/lessons"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// This file holds the window onto the laid-out lesson: scrolling what was
// asked for into view, and drawing the lines the window shows.

// scrollNewest is the scroll request that brings the newest revealed step
// into view.
const scrollNewest = "\x00newest"

// scrollChanged is the scroll request that brings into view the last line
// of the newest revealed step that an edit changed (it holds a mark), or
// the newest step when none did.
const scrollChanged = "\x00changed"

// applyScroll carries out the scroll request, if any, with the window's
// final height: the newest step, or the first line holding a mark and a
// few lines after it.
func (v *lessonView) applyScroll() {
	want := v.scroll
	v.scroll = ""
	h, off := v.viewport.Height(), v.viewport.YOffset()
	switch want {
	case "":
	case scrollChanged:
		k := v.changedLine()
		switch {
		case k < 0:
			v.scroll = scrollNewest
			v.applyScroll()
		case k < off:
			v.viewport.SetYOffset(k)
		case k >= off+h:
			v.viewport.SetYOffset(k - h + 2)
		}
	case scrollNewest:
		top, bottom := v.body.newestTop, v.body.newestBottom
		switch {
		case top < 0:
		case bottom-top+1 > h || top < off:
			v.viewport.SetYOffset(top)
		case bottom >= off+h:
			v.viewport.SetYOffset(bottom - h + 2)
		}
	default:
		for k, l := range v.body.lines {
			if strings.Contains(l, want) {
				if k < off || k+h/2 > off+h {
					v.viewport.SetYOffset(max(0, k-1))
				}
				return
			}
		}
	}
}

// changedLine returns the last line of the newest revealed step that holds
// the mark of a changed value, or -1.
func (v *lessonView) changedLine() int {
	top, bottom := v.body.newestTop, v.body.newestBottom
	if top < 0 {
		return -1
	}
	for k := min(bottom, len(v.body.lines)-1); k >= top; k-- {
		if strings.Contains(v.body.lines[k], lessons.Up) || strings.Contains(v.body.lines[k], lessons.Down) {
			return k
		}
	}
	return -1
}

// View renders the part of the lesson the window shows, every line padded
// to the window's width, as viewport.View does, but without measuring and
// wrapping again lines that relayout laid out to fit.
func (v *lessonView) View() string {
	w, h, off := v.viewport.Width(), v.viewport.Height(), v.viewport.YOffset()
	var b strings.Builder
	b.Grow(h * (w + 16))
	for k := off; k < off+h; k++ {
		if k > off {
			b.WriteByte('\n')
		}
		width := 0
		if k < len(v.body.lines) {
			b.WriteString(v.body.lines[k])
			width = v.body.widths[k]
		}
		for range w - width {
			b.WriteByte(' ')
		}
	}
	if v.more {
		b.WriteByte('\n')
		b.WriteString(v.moreLine(w, off, h))
	}
	return b.String()
}

// moreLine is the scroll indicator under the window: where the body goes
// on beyond it, and the keys that go there.
func (v *lessonView) moreLine(w, off, h int) string {
	var text string
	above, below := off > 0, off+h < len(v.body.lines)
	switch {
	case above && below:
		text = "↑↓ more above and below"
	case below:
		text = "↓ more below: " + eitherKey(v.keys.Down, v.keys.PageDown)
	case above:
		text = "↑ more above: " + eitherKey(v.keys.Up, v.keys.PageUp)
	}
	text = " " + text
	if n := textWidth(text); n < w {
		text += strings.Repeat(" ", w-n)
	}
	return style(v.styles.Hint, ansi.Truncate(text, w, ""))
}

// eitherKey names the keys of the bindings that have one, joined by "or".
func eitherKey(bs ...key.Binding) string {
	var names []string
	for _, b := range bs {
		if n := keyName(b); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, " or ")
}
