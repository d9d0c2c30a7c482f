package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// Smallest usable terminal.
const (
	MinWidth  = 60
	MinHeight = 16
)

// trainInterval is the time between two training animation ticks.
const trainInterval = 80 * time.Millisecond

// focus says which part of the screen receives keys.
type focus int

const (
	focusLesson focus = iota
	focusMenu
)

// Model is the tutor's root model: the session every lesson reads, which
// lesson is shown and how many of its steps are revealed, and the frame.
type Model struct {
	session  *lessons.Session
	lessons  []lessons.Lesson
	current  int
	revealed []int // steps revealed, per lesson

	keys   KeyMap
	styles Styles
	isDark bool
	focus  focus

	width, height int
	viewport      viewport.Model
	help          help.Model
	menu          menu
	body          body   // the current lesson laid out, rebuilt in Update
	header        string // rebuilt in Update
	ticking       bool   // a training tick is pending
}

// New returns the tutor on network n, which must be valid.
func New(n *mathcore.Network) Model {
	m := Model{
		session:  lessons.NewSession(n),
		lessons:  lessons.All(),
		keys:     DefaultKeyMap(),
		isDark:   true,
		width:    80,
		height:   24,
		viewport: viewport.New(),
		help:     help.New(),
	}
	m.revealed = make([]int, len(m.lessons))
	for i := range m.revealed {
		m.revealed[i] = 1
	}
	m.menu = newMenu(m.lessons)
	m.setStyles(true)
	m.resize(m.width, m.height)
	return m
}

// Init asks the terminal for its background colour, to pick light or dark styles.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// trainTickMsg advances the training animation.
type trainTickMsg struct{}

func trainTick() tea.Cmd {
	return tea.Tick(trainInterval, func(time.Time) tea.Msg { return trainTickMsg{} })
}

// Update handles a message and returns the updated model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		m.setStyles(msg.IsDark())
		m.refresh()
		return m, nil
	case trainTickMsg:
		m.ticking = false
		if m.session.TrainTick() {
			m.refresh()
		}
		return m, m.keepTicking()
	case tea.MouseWheelMsg:
		if m.focus == focusLesson {
			var cmd tea.Cmd
			m.viewport, cmd = m.viewport.Update(msg)
			return m, cmd
		}
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Quit) && !(m.focus == focusMenu && m.menu.filtering()) {
			return m, tea.Quit
		}
		if m.focus == focusMenu {
			return m.updateMenu(msg)
		}
		return m.updateLesson(msg)
	}
	return m, nil
}

// keepTicking arms the next training tick while a run is going.
func (m *Model) keepTicking() tea.Cmd {
	if m.ticking || !m.session.Training.Running {
		return nil
	}
	m.ticking = true
	return trainTick()
}

func (m Model) updateLesson(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s := m.session
	k := &m.keys
	scroll := false // the newest step should come into view
	switch {
	case key.Matches(msg, k.Next):
		m.goTo(m.current + 1)
	case key.Matches(msg, k.Prev):
		m.goTo(m.current - 1)
	case key.Matches(msg, k.Jump):
		if i, err := strconv.Atoi(msg.String()); err == nil {
			m.goTo(i - 1)
		}
	case key.Matches(msg, k.Menu):
		m.focus = focusMenu
		m.menu.open(m.current)
		m.layoutFrame()
		return m, nil
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layoutFrame()
		return m, nil
	case key.Matches(msg, k.Up):
		m.viewport.ScrollUp(1)
		return m, nil
	case key.Matches(msg, k.Down):
		m.viewport.ScrollDown(1)
		return m, nil
	case key.Matches(msg, k.PageUp):
		m.viewport.PageUp()
		return m, nil
	case key.Matches(msg, k.PageDown):
		m.viewport.PageDown()
		return m, nil
	case key.Matches(msg, k.Fewer):
		s.Digits = max(1, s.Digits-1)
	case key.Matches(msg, k.More):
		s.Digits = min(10, s.Digits+1)
	case key.Matches(msg, k.Reveal):
		if m.revealed[m.current] < m.body.steps {
			m.revealed[m.current]++
			scroll = true
		}
	case key.Matches(msg, k.Hide):
		if m.revealed[m.current] > 0 {
			m.revealed[m.current]--
			scroll = true
		}
	case key.Matches(msg, k.Dot):
		s.ToggleDot(strings.IndexByte(mathcore.DieDotNames, msg.String()[0]))
	case key.Matches(msg, k.FaceNext):
		s.StepFace(1)
	case key.Matches(msg, k.FacePrev):
		s.StepFace(-1)
	case key.Matches(msg, k.PointUp):
		s.MovePoint(0, 1)
	case key.Matches(msg, k.PointDown):
		s.MovePoint(0, -1)
	case key.Matches(msg, k.PointLeft):
		s.MovePoint(-1, 0)
	case key.Matches(msg, k.PointRight):
		s.MovePoint(1, 0)
	case key.Matches(msg, k.EtaUp):
		s.ScaleEta(1)
	case key.Matches(msg, k.EtaDown):
		s.ScaleEta(-1)
	case key.Matches(msg, k.ParamPrev):
		s.SelectParam(-1)
	case key.Matches(msg, k.ParamNext):
		s.SelectParam(1)
	// SLIPS-TODO
	case key.Matches(msg, k.Apply):
		s.ApplyUpdate()
	case key.Matches(msg, k.Undo):
		s.UndoUpdate()
	case key.Matches(msg, k.Reset):
		s.Reset()
	case key.Matches(msg, k.TrainToggle):
		s.ToggleTraining()
		m.refresh()
		return m, m.keepTicking()
	case key.Matches(msg, k.Faster):
		s.TrainSpeed(1)
	case key.Matches(msg, k.Slower):
		s.TrainSpeed(-1)
	default:
		return m, nil
	}
	m.refresh()
	if scroll {
		m.showNewest()
	}
	return m, nil
}

