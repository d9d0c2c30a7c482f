package tui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
)

// PanelWidth is the width of the parameter panel beside a lesson.
const PanelWidth = 30

// panel is the list of every editable number (inputs, weights, biases,
// targets, learning rate); the focused one is edited in a text field.
type panel struct {
	fields []lessons.Field
	pixels bool // the inputs are the image lesson's pixels
	focus  int
	input  textinput.Model
	fresh  bool   // the field holds the value as loaded: typing a character replaces it
	err    string // why the last entry was refused, shown under the field
}

func newPanel(s *lessons.Session, isDark bool) panel {
	p := panel{fields: lessons.Fields(s.Net), input: newTextInput()}
	p.input.Prompt = ""
	p.input.CharLimit = 32
	p.input.SetWidth(PanelWidth - 10)
	p.input.SetStyles(textinput.DefaultStyles(isDark))
	return p
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
func (p *panel) load(s *lessons.Session) {
	p.input.SetValue(numText(p.field().Get(s.Net)))
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
func (p *panel) move(s *lessons.Session, delta int) {
	n := len(p.fields)
	p.focus = ((p.focus+delta)%n + n) % n
	p.err = ""
	p.load(s)
}

// enter focuses the panel's first field.
func (p *panel) enter(s *lessons.Session) tea.Cmd {
	p.focus = 0
	p.err = ""
	p.load(s)
	return p.input.Focus()
}

// leave blurs the text field, dropping what was typed.
func (p *panel) leave() {
	p.err = ""
	p.input.Blur()
}

// apply sets the focused field to what was typed; a refused entry keeps
// the old value and explains why.
func (p *panel) apply(s *lessons.Session) bool {
	if err := s.Edit(p.field(), p.input.Value()); err != nil {
		p.err = err.Error()
		return false
	}
	p.err = ""
	p.load(s)
	return true
}

// nudge adds delta to the focused field at once.
func (p *panel) nudge(s *lessons.Session, delta float64) bool {
	if err := s.Nudge(p.field(), delta); err != nil {
		p.err = err.Error()
		return false
	}
	p.err = ""
	p.load(s)
	return true
}

// view renders the panel in a column of width x height, keeping the
// focused field in view.
func (p *panel) view(st Styles, s *lessons.Session, focused bool, width, height int) string {
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
		label := padRight(f.Label, 5)
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
		title += "  (tab: edit)"
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
		if ansi.StringWidth(l) > width {
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
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
