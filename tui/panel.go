package tui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
)

// PanelWidth is the width of the parameter panel beside a lesson.
const PanelWidth = 30

// panel is the list of every editable number (inputs, weights, biases,
// targets, learning rate); the focused one is edited in a text field. It
// edits the session the root owns through the session's methods.
type panel struct {
	session *lessons.Session
	keys    PanelKeyMap
	editKey string // the name of the key that opens the panel, for its title
	fields  []lessons.Field
	pixels  bool // the inputs are the image lesson's pixels
	focus   int
	input   textinput.Model
	fresh   bool   // the field holds the value as loaded: typing a character replaces it
	err     string // why the last entry was refused, shown under the field
}

func newPanel(s *lessons.Session, keys PanelKeyMap, editKey string) panel {
	p := panel{session: s, keys: keys, editKey: editKey, fields: lessons.Fields(s.Net), input: newTextInput()}
	p.input.Prompt = ""
	p.input.CharLimit = 32
	p.input.SetWidth(PanelWidth - 10)
	p.SetStyles(true)
	return p
}

// Reload lists the fields of the session's network again, after the
// session was given another network.
func (p *panel) Reload() {
	p.fields = lessons.Fields(p.session.Net)
	p.focus, p.err = 0, ""
}

// SetStyles restyles the text field for a dark (isDark) or light background.
func (p *panel) SetStyles(isDark bool) { p.input.SetStyles(textinput.DefaultStyles(isDark)) }

// SetPixels says whether the inputs are the image lesson's pixels, shown
// and edited as darkness.
func (p *panel) SetPixels(pixels bool) { p.pixels = pixels }

// panelResult is what a key in the panel asks of the root.
type panelResult int

const (
	panelStays   panelResult = iota // nothing beyond the panel changed
	panelChanged                    // the session's network changed: lay the lesson out again
	panelLeft                       // the learner left the panel
)

// Update handles a key or another message while a field is focused.
func (p panel) Update(msg tea.Msg) (panel, tea.Cmd, panelResult) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, p.typed(msg), panelStays // a paste replaces a value just loaded, as typing does
	}
	changed := false
	switch {
	case key.Matches(k, p.keys.FieldLeave):
		p.Leave()
		return p, nil, panelLeft
	case key.Matches(k, p.keys.FieldNext):
		p.move(1)
	case key.Matches(k, p.keys.FieldPrev):
		p.move(-1)
	case key.Matches(k, p.keys.FieldApply):
		changed = p.apply()
	case key.Matches(k, p.keys.NudgeUp):
		changed = p.nudge(0.01)
	case key.Matches(k, p.keys.NudgeDown):
		changed = p.nudge(-0.01)
	case key.Matches(k, p.keys.NudgeUpMore):
		changed = p.nudge(0.1)
	case key.Matches(k, p.keys.NudgeDownMore):
		changed = p.nudge(-0.1)
	default:
		return p, p.typed(msg), panelStays
	}
	if changed {
		return p, nil, panelChanged
	}
	return p, nil, panelStays
}

// field returns the focused field.
func (p *panel) field() lessons.Field { return p.at(p.focus) }

// at returns field i, read as a pixel where the inputs are pixels.
func (p *panel) at(i int) lessons.Field {
	if p.pixels {
		return p.fields[i].AsPixel()
	}
	return p.fields[i]
}

// load puts the focused field's current value into the text field.
func (p *panel) load() {
	p.input.SetValue(numText(p.field().Get(p.session.Net)))
	p.input.CursorEnd()
	p.fresh = true
}

// typed passes a key, a paste or another message to the text field. The
// first character typed or pasted into a freshly loaded value replaces it,
// as in a spreadsheet cell; any other key (backspace, the arrows) starts
// editing the value instead. Editing the text clears the message about it.
func (p *panel) typed(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.fresh && msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			p.input.SetValue("")
		}
		p.fresh = false
	case tea.PasteMsg:
		if p.fresh {
			p.input.SetValue("")
		}
		p.fresh = false
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.err = "" // the message was about the text as it was entered
	}
	return cmd
}

// move focuses the next (delta 1) or previous (delta -1) field, wrapping around.
func (p *panel) move(delta int) {
	n := len(p.fields)
	p.focus = ((p.focus+delta)%n + n) % n
	p.err = ""
	p.load()
}

// Enter focuses the panel's first field.
func (p *panel) Enter() tea.Cmd {
	p.focus = 0
	p.err = ""
	p.load()
	return p.input.Focus()
}

// Refocus focuses the text field again after a prompt took the keys.
func (p *panel) Refocus() tea.Cmd { return p.input.Focus() }

// Leave blurs the text field, dropping what was typed.
func (p *panel) Leave() {
	p.err = ""
	p.input.Blur()
}

// apply sets the focused field to what was typed; a refused entry keeps
// the old value and explains why.
func (p *panel) apply() bool {
	if err := p.session.Edit(p.field(), p.input.Value()); err != nil {
		p.err = err.Error()
		return false
	}
	p.err = ""
	p.load()
	return true
}

// nudge adds delta to the focused field at once.
func (p *panel) nudge(delta float64) bool {
	if err := p.session.Nudge(p.field(), delta); err != nil {
		p.err = err.Error()
		return false
	}
	p.err = ""
	p.load()
	return true
}

// View renders the panel in a column of width x height, keeping the
// focused field in view.
func (p *panel) View(st Styles, focused bool, width, height int) string {
	s := p.session
	type row struct {
		text  string
		field int // index of the field on this row, -1 for headings
	}
	var rows []row
	group := ""
	for i := range p.fields {
		f := p.at(i)
		if f.Group != group {
			group = f.Group
			rows = append(rows, row{style(st.Heading, group), -1})
		}
		label := padRight(f.Symbol(), 5)
		if focused && i == p.focus {
			rows = append(rows, row{style(st.Focus, "▸ "+label) + " " + p.input.View(), i})
			if p.err != "" {
				for _, l := range wrapWords(p.err, width-4) {
					rows = append(rows, row{"    " + style(st.Error, l), i})
				}
			}
			continue
		}
		rows = append(rows, row{"  " + label + " " + s.F(f.Get(s.Net)), i})
	}
	title := "Parameters"
	if !focused {
		title += "  (" + p.editKey + ": edit)"
	}
	lines := []string{style(st.Title, title)}
	avail := max(1, height-1)
	start := 0
	if focused {
		first := 0
		for k, r := range rows {
			if r.field == p.focus {
				first = k
				break
			}
		}
		if first >= avail-2 {
			start = first - avail/2
		}
	}
	for k := start; k < len(rows) && len(lines) < height; k++ {
		lines = append(lines, rows[k].text)
	}
	for i, l := range lines {
		if textWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// numText writes v for editing: as short as possible while exact.
func numText(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e15) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func padRight(s string, w int) string {
	if n := textWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
