package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

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
	statusBar     string               // the status lines, rebuilt in Update
	helpBar       string               // the help bar, rebuilt in Update
	ticking       bool                 // a training tick is pending
	frame         string               // the whole screen, composed at the end of Update
	pages         map[int]lessons.Page // the current lesson's pages by width, for the session as it is
	quiz          QuizModel
	quitting      bool   // quit once the quiz's last answer is saved
	scroll        string // what to scroll into view once laid out: a mark, scrollNewest, or ""
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
	m.layoutFrame()
	m.frame = m.compose()
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
		nm.layoutFrame() // once, with the lesson, the status and the help as they now are
		nm.applyScroll()
	}
	nm.frame = nm.compose()
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, tea.ClearScreen // redraw whole: quick resizes can leave stale cells
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.tooSmall() {
		// Only quitting works while the screen asks to be made larger: any
		// other key would change what the learner cannot see (in the quiz,
		// q is typed, so only ctrl+c quits there).
		if k.String() == "ctrl+c" || (m.focus != focusQuiz && key.Matches(k, m.keys.Quit)) {
			return m.quit()
		}
		return m, nil
	}
	switch msg := msg.(type) {
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
	case quizSavedMsg: // an answer saved, even after the quiz was left
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.Update(msg)
		if err := m.quiz.SaveErr(); err != nil && m.focus != focusQuiz {
			m.status, m.statusErr = "quiz results not saved: "+err.Error(), true
		}
		if m.quitting && !m.quiz.Saving() {
			return m, tea.Quit
		}
		return m, cmd
	}
	if m.focus == focusQuiz {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" {
			return m.quit()
		}
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.Update(msg)
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		typing := m.focus == focusPanel || m.focus == focusPrompt || (m.focus == focusMenu && m.menu.filtering())
		if msg.String() == "ctrl+c" || (key.Matches(msg, m.keys.Quit) && !typing) {
			return m.quit()
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
		cmd = m.panel.typed(msg) // a paste replaces a value just loaded, as typing does
	case focusPrompt:
		m.prompt.input, cmd = m.prompt.input.Update(msg)
	}
	return m, cmd
}

// quit ends the program, or, while a quiz answer is still being written to
// the history, as soon as it is written.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.quiz.Saving() {
		m.quitting = true
		return m, nil
	}
	return m, tea.Quit
}

// View returns the frame composed by the last Update.
func (m Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "nnmath"
	return v
}
