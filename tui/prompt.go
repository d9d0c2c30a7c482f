package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// prompt asks for a file name on the status line.
type prompt struct {
	kind  promptKind
	label string
	input textinput.Model
	back  focus // where focus returns afterwards
}

// promptKind says what a prompt's file name is for.
type promptKind int

const (
	promptSave   promptKind = iota // save the network as JSON
	promptExport                   // export the worked solution
)

func newPrompt(isDark bool) prompt {
	p := prompt{input: newTextInput()}
	p.input.Prompt = ""
	p.input.CharLimit = 1024
	p.input.SetStyles(textinput.DefaultStyles(isDark))
	return p
}

// open shows the prompt with a suggested value.
func (p *prompt) open(kind promptKind, label, value string) tea.Cmd {
	p.kind = kind
	p.label = label
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

func (p *prompt) view(st Styles) string {
	return ansi.Truncate(style(st.Focus, p.label)+p.input.View(), 200, "…")
}
