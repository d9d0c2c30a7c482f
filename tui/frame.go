package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
)

// This file holds the layout of the frame the root owns: the sizes given to
// each part of the screen, the header, the status lines, the help bar, and
// the composed screen.

// resize lays the frame out for a terminal of w x h.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	if m.focus == focusQuiz {
		m.quiz.SetSize(w, h)
	}
	if m.tooSmall() {
		m.lesson.SetSize(0, 0)
		return
	}
	m.lesson.SetSize(m.bodyWidth(), m.lesson.height)
}

// setStyles restyles the frame and every part of the screen for a dark
// (isDark) or light background.
func (m *Model) setStyles(isDark bool) {
	m.isDark = isDark
	m.styles = NewStyles(isDark)
	m.help.Styles = m.styles.Help
	m.menu.SetStyles(isDark)
	m.panel.SetStyles(isDark)
	m.prompt.SetStyles(isDark)
	m.lesson.SetStyles(m.styles)
}

// panelBeside reports whether the parameter panel stands beside the lesson.
func (m *Model) panelBeside() bool { return m.width >= WideWidth }

// panelBelow reports whether the parameter panel is open under the lesson:
// on a narrow terminal, while a field is being edited.
func (m *Model) panelBelow() bool {
	return !m.panelBeside() && (m.focus == focusPanel || m.focus == focusPrompt && m.prompt.back == focusPanel)
}

// panelBelowHeight is the height of the panel under the lesson, out of a
// body of h lines: enough for a few fields around the focused one and its
// message, leaving the rest to the lesson, whose values change as one edits.
func panelBelowHeight(h int) int { return min(9, max(4, h/2)) }

// bodyWidth is the width lessons are laid out for: the terminal less a
// margin each side, and less the panel when it stands beside the lesson.
func (m *Model) bodyWidth() int {
	if m.panelBeside() {
		return max(1, m.width-2-PanelWidth-3)
	}
	return max(1, m.width-2)
}

// layoutFrame renders the header, the status lines and the help bar, and
// sizes the viewport and the menu to what they leave.
func (m *Model) layoutFrame() {
	if m.tooSmall() {
		return
	}
	m.header = m.renderHeader()
	m.help.SetWidth(m.width - 2)
	m.helpBar, m.statusBar = m.helpView(), m.statusLines()
	bodyH := max(1, m.height-2-lipgloss.Height(m.helpBar)-lipgloss.Height(m.statusBar))
	if m.panelBelow() {
		bodyH = max(1, bodyH-panelBelowHeight(bodyH)-1) // and a rule
	}
	m.panel.SetPixels(m.lesson.Current().ID == lessons.IDImage && lessons.HasImage(m.session.Net))
	m.lesson.SetSize(m.bodyWidth(), bodyH)
	m.menu.SetSize(m.width-2, bodyH)
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// renderHeader draws the app name, the lesson number and title, and a
// progress bar over all lessons.
func (m *Model) renderHeader() string {
	st := m.styles
	n, i := len(m.lesson.deck), m.lesson.pos.lesson
	left := style(st.App, "nnmath") + "  " + style(st.Title, strconv.Itoa(i+1)+"/"+strconv.Itoa(n)+" "+m.lesson.Current().Title)
	barW := min(20, max(5, m.width-textWidth(left)-14))
	filled := barW * (i + 1) / n
	bar := style(st.Progress, strings.Repeat("█", filled)) + style(st.Track, strings.Repeat("░", barW-filled))
	right := bar
	gap := m.width - 2 - textWidth(left) - textWidth(right)
	line := left + strings.Repeat(" ", max(1, gap)) + right
	if textWidth(line) > m.width-2 {
		line = ansi.Truncate(left, m.width-2, "…")
	}
	return " " + line + "\n" + style(st.Rule, strings.Repeat("─", m.width))
}

// statusLines is what stands above the help bar: the file prompt, what
// just happened, or which nodes are saturated. A message is wrapped, up to
// maxStatusLines lines, so that its end (usually the reason) is never cut.
func (m *Model) statusLines() string {
	st := m.styles
	var lines []string
	say := func(s Paint, text string, max int) {
		ws := wrapWords(text, m.width-2)
		if len(ws) > max {
			ws = ws[:max]
			ws[max-1] = ansi.Truncate(ws[max-1]+" …", m.width-2, "…")
		}
		for _, w := range ws {
			lines = append(lines, " "+style(s, w))
		}
	}
	if m.focus == focusPrompt {
		lines = append(lines, " "+m.prompt.View(st))
	}
	switch {
	case m.status != "" && m.statusErr:
		say(st.Error, "✗ "+m.status, maxStatusLines)
	case m.status != "":
		say(st.Status, "✓ "+m.status, maxStatusLines)
	case m.focus != focusPrompt:
		if sat := m.session.Saturated(); len(sat) > 0 {
			say(st.Note, "⚠ saturated: "+strings.Join(sat, ", ")+" (out at its limit, slope 0, so no gradient flows through)", 2)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n")
}

// maxStatusLines is the most lines a status message takes.
const maxStatusLines = 3

// helpMargin indents the help bar by one column, like the body.
var helpMargin = lipgloss.NewStyle().PaddingLeft(1)

// helpKeys adapts a list of bindings to help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding { return h.short }

func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// helpView renders the help bar for the focused part of the screen, fitted
// to the width: the short help drops lesser keys (never ? and q), the full
// help packs every key into as many columns as fit.
func (m *Model) helpView() string {
	g, lk := m.keys, m.lesson.keys
	var short, full []key.Binding
	keep := 2 // ? and q
	switch m.focus {
	case focusMenu:
		short = m.menu.ShortHelp()
		if !m.menu.filtering() {
			short = append(short, g.Quit)
		}
		full = short
	case focusPanel: // the panel's keys, with saving and paging the lesson before esc
		short = insertBeforeLast(m.panel.keys.ShortHelp(), g.Save, lk.PageDown)
		full, keep = short, 1 // esc
	case focusPrompt:
		short = m.prompt.keys.ShortHelp()
		full, keep = short, 1 // esc
	default:
		// moving through the lesson, opening the panel and the menu before
		// hiding a step, the lesson's own keys (the first to go when the bar
		// is narrow), then ? and q
		short = append(slices.Insert(lk.ShortHelp(), 3, g.Panel, g.Menu), g.ShortHelp()...)
		full = append(lk.actionHelp(), lk.Reveal, lk.Hide, lk.Next, lk.Prev, g.Menu, lk.Jump,
			lk.Fewer, lk.More, g.Panel, lk.Reset, g.Save, g.Export, pairHelp(lk.Up, lk.Down, "scroll"),
			pairHelp(lk.PageUp, lk.PageDown, "page"), pairHelp(lk.First, lk.Last, "first/last step"), g.Help, g.Quit)
	}
	w := m.width - 2
	memo := helpMemoKey(short, full, keep, w, m.help.ShowAll, m.isDark)
	if memo == m.helpMemo.key {
		return m.helpMemo.text // most keys change the lesson, not the keys it offers
	}
	text := helpMargin.Render(m.help.View(helpKeys{short: fitShort(short, keep, w), full: packFull(full, w)}))
	m.helpMemo.key, m.helpMemo.text = memo, text
	return text
}

// helpMemoKey returns everything the help bar is drawn from: the
// bindings offered (enabled or not, with their help), how many must stay,
// the width, whether the full help shows and the colours.
func helpMemoKey(short, full []key.Binding, keep, width int, all, dark bool) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(keep) + " " + strconv.Itoa(width) + " " + strconv.FormatBool(all) + " " + strconv.FormatBool(dark))
	for _, bs := range [2][]key.Binding{short, full} {
		b.WriteByte('\x1e')
		for _, k := range bs {
			h := k.Help()
			if k.Enabled() {
				b.WriteByte('+')
			} else {
				b.WriteByte('-')
			}
			b.WriteString(h.Key + "\x1f" + h.Desc + "\x1f")
		}
	}
	return b.String()
}

// pairHelp is one entry of the full help for two keys that go together,
// such as ↑ and ↓: "↑/↓ scroll", so that the full help fits a small screen.
func pairHelp(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(a.Help().Key+"/"+b.Help().Key, desc))
}

