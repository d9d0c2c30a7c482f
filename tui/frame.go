package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
)

// This file holds the layout of the frame: which lesson is shown and how it
// is laid out, the header, the status lines, the help bar, and the composed
// screen.

// goTo shows lesson i, if there is one.
func (m *Model) goTo(i int) {
	if i < 0 || i >= len(m.lessons) || i == m.current {
		return
	}
	m.current = i
	m.refresh()
	m.viewport.GotoTop()
}

// resize lays the frame out for a terminal of w x h.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	if m.focus == focusQuiz {
		m.quiz.SetSize(w, h)
	}
	m.refresh()
}

func (m *Model) setStyles(isDark bool) {
	m.isDark = isDark
	m.styles = NewStyles(isDark)
	m.help.Styles = m.styles.Help
	m.menu.setStyles(isDark)
	m.panel.input.SetStyles(textinput.DefaultStyles(isDark))
	m.prompt.input.SetStyles(textinput.DefaultStyles(isDark))
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

// refresh rebuilds the current lesson and the frame from the session.
func (m *Model) refresh() {
	l := m.lessons[m.current]
	m.keys.forLesson(l.ID)
	m.panel.pixels = l.ID == "image" && lessons.HasImage(m.session.Net)
	if m.tooSmall() {
		return
	}
	m.pages = map[int]lessons.Page{}
	m.relayout()
}

// relayout lays the current lesson out again from the pages already built
// for the session as it is (only the revealed steps changed).
func (m *Model) relayout() {
	if m.tooSmall() {
		return
	}
	if m.pages == nil {
		m.pages = map[int]lessons.Page{}
	}
	l := m.lessons[m.current]
	build := func(w int) lessons.Page {
		p, ok := m.pages[w]
		if !ok {
			p = l.Build(m.session, w)
			m.pages[w] = p
		}
		return p
	}
	b := layoutPages(m.styles, build, m.bodyWidth(), m.revealed[m.current])
	if m.revealed[m.current] > b.steps {
		m.revealed[m.current] = b.steps
		b = layoutPages(m.styles, build, m.bodyWidth(), b.steps)
	}
	b.widths = make([]int, len(b.lines))
	for i, line := range b.lines {
		b.lines[i] = " " + colourMarks(m.styles, line)
		b.widths[i] = ansi.StringWidth(b.lines[i])
	}
	m.body = b
	m.keys.forSteps(m.revealed[m.current], b.steps)
	if build(m.bodyWidth()).Skip != "" {
		m.keys.forLesson("") // the lesson does not apply: none of its keys do anything
	}
	m.keys.Prev.SetEnabled(m.current > 0)
	m.keys.Next.SetEnabled(m.current < len(m.lessons)-1)
	if !m.session.IsPaper() { // the slips' notes show only on the paper's values
		m.keys.SlipOpen.SetEnabled(false)
	}
	if m.session.ParamChoices() < 2 { // nothing else to choose
		m.keys.ParamPrev.SetEnabled(false)
		m.keys.ParamNext.SetEnabled(false)
	}
	m.keys.Undo.SetEnabled(m.keys.Undo.Enabled() && m.session.Updates.Steps() > 0)
	m.viewport.SetContentLines(b.lines)
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
	m.viewport.SetWidth(m.bodyWidth() + 2)
	m.viewport.SetHeight(bodyH)
	m.menu.setSize(m.width-2, bodyH)
}

// showLineWith asks for the first body line holding mark, and a few lines
// after it, to be scrolled into view once the frame is laid out.
func (m *Model) showLineWith(mark string) { m.scroll = mark }

// showNewest asks for the newest revealed step to be scrolled into view once
// the frame is laid out.
func (m *Model) showNewest() { m.scroll = scrollNewest }

// scrollNewest is the scroll request of showNewest.
const scrollNewest = "\x00newest"

// applyScroll carries out the scroll request, if any, with the viewport's
// final height.
func (m *Model) applyScroll() {
	want := m.scroll
	m.scroll = ""
	h, off := m.viewport.Height(), m.viewport.YOffset()
	switch want {
	case "":
	case scrollNewest:
		top, bottom := m.body.newestTop, m.body.newestBottom
		switch {
		case top < 0:
		case bottom-top+1 > h || top < off:
			m.viewport.SetYOffset(top)
		case bottom >= off+h:
			m.viewport.SetYOffset(bottom - h + 2)
		}
	default:
		for k, l := range m.body.lines {
			if strings.Contains(l, want) {
				if k < off || k+h/2 > off+h {
					m.viewport.SetYOffset(max(0, k-1))
				}
				return
			}
		}
	}
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// renderHeader draws the app name, the lesson number and title, and a
// progress bar over all lessons.
func (m *Model) renderHeader() string {
	st := m.styles
	n := len(m.lessons)
	l := m.lessons[m.current]
	left := style(st.App, "nnmath") + "  " + style(st.Title, strconv.Itoa(m.current+1)+"/"+strconv.Itoa(n)+" "+l.Title)
	barW := min(20, max(5, m.width-ansi.StringWidth(left)-14))
	filled := barW * (m.current + 1) / n
	bar := style(st.Progress, strings.Repeat("█", filled)) + style(st.Track, strings.Repeat("░", barW-filled))
	right := bar
	gap := m.width - 2 - ansi.StringWidth(left) - ansi.StringWidth(right)
	line := left + strings.Repeat(" ", max(1, gap)) + right
	if ansi.StringWidth(line) > m.width-2 {
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
		lines = append(lines, " "+m.prompt.view(st))
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
	k := m.keys
	var short, full []key.Binding
	switch m.focus {
	case focusMenu:
		short = []key.Binding{k.Choose, k.Close, k.Quit}
		if m.menu.filtering() {
			short = []key.Binding{k.Choose, k.ClearFilter}
		}
		full = short
	case focusPanel:
		short = []key.Binding{k.FieldApply, k.FieldNext, k.NudgeUp, k.NudgeUpMore, k.Save, k.PageDown, k.FieldLeave}
		full = short
	case focusPrompt:
		short = []key.Binding{k.Confirm, k.Cancel}
		full = short
	default:
		lesson := k.lessonHelp()
		short = append(append([]key.Binding{}, lesson...), k.Reveal, k.Next, k.Prev, k.Panel, k.Menu, k.Hide, k.Help, k.Quit)
		full = append(append([]key.Binding{}, lesson...), k.Reveal, k.Hide, k.Next, k.Prev, k.Menu, k.Jump,
			k.Fewer, k.More, k.Panel, k.Reset, k.Save, k.Export, k.Up, k.Down, k.PageUp, k.PageDown, k.Help, k.Quit)
	}
	w := m.width - 2
	keep := 2 // ? and q
	if m.focus == focusPanel || m.focus == focusPrompt {
		keep = 1 // esc
	}
	return helpMargin.Render(m.help.View(helpKeys{short: fitShort(short, keep, w), full: packFull(full, w)}))
}

// compose renders the frame: header, body (the lesson, the menu or the
// panel) and the status and help lines.
func (m Model) compose() string {
	var content string
	if m.focus == focusQuiz && !m.tooSmall() {
		return m.quiz.View()
	}
	if m.tooSmall() {
		msg := "Make the terminal larger: nnmath needs at least " + strconv.Itoa(MinWidth) + "x" + strconv.Itoa(MinHeight) +
			" (now " + strconv.Itoa(m.width) + "x" + strconv.Itoa(m.height) + ")."
		content = strings.Join(wrapWords(msg, m.width), "\n")
	} else {
		main := m.bodyView()
		h := m.viewport.Height()
		switch {
		case m.focus == focusMenu:
			main = m.menu.view()
		case m.panelBeside():
			rule := style(m.styles.Rule, strings.TrimSuffix(strings.Repeat(" │ \n", h), "\n"))
			main = lipgloss.JoinHorizontal(lipgloss.Top, main, rule, m.panel.view(m.styles, m.session, m.focus == focusPanel || m.prompt.back == focusPanel && m.focus == focusPrompt, PanelWidth, h))
		case m.panelBelow():
			ph := panelBelowHeight(m.height - 2 - lipgloss.Height(m.helpBar) - lipgloss.Height(m.statusBar))
			main = fitHeight(main, h) + "\n" + style(m.styles.Rule, strings.Repeat("─", m.width)) + "\n" +
				" " + strings.ReplaceAll(m.panel.view(m.styles, m.session, true, m.width-2, ph), "\n", "\n ")
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

// bodyView renders the part of the lesson the viewport shows, every line
// padded to the viewport's width, as viewport.View does, but without
// measuring and wrapping again lines that relayout laid out to fit.
func (m *Model) bodyView() string {
	w, h, off := m.viewport.Width(), m.viewport.Height(), m.viewport.YOffset()
	var b strings.Builder
	b.Grow(h * (w + 16))
	for k := off; k < off+h; k++ {
		if k > off {
			b.WriteByte('\n')
		}
		width := 0
		if k < len(m.body.lines) {
			b.WriteString(m.body.lines[k])
			width = m.body.widths[k]
		}
		for range w - width {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
