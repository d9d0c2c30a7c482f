package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// prompt asks for a file name on the status line.
type prompt struct {
	keys  PromptKeyMap
	kind  promptKind
	label string
	input textinput.Model
	back  focus // where focus returns afterwards
}

// promptKind says what a prompt's file name is for.
type promptKind int

const (
	promptSave       promptKind = iota // save the network as JSON
	promptExport                       // export the worked solution
	promptSaveDigits                   // save the network trained on the digits
)

// promptResult is what a key in the prompt asks of the root: nothing yet,
// to write the file named, or to give up.
type promptResult int

const (
	promptTyping    promptResult = iota // the name is being typed
	promptConfirmed                     // write the file named by Value
	promptCancelled                     // write nothing
)

func newPrompt(keys PromptKeyMap) prompt {
	p := prompt{keys: keys, input: newTextInput()}
	p.input.Prompt = ""
	p.input.CharLimit = 1024
	p.SetStyles(true)
	return p
}

// SetStyles restyles the text field for a dark (isDark) or light background.
func (p *prompt) SetStyles(isDark bool) { p.input.SetStyles(textinput.DefaultStyles(isDark)) }

// Open shows the prompt for kind with a suggested value; focus returns to
// back afterwards.
func (p *prompt) Open(kind promptKind, back focus, label, value string) tea.Cmd {
	p.kind, p.back, p.label = kind, back, label
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

// Update handles a key or another message while the prompt is open.
func (p prompt) Update(msg tea.Msg) (prompt, tea.Cmd, promptResult) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Cancel):
			return p, nil, promptCancelled
		case key.Matches(k, p.keys.Confirm):
			return p, nil, promptConfirmed
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd, promptTyping
}

// Value returns the file name typed, without surrounding spaces.
func (p *prompt) Value() string { return strings.TrimSpace(p.input.Value()) }

// Close blurs the text field.
func (p *prompt) Close() { p.input.Blur() }

// View renders the prompt's line.
func (p *prompt) View(st Styles) string {
	return ansi.Truncate(style(st.Focus, p.label)+p.input.View(), 200, "…")
}
