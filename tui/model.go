package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
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
	focusPanel
	focusPrompt
	focusQuiz
)

// quizQuestions is how many questions the menu's quiz asks.
const quizQuestions = 10

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
	panel         panel
	prompt        prompt
	path          string               // the file the network came from, "" for the paper's
	status        string               // what just happened, shown above the help bar
	statusErr     bool                 // the status is an error
	body          body                 // the current lesson laid out, rebuilt in Update
	header        string               // rebuilt in Update
	ticking       bool                 // a training tick is pending
	frame         string               // the whole screen, composed at the end of Update
	pages         map[int]lessons.Page // the current lesson's pages by width, for the session as it is
	quiz          QuizModel
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
	m.panel = newPanel(m.session, true)
	m.prompt = newPrompt(true)
	m.setStyles(true)
	m.resize(m.width, m.height)
	return m
}

// WithPath records the file the network was opened from: ctrl+s saves back to it.
func (m Model) WithPath(path string) Model {
	m.path = path
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

// Update handles a message and returns the updated model, with its frame
// composed so that View only hands it over.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	nm := next.(Model)
	if !nm.tooSmall() && nm.focus != focusQuiz {
		nm.layoutFrame() // the status may have grown or shrunk
	}
	nm.frame = nm.compose()
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
	case OpenLessonMsg:
		m.focus = focusLesson
		if i, ok := lessons.Find(m.lessons, msg.ID); ok {
			m.goTo(i)
		}
		m.refresh()
		return m, nil
	case QuizExitMsg:
		m.focus = focusLesson
		m.refresh()
		return m, nil
	case QuizDoneMsg:
		m.status, m.statusErr = msg.Status()
		return m, nil
	}
	if m.focus == focusQuiz {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" {
			return m, tea.Quit
		}
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.Update(msg)
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		typing := m.focus == focusPanel || m.focus == focusPrompt || (m.focus == focusMenu && m.menu.filtering())
		if msg.String() == "ctrl+c" || (key.Matches(msg, m.keys.Quit) && !typing) {
			return m, tea.Quit
		}
		m.status, m.statusErr = "", false
		switch m.focus {
		case focusMenu:
			return m.updateMenu(msg)
		case focusPanel:
			return m.updatePanel(msg)
		case focusPrompt:
			return m.updatePrompt(msg)
		}
		return m.updateLesson(msg)
	}
	// Other messages (filter results, cursor blinks) go to the focused component.
	var cmd tea.Cmd
	switch m.focus {
	case focusMenu:
		m.menu.list, cmd = m.menu.list.Update(msg)
	case focusPanel:
		m.panel.input, cmd = m.panel.input.Update(msg)
	case focusPrompt:
		m.prompt.input, cmd = m.prompt.input.Update(msg)
	}
	return m, cmd
}