// insertBeforeLast returns bs with more inserted before its last binding.
func insertBeforeLast(bs []key.Binding, more ...key.Binding) []key.Binding {
	return slices.Insert(bs, len(bs)-1, more...)
}

// compose renders the frame: header, body (the lesson, the menu or the
// panel) and the status and help lines.
func (m *Model) compose() string {
	var content string
	if m.focus == focusQuiz && !m.tooSmall() {
		return m.quiz.View()
	}
	if m.tooSmall() {
		msg := "Make the terminal larger: nnmath needs at least " + strconv.Itoa(MinWidth) + "x" + strconv.Itoa(MinHeight) +
			" (now " + strconv.Itoa(m.width) + "x" + strconv.Itoa(m.height) + ")."
		content = strings.Join(wrapWords(msg, m.width), "\n")
	} else {
		main := m.lesson.View()
		h := m.lesson.height
		switch {
		case m.focus == focusMenu:
			main = m.menu.View()
		case m.panelBeside():
			rule := style(m.styles.Rule, strings.TrimSuffix(strings.Repeat(" │ \n", h), "\n"))
			main = lipgloss.JoinHorizontal(lipgloss.Top, main, rule, m.panel.View(m.styles, m.focus == focusPanel || m.prompt.back == focusPanel && m.focus == focusPrompt, PanelWidth, h))
		case m.panelBelow():
			ph := panelBelowHeight(m.height - 2 - lipgloss.Height(m.helpBar) - lipgloss.Height(m.statusBar))
			main = fitHeight(main, h) + "\n" + style(m.styles.Rule, strings.Repeat("─", m.width)) + "\n" +
				" " + strings.ReplaceAll(m.panel.View(m.styles, true, m.width-2, ph), "\n", "\n ")
			h += ph + 1
		}
		main = fitHeight(main, h)
		content = m.header + "\n" + main + "\n" + m.statusBar + "\n" + m.helpBar
	}
	return content
}

// fitHeight cuts or pads s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.SplitN(s, "\n", h+1)
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
