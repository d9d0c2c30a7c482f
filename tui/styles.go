package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
)

// Styles holds every style of the tutor, chosen for a light or a dark
// terminal background. Meaning is never carried by colour alone: every
// styled element also differs in text (a marker, a label or a sign).
type Styles struct {
	Plain    bool            // no styling at all (nnmath print to a file)
	App      Paint           // the app name in the header
	Title    Paint           // the lesson title in the header
	Progress Paint           // the filled part of the progress bar
	Track    Paint           // the empty part of the progress bar
	Rule     Paint           // the line under the header
	Heading  Paint           // headings inside a lesson
	Text     Paint           // prose
	Figure   Paint           // figures: diagrams, plots, tables
	StepNew  Paint           // the title of the newest step
	StepOld  Paint           // earlier steps, quieter
	Formula  Paint           // a formula in symbols
	Result   Paint           // the result of a formula
	Note     Paint           // where the paper differs
	Hint     Paint           // "space: next step"
	Up       Paint           // the mark of a value that rose
	Down     Paint           // the mark of a value that fell
	Error    Paint           // messages about bad input
	Status   Paint           // messages about what just happened
	Focus    Paint           // the focused field or item
	Help     help.Styles     // the help bar
	Bar      *progress.Model // a progress bar inside a lesson; nil when plain
}

// palette is the colours the styles are made of.
type palette struct {
	accent, quiet, faint, text, green, red, amber color.Color
}

// NewStyles returns the styles for a dark (isDark) or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	return newStyles(palette{
		accent: ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B69CFF")),
		quiet:  ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A")),
		faint:  ld(lipgloss.Color("#B0B0B0"), lipgloss.Color("#4A4A4A")),
		text:   ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E4E4E4")),
		green:  ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#5FD38D")),
		red:    ld(lipgloss.Color("#C0392B"), lipgloss.Color("#FF7B72")),
		amber:  ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#F2C14E")),
	})
}

// helpStyles returns the help bar's styles: keys in the accent, what they
// do in the quiet colour, which read better than bubbles' default greys
// (about 2:1 against the background).
func helpStyles(c palette) help.Styles {
	key := lipgloss.NewStyle().Foreground(c.accent)
	desc := lipgloss.NewStyle().Foreground(c.quiet)
	line := lipgloss.NewStyle().Foreground(c.faint)
	return help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: line, Ellipsis: line,
		FullKey: key, FullDesc: desc, FullSeparator: line}
}

// NewStylesAnyBackground returns styles for a terminal whose background is
// not known (nnmath print writes before any answer could come): prose keeps
// the terminal's own colour, and the accents are middle tones that read on
// light and dark backgrounds alike.
func NewStylesAnyBackground() Styles {
	return newStyles(palette{
		accent: lipgloss.Color("#7D5FE0"),
		quiet:  lipgloss.Color("#808080"),
		faint:  lipgloss.Color("#808080"),
		text:   lipgloss.NoColor{},
		green:  lipgloss.Color("#2DA44E"),
		red:    lipgloss.Color("#D1453B"),
		amber:  lipgloss.Color("#B07D10"),
	})
}

func newStyles(c palette) Styles {
	accent, quiet, faint, text, green, red, amber := c.accent, c.quiet, c.faint, c.text, c.green, c.red, c.amber
	base := lipgloss.NewStyle()
	p := paintOf
	return Styles{
		App:      p(base.Bold(true).Foreground(accent)),
		Title:    p(base.Bold(true).Foreground(text)),
		Progress: p(base.Foreground(accent)),
		Track:    p(base.Foreground(faint)),
		Rule:     p(base.Foreground(faint)),
		Heading:  p(base.Bold(true).Foreground(accent)),
		Text:     p(base.Foreground(text)),
		Figure:   p(base.Foreground(text)),
		StepNew:  p(base.Bold(true).Foreground(accent)),
		StepOld:  p(base.Foreground(quiet)),
		Formula:  p(base.Foreground(text)),
		Result:   p(base.Bold(true).Foreground(text)),
		Note:     p(base.Foreground(amber)),
		Hint:     p(base.Foreground(quiet).Italic(true)),
		Up:       p(base.Foreground(green)),
		Down:     p(base.Foreground(red)),
		Error:    p(base.Bold(true).Foreground(red)),
		Status:   p(base.Foreground(green)),
		Focus:    p(base.Bold(true).Foreground(accent)),
		Help:     helpStyles(c),
		Bar:      progressModel(c),
	}
}

// progressModel returns the progress bar lessons show, in the palette's
// accent on its faint track, without the percentage (lessons write it).
func progressModel(c palette) *progress.Model {
	p := progress.New(progress.WithColors(c.accent), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	p.EmptyColor = c.faint
	return &p
}

// PlainStyles returns styles that add nothing, for plain-text output.
func PlainStyles() Styles {
	var s Styles
	s.Plain = true
	return s
}

// Paint is a style reduced to the escape codes before and after its text,
// worked out once, so that styling a line costs two concatenations instead
// of a lipgloss render. The zero Paint adds nothing.
type Paint struct{ pre, post string }

func paintOf(st lipgloss.Style) Paint {
	r := st.Render("\x00")
	i := strings.IndexByte(r, 0)
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: r[:i], post: r[i+1:]}
}

// Render returns s styled, line by line.
func (p Paint) Render(s string) string {
	if s == "" || (p.pre == "" && p.post == "") {
		return s
	}
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = p.Render(l)
		}
		return strings.Join(lines, "\n")
	}
	return p.pre + s + p.post
}
