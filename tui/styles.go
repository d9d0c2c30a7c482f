package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every style of the tutor, chosen for a light or a dark
// terminal background. Meaning is never carried by colour alone: every
// styled element also differs in text (a marker, a label or a sign).
type Styles struct {
	Plain    bool           // no styling at all (nnmath print to a file)
	App      lipgloss.Style // the app name in the header
	Title    lipgloss.Style // the lesson title in the header
	Progress lipgloss.Style // the filled part of the progress bar
	Track    lipgloss.Style // the empty part of the progress bar
	Rule     lipgloss.Style // the line under the header
	Heading  lipgloss.Style // headings inside a lesson
	Text     lipgloss.Style // prose
	Figure   lipgloss.Style // figures: diagrams, plots, tables
	StepNew  lipgloss.Style // the title of the newest step
	StepOld  lipgloss.Style // earlier steps, quieter
	Formula  lipgloss.Style // a formula in symbols
	Result   lipgloss.Style // the result of a formula
	Note     lipgloss.Style // where the paper differs
	Hint     lipgloss.Style // "space: next step"
	Up       lipgloss.Style // the mark of a value that rose
	Down     lipgloss.Style // the mark of a value that fell
	Error    lipgloss.Style // messages about bad input
	Status   lipgloss.Style // messages about what just happened
	Focus    lipgloss.Style // the focused field or item
	Help     help.Styles    // the help bar
}

// NewStyles returns the styles for a dark (isDark) or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B69CFF"))
	quiet := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	faint := ld(lipgloss.Color("#B0B0B0"), lipgloss.Color("#4A4A4A"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E4E4E4"))
	green := ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#5FD38D"))
	red := ld(lipgloss.Color("#C0392B"), lipgloss.Color("#FF7B72"))
	amber := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#F2C14E"))
	base := lipgloss.NewStyle()
	return Styles{
		App:      base.Bold(true).Foreground(accent),
		Title:    base.Bold(true).Foreground(text),
		Progress: base.Foreground(accent),
		Track:    base.Foreground(faint),
		Rule:     base.Foreground(faint),
		Heading:  base.Bold(true).Foreground(accent),
		Text:     base.Foreground(text),
		Figure:   base.Foreground(text),
		StepNew:  base.Bold(true).Foreground(accent),
		StepOld:  base.Foreground(quiet),
		Formula:  base.Foreground(text),
		Result:   base.Bold(true).Foreground(text),
		Note:     base.Foreground(amber),
		Hint:     base.Foreground(quiet).Italic(true),
		Up:       base.Foreground(green),
		Down:     base.Foreground(red),
		Error:    base.Bold(true).Foreground(red),
		Status:   base.Foreground(green),
		Focus:    base.Bold(true).Foreground(accent),
		Help:     help.DefaultStyles(isDark),
	}
}

// PlainStyles returns styles that add nothing, for plain-text output.
func PlainStyles() Styles {
	var s Styles
	s.Plain = true
	return s
}