func (m Model) updatePanel(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	s := m.session
	switch {
	case key.Matches(msg, k.FieldLeave):
		m.panel.leave()
		m.focus = focusLesson
		m.refresh()
		return m, nil
	case key.Matches(msg, k.FieldNext):
		m.panel.move(s, 1)
	case key.Matches(msg, k.FieldPrev):
		m.panel.move(s, -1)
	case key.Matches(msg, k.FieldApply):
		if m.panel.apply(s) {
			m.refresh()
		}
	case key.Matches(msg, k.NudgeUp):
		m.nudged(m.panel.nudge(s, 0.01))
	case key.Matches(msg, k.NudgeDown):
		m.nudged(m.panel.nudge(s, -0.01))
	case key.Matches(msg, k.NudgeUpMore):
		m.nudged(m.panel.nudge(s, 0.1))
	case key.Matches(msg, k.NudgeDownMore):
		m.nudged(m.panel.nudge(s, -0.1))
	case key.Matches(msg, k.Save):
		return m, m.openSave()
	case key.Matches(msg, k.PageUp):
		m.viewport.PageUp()
	case key.Matches(msg, k.PageDown):
		m.viewport.PageDown()
	default:
		var cmd tea.Cmd
		m.panel.input, cmd = m.panel.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) nudged(ok bool) {
	if ok {
		m.refresh()
	}
}

// openSave asks for the file to save the network to.
func (m *Model) openSave() tea.Cmd {
	m.prompt.back = m.focus
	m.focus = focusPrompt
	m.layoutFrame()
	path := m.path
	if path == "" {
		path = DefaultSavePath
	}
	return m.prompt.open(promptSave, "Save network to: ", path)
}

// startQuiz opens the quiz: fresh small networks, or the session's own
// network when the tutor was opened on a file.
func (m *Model) startQuiz() tea.Cmd {
	var net *mathcore.Network
	if m.path != "" {
		net = m.session.Start
	}
	seed := uint64(time.Now().UnixNano())
	questions, err := quiz.Generate(seed, net, nil, quizQuestions)
	if err != nil {
		m.status, m.statusErr = "cannot start the quiz: "+err.Error(), true
		m.focus = focusLesson
		return nil
	}
	m.quiz = NewQuiz(quiz.NewSession(questions, seed, nil), m.isDark).WithDefaultHistory()
	m.quiz.SetSize(m.width, m.height)
	m.focus = focusQuiz
	return m.quiz.Init()
}

// openExport asks for the file to write the worked solution to.
func (m *Model) openExport() tea.Cmd {
	m.prompt.back = m.focus
	m.focus = focusPrompt
	m.layoutFrame()
	return m.prompt.open(promptExport, "Export worked solution to: ", DefaultExportPath)
}

func (m Model) updatePrompt(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.focus = m.prompt.back
		m.status = "Nothing written."
	case key.Matches(msg, m.keys.Confirm):
		path := strings.TrimSpace(m.prompt.input.Value())
		if m.prompt.kind == promptExport {
			if err := exportSolution(path, m.session.Net, m.session.Digits); err != nil {
				m.status, m.statusErr = err.Error(), true
				return m, nil
			}
			m.status = "Wrote the worked solution to " + path + "."
		} else {
			if err := saveNetwork(path, m.session.Net); err != nil {
				m.status, m.statusErr = err.Error(), true
				return m, nil
			}
			m.path = path
			m.status = "Saved the network to " + path + "."
		}
		m.focus = m.prompt.back
	default:
		var cmd tea.Cmd
		m.prompt.input, cmd = m.prompt.input.Update(msg)
		return m, cmd
	}
	m.prompt.input.Blur()
	if m.focus == focusPanel {
		m.panel.input.Focus()
	}
	m.layoutFrame()
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
	switch {
	case key.Matches(msg, k.Next):
		m.goTo(m.current + 1)
	case key.Matches(msg, k.Prev):
		m.goTo(m.current - 1)
	case key.Matches(msg, k.Jump):
		if i, err := strconv.Atoi(msg.String()); err == nil {
			m.goTo(i - 1)
		}
	case key.Matches(msg, k.Panel):
		m.focus = focusPanel
		cmd := m.panel.enter(s)
		m.refresh()
		return m, cmd
	case key.Matches(msg, k.Save):
		return m, m.openSave()
	case key.Matches(msg, k.Export):
		return m, m.openExport()
	case key.Matches(msg, k.PixelPrev):
		s.SelectPixel(-1)
	case key.Matches(msg, k.PixelNext):
		s.SelectPixel(1)
	case key.Matches(msg, k.Darken):
		s.ShadePixel(1)
	case key.Matches(msg, k.Lighten):
		s.ShadePixel(-1)
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
			m.relayout()
			m.showNewest()
		}
		return m, nil
	case key.Matches(msg, k.Hide):
		if m.revealed[m.current] > 0 {
			m.revealed[m.current]--
			m.relayout()
			m.showNewest()
		}
		return m, nil
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
	case key.Matches(msg, k.ParamPrev), key.Matches(msg, k.ParamNext):
		all := m.revealed[m.current] >= m.body.steps
		if key.Matches(msg, k.ParamPrev) {
			s.SelectParam(-1)
		} else {
			s.SelectParam(1)
		}
		m.refresh()
		if all { // every step was shown: show every step of the new chain too
			m.revealed[m.current] = m.body.steps
			m.relayout()
		}
		return m, nil
	case key.Matches(msg, k.SlipPrev), key.Matches(msg, k.SlipNext):
		if key.Matches(msg, k.SlipPrev) {
			s.SelectSlip(-1)
		} else {
			s.SelectSlip(1)
		}
		m.refresh()
		m.showLineWith("▶ ")
		return m, nil
	case key.Matches(msg, k.SlipOpen):
		id, steps := s.ShowSlip()
		if i, ok := lessons.Find(m.lessons, id); ok {
			m.goTo(i)
			m.revealed[i] = max(m.revealed[i], steps)
			m.refresh()
			m.showNewest()
		}
		return m, nil
	case key.Matches(msg, k.Apply):
		if err := s.ApplyUpdate(); err != nil {
			m.status, m.statusErr = err.Error(), true
		}
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
	return m, nil
}