func (m Model) updateMenu(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if !m.menu.filtering() {
		switch {
		case key.Matches(msg, m.keys.Close):
			m.focus = focusLesson
			m.layoutFrame()
			return m, nil
		case key.Matches(msg, m.keys.Choose):
			m.focus = focusLesson
			m.goTo(m.menu.selected())
			m.layoutFrame()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.menu.list, cmd = m.menu.list.Update(msg)
	return m, cmd
}

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
	m.refresh()
}

func (m *Model) setStyles(isDark bool) {
	m.isDark = isDark
	m.styles = NewStyles(isDark)
	m.help.Styles = m.styles.Help
	m.menu.setStyles(isDark)
}

// bodyWidth is the width lessons are laid out for: the terminal less a margin each side.
func (m *Model) bodyWidth() int { return max(1, m.width-2) }

// refresh rebuilds the current lesson and the frame from the session.
func (m *Model) refresh() {
	l := m.lessons[m.current]
	m.keys.forLesson(l.ID)
	if m.tooSmall() {
		return
	}
	b := layout(m.styles, m.session, l, m.bodyWidth(), m.revealed[m.current])
	if m.revealed[m.current] > b.steps {
		m.revealed[m.current] = b.steps
		b = layout(m.styles, m.session, l, m.bodyWidth(), b.steps)
	}
	for i, line := range b.lines {
		b.lines[i] = " " + colourMarks(m.styles, line)
	}
	m.body = b
	m.viewport.SetContentLines(b.lines)
	m.layoutFrame()
}

// layoutFrame sizes the viewport and the menu to what the header and help leave.
func (m *Model) layoutFrame() {
	if m.tooSmall() {
		return
	}
	m.header = m.renderHeader()
	m.help.SetWidth(m.width - 2)
	helpH := lipgloss.Height(m.helpView())
	bodyH := max(1, m.height-2-helpH)
	m.viewport.SetWidth(m.width)
	m.viewport.SetHeight(bodyH)
	m.menu.setSize(m.width-2, bodyH)
}

// showNewest scrolls so that the newest revealed step is in view.
func (m *Model) showNewest() {
	top, bottom := m.body.newestTop, m.body.newestBottom
	if top < 0 {
		return
	}
	h := m.viewport.Height()
	off := m.viewport.YOffset()
	switch {
	case bottom-top+1 > h || top < off:
		m.viewport.SetYOffset(top)
	case bottom >= off+h:
		m.viewport.SetYOffset(bottom - h + 2)
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

// helpMargin indents the help bar by one column, like the body.
var helpMargin = lipgloss.NewStyle().PaddingLeft(1)

// helpKeys adapts a list of bindings to help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// helpView renders the help bar for the focused part of the screen.
func (m *Model) helpView() string {
	k := m.keys
	if m.focus == focusMenu {
		return helpMargin.Render(m.help.View(helpKeys{short: []key.Binding{k.Choose, k.Close, k.Quit}, full: [][]key.Binding{{k.Choose, k.Close, k.Quit}}}))
	}
	lesson := k.lessonHelp()
	short := append(append([]key.Binding{}, lesson...), k.Reveal, k.Next, k.Prev, k.Menu, k.Help, k.Quit)
	full := [][]key.Binding{
		{k.Reveal, k.Hide, k.Next, k.Prev},
		{k.Menu, k.Jump, k.Fewer, k.More},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Help, k.Quit},
	}
	if len(lesson) > 0 {
		full = append([][]key.Binding{lesson}, full...)
	}
	return helpMargin.Render(m.help.View(helpKeys{short: short, full: full}))
}

// View renders the frame: header, body (the lesson or the menu) and help.
func (m Model) View() tea.View {
	var content string
	if m.tooSmall() {
		msg := "Make the terminal larger: nnmath needs at least " + strconv.Itoa(MinWidth) + "x" + strconv.Itoa(MinHeight) +
			" (now " + strconv.Itoa(m.width) + "x" + strconv.Itoa(m.height) + ")."
		content = ansi.Wrap(msg, max(1, m.width), "")
	} else {
		main := m.viewport.View()
		if m.focus == focusMenu {
			main = m.menu.view()
		}
		content = m.header + "\n" + main + "\n" + m.helpView()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "nnmath"
	return v
}
