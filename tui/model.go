package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// Smallest usable terminal.
const (
	MinWidth  = 60
	MinHeight = 16
)

// focus says which part of the screen receives keys.
type focus int

const (
	focusLesson focus = iota
	focusMenu
	focusPanel
	focusPrompt
	focusQuiz
)

// Model is the tutor's root model. It owns the session every part of the
// screen reads, routes each message to the focused part (the lesson screen,
// the menu, the parameter panel, the file prompt or the quiz), moves the
// focus between them, and composes the frame: header, body, status and
// help bar.
type Model struct {
	session *lessons.Session
	path    string // the file the network came from, "" for the paper's

	history    string     // the quiz history file, "" for the user's state directory
	quizSource QuizSource // the menu's quiz, nil for fresh questions

	keys   GlobalKeyMap
	styles Styles
	isDark bool
	// bgKnown is set when COLORFGBG named the background: the terminal is not asked.
	bgKnown bool
	// targetWarned is set while a target is out of the output's reach and
	// the status line has said so.
	targetWarned bool
	focus        focus

	width, height int
	help          help.Model
	lesson        lessonView
	menu          menu
	panel         panel
	prompt        prompt
	quiz          QuizModel
	wait          quitWait // quit once the quiz's last answer is saved

	status    string                     // what just happened, shown above the help bar
	statusErr bool                       // the status is an error
	header    string                     // rebuilt in Update
	statusBar string                     // the status lines, rebuilt in Update
	helpBar   string                     // the help bar, rebuilt in Update
	helpMemo  struct{ key, text string } // the last help bar drawn and what it was drawn from
	frame     string                     // the whole screen, composed at the end of Update
}

// New returns the tutor on network n, which must be valid.
func New(n *mathcore.Network) Model {
	s := lessons.NewSession(n)
	km := DefaultKeyMap()
	m := Model{
		session: s,
		keys:    km.Global,
		isDark:  true,
		width:   80,
		height:  24,
		help:    help.New(),
		menu:    newMenu(lessons.All(), km.Menu),
		panel:   newPanel(s, km.Panel, keyName(km.Global.Panel)),
		prompt:  newPrompt(km.Prompt),
	}
	m.lesson = newLessonView(s, km.Lesson, m.styles)
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

// WithColorFGBG takes the background from the COLORFGBG variable
// ("15;0": foreground;background), as nnmath print does: when it names
// one of the 16 terminal colours, the tutor is styled for it and does not
// ask the terminal. Otherwise nothing changes.
func (m Model) WithColorFGBG(colorfgbg string) Model {
	if isDark, ok := DarkFromColorFGBG(colorfgbg); ok {
		m.bgKnown = true
		m.setStyles(isDark)
		m.layoutFrame()
		m.frame = m.compose()
	}
	return m
}

// DarkFromColorFGBG reads COLORFGBG ("15;0": foreground;background) and
// reports whether its background is dark; ok is false when it names no
// background of the 16 terminal colours.
func DarkFromColorFGBG(colorfgbg string) (isDark, ok bool) {
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if colorfgbg == "" || err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg < 7 || bg == 8, true // the dark ones of the 16 terminal colours
}

// Init asks the terminal for its background colour, to pick light or dark
// styles, unless COLORFGBG gave it (WithColorFGBG).
func (m Model) Init() tea.Cmd {
	if m.bgKnown {
		return nil
	}
	return tea.RequestBackgroundColor
}

// Update handles a message and returns the updated model, with its frame
// composed so that View only hands it over.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.Handle(msg)
	return m, cmd
}

// Handle is Update in place, for a program that keeps the tutor by
// pointer inside a model of its own (the SSH server does): the tutor is a
// large value, and Update returns a copy of it for every message.
func (m *Model) Handle(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	if load := m.lesson.loadDigits(); load != nil {
		cmd = tea.Batch(cmd, load)
	}
	if !m.tooSmall() && m.focus != focusQuiz {
		m.layoutFrame() // once, with the lesson, the status and the help as they now are
	}
	m.frame = m.compose()
	return cmd
}

// update handles the messages that concern the whole tutor, and passes
// the others on to the focused part of the screen.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return tea.ClearScreen // redraw whole: quick resizes can leave stale cells
	case tea.KeyPressMsg:
		if m.tooSmall() {
			// Only quitting works while the screen asks to be made larger: any
			// other key would change what the learner cannot see (in the quiz,
			// q is typed, so only ctrl+c quits there).
			if key.Matches(msg, m.keys.Interrupt) || (m.focus != focusQuiz && key.Matches(msg, m.keys.Quit)) {
				return m.quit()
			}
			return nil
		}
	case tea.BackgroundColorMsg:
		m.setStyles(msg.IsDark())
		return nil
	case tea.MouseWheelMsg: // only the lesson scrolls with the wheel
		if m.focus != focusLesson {
			return nil
		}
	case trainTickMsg, digitsLoadedMsg, digitsProgressMsg: // the training runs on whatever has the focus
		var cmd tea.Cmd
		m.lesson, cmd = m.lesson.Update(msg)
		return cmd
	case tea.MouseClickMsg, tea.MouseMotionMsg: // only the lesson draws with the mouse
		if m.focus != focusLesson {
			return nil
		}
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.isErr
		return nil
	case EndMsg:
		return m.end()
	}
	if cmd, ok := m.updateQuizMsg(msg); ok {
		return cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.focus != focusQuiz {
		if key.Matches(k, m.keys.Interrupt) || (key.Matches(k, m.keys.Quit) && !m.typing()) {
			return m.quit()
		}
		m.status, m.statusErr = "", false
	}
	return m.route(msg)
}

// typing reports whether the focused part takes printable keys as text.
func (m *Model) typing() bool {
	return m.focus == focusPanel || m.focus == focusPrompt || (m.focus == focusMenu && m.menu.filtering())
}

// route passes msg to the focused part of the screen and carries out what
// that part asks for.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.focus {
	case focusQuiz:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Interrupt) {
			return m.quit()
		}
		m.quiz, cmd = m.quiz.Update(msg)
	case focusMenu:
		var r menuResult
		m.menu, cmd, r = m.menu.Update(msg)
		return m.menuDone(r, cmd)
	case focusPanel:
		return m.routePanel(msg)
	case focusPrompt:
		var r promptResult
		m.prompt, cmd, r = m.prompt.Update(msg)
		return m.promptDone(r, cmd)
	default:
		return m.routeLesson(msg)
	}
	return cmd
}

// quit ends the program, or, while a quiz answer is still being written to
// the history, as soon as it is written.
func (m *Model) quit() tea.Cmd { return m.wait.Quit(m.quiz.Saving()) }

// View returns the frame composed by the last Update.
func (m Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "nnmath"
	return v
}