func (m Model) updateMenu(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.menu.filtering() && key.Matches(msg, m.keys.Choose) {
		// enter ends the filter and opens the first lesson it left, at once
		m.menu.list, _ = m.menu.list.Update(msg)
	}
	if !m.menu.filtering() {
		switch {
		case key.Matches(msg, m.keys.Close):
			m.focus = focusLesson
			m.layoutFrame()
			return m, nil
		case key.Matches(msg, m.keys.Choose):
			i, ok := m.menu.selected()
			if !ok {
				return m, nil
			}
			if i == quizItem {
				return m, m.startQuiz()
			}
			m.focus = focusLesson
			m.goTo(i)
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
	for i, line := range b.lines {
		b.lines[i] = " " + colourMarks(m.styles, line)
	}
	m.body = b
	m.keys.forSteps(m.revealed[m.current], b.steps)
	if build(m.bodyWidth()).Skip != "" {
		m.keys.forLesson("") // the lesson does not apply: none of its keys do anything
	}
	if len(m.session.Net.Params()) < 2 { // nothing else to choose
		m.keys.ParamPrev.SetEnabled(false)
		m.keys.ParamNext.SetEnabled(false)
	}
	m.keys.Undo.SetEnabled(m.keys.Undo.Enabled() && m.session.Updates.Steps() > 0)
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
	helpH := lipgloss.Height(m.helpView()) + lipgloss.Height(m.statusLines())
	bodyH := max(1, m.height-2-helpH)
	if m.panelBelow() {
		bodyH = max(1, bodyH-panelBelowHeight(bodyH)-1) // and a rule
	}
	m.viewport.SetWidth(m.bodyWidth() + 2)
	m.viewport.SetHeight(bodyH)
	m.menu.setSize(m.width-2, bodyH)
}

// showLineWith scrolls so that the first body line holding mark, and a few
// lines after it, are in view.
func (m *Model) showLineWith(mark string) {
	for k, l := range m.body.lines {
		if strings.Contains(l, mark) {
			h := m.viewport.Height()
			if off := m.viewport.YOffset(); k < off || k+h/2 > off+h {
				m.viewport.SetYOffset(max(0, k-1))
			}
			return
		}
	}
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

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
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
		short = append(append([]key.Binding{}, lesson...), k.Reveal, k.Next, k.Prev, k.Panel, k.Menu, k.Help, k.Quit)
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

// View returns the frame composed by the last Update.
func (m Model) View() tea.View {
	content := m.frame
	if content == "" {
		content = m.compose()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "nnmath"
	return v
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
		main := m.viewport.View()
		h := m.viewport.Height()
		switch {
		case m.focus == focusMenu:
			main = m.menu.view()
		case m.panelBeside():
			rule := style(m.styles.Rule, strings.TrimSuffix(strings.Repeat(" │ \n", h), "\n"))
			main = lipgloss.JoinHorizontal(lipgloss.Top, main, rule, m.panel.view(m.styles, m.session, m.focus == focusPanel || m.prompt.back == focusPanel && m.focus == focusPrompt, h))
		case m.panelBelow():
			ph := panelBelowHeight(m.height - 2 - lipgloss.Height(m.helpView()) - lipgloss.Height(m.statusLines()))
			main = fitHeight(main, h) + "\n" + style(m.styles.Rule, strings.Repeat("─", m.width)) + "\n" +
				" " + strings.ReplaceAll(m.panel.view(m.styles, m.session, true, ph), "\n", "\n ")
			h += ph + 1
		}
		main = fitHeight(main, h)
		content = m.header + "\n" + main + "\n" + m.statusLines() + "\n" + m.helpView()
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
