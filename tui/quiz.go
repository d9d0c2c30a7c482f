package tui

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/quiz"
)

// quizState is what the screen shows.
type quizState int

const (
	quizAsking   quizState = iota // a part of a question waits for an answer
	quizAnswered                  // the question's verdict and worked chain
	quizSummary                   // the end: the summary by topic
)

// QuizModel is the quiz screen: the question's network, the question, an
// answer field, hints, then the verdict, the diagnosis and the worked
// chain; at the end the summary by topic with lessons to revisit. It is a
// component: the root calls Update, View and SetSize, and handles the
// messages QuizDoneMsg, OpenLessonMsg and QuizExitMsg.
//
// While a question is asked, the question and the answer field stay at
// the bottom of the screen, above the help bar, and the network scrolls
// above them, so that neither is ever off screen.
type QuizModel struct {
	session *quiz.Session
	keys    QuizKeyMap
	styles  Styles
	isDark  bool

	width, height int
	input         textinput.Model
	viewport      viewport.Model // the network while asking; everything else otherwise
	help          help.Model

	state    quizState
	err      string            // why the typed answer was refused
	elapsed  time.Duration     // time on the current question, as of the last update
	figure   []string          // the current question's network, drawn for width
	pinned   []string          // the question and answer field, below the viewport
	filler   int               // blank lines between the pinned block and the help bar
	verdict  int               // body line where the verdict starts, -1 when none
	revisit  []string          // lesson IDs to revisit, on the summary
	choice   int               // the chosen one
	titles   map[string]string // "4. Dot product", by lesson ID
	doneSent bool
	leaving  bool   // esc was pressed with answers given: the next esc leaves
	frame    string // the whole screen, composed by Update and refresh

	// Saving each answer (WithHistory).
	saving  bool   // append each record to history as it is answered
	history string // the history file; "" when there is none (saveErr says why)
	saveErr error  // why the history cannot be written, or the last append's error
	pending int    // appends not yet reported
}

// NewQuiz returns the quiz screen over session s, styled for a dark
// (isDark) or light background, sized 80x24 until SetSize. It saves
// nothing itself unless made WithHistory.
func NewQuiz(s *quiz.Session, isDark bool) QuizModel {
	m := QuizModel{
		session:  s,
		keys:     DefaultQuizKeyMap(),
		input:    newTextInput(),
		viewport: viewport.New(),
		help:     help.New(),
		width:    80,
		height:   24,
		verdict:  -1,
		titles:   map[string]string{},
	}
	for i, l := range lessons.All() {
		m.titles[l.ID] = strconv.Itoa(i+1) + ". " + l.Title
	}
	m.input.CharLimit = 40
	m.input.Placeholder = "your answer, a number"
	m.input.Focus()
	m.SetStyles(isDark)
	if s.Done() {
		m.state = quizSummary
	}
	m.newQuestion()
	return m
}

// SetStyles restyles the screen for a dark (isDark) or light background.
func (m *QuizModel) SetStyles(isDark bool) {
	m.isDark = isDark
	m.styles = NewStyles(isDark)
	m.help.Styles = m.styles.Help
	m.input.SetStyles(textinput.DefaultStyles(isDark))
	m.refresh()
}

// SetSize sets the area the screen may use.
func (m *QuizModel) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 3)
	m.drawFigure()
	m.refresh()
}

// Session returns the quiz being run.
func (m QuizModel) Session() *quiz.Session { return m.session }

// Keys returns the screen's key bindings, for a root help bar.
func (m QuizModel) Keys() QuizKeyMap { return m.keys }

// Init focuses the answer field.
func (m QuizModel) Init() tea.Cmd { return textinput.Blink }

// Update handles a key or other message, and composes the frame View shows.
func (m QuizModel) Update(msg tea.Msg) (QuizModel, tea.Cmd) {
	m, cmd := m.update(msg)
	m.frame = m.compose()
	return m, cmd
}

func (m QuizModel) update(msg tea.Msg) (QuizModel, tea.Cmd) {
	if saved, ok := msg.(quizSavedMsg); ok {
		return m, m.saved(saved)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if _, isKey := msg.(tea.KeyMsg); isKey {
			return m, nil
		}
		var cmd tea.Cmd
		if m.state == quizAsking {
			m.input, cmd = m.input.Update(msg)
		}
		return m, cmd
	}
	var cmd tea.Cmd
	leaving := m.leaving
	m.leaving = false
	switch {
	case key.Matches(kp, m.keys.Quit, m.keys.QuitLetter) && !leaving && m.hasAnswers():
		m.leaving = true // ask first: leaving ends the quiz
		return m, nil
	case key.Matches(kp, m.keys.Quit, m.keys.QuitLetter):
		return m, func() tea.Msg { return QuizExitMsg{} }
	case leaving:
		return m, nil // the key that answers "stay" does nothing else
	case key.Matches(kp, m.keys.Up):
		m.viewport.ScrollUp(1)
	case key.Matches(kp, m.keys.Down):
		m.viewport.ScrollDown(1)
	case key.Matches(kp, m.keys.PageUp):
		m.viewport.PageUp()
	case key.Matches(kp, m.keys.PageDown):
		m.viewport.PageDown()
	case m.state == quizAsking && key.Matches(kp, m.keys.Hint):
		_, _, _ = m.session.Hint()
		m.refresh()
	case m.state == quizAsking && key.Matches(kp, m.keys.Submit):
		cmd = m.submit()
	case m.state == quizAnswered && key.Matches(kp, m.keys.Next):
		cmd = m.next()
	case m.state == quizSummary && key.Matches(kp, m.keys.ChooseNext):
		m.choose(1)
	case m.state == quizSummary && key.Matches(kp, m.keys.ChoosePrev):
		m.choose(-1)
	case m.state == quizSummary && key.Matches(kp, m.keys.Open):
		if m.choice < len(m.revisit) {
			id := m.revisit[m.choice]
			return m, func() tea.Msg { return OpenLessonMsg{ID: id} }
		}
	case m.state == quizAsking:
		m.input, cmd = m.input.Update(kp)
		m.err = ""
		m.refresh()
	}
	m.elapsed = m.session.Elapsed()
	return m, cmd
}

// hasAnswers reports whether leaving would end a quiz the learner has
// answered in (or is typing an answer for), before its summary.
func (m *QuizModel) hasAnswers() bool {
	if m.state == quizSummary {
		return false
	}
	_, answered := m.session.Score()
	return answered > 0 || len(m.session.Parts()) > 0 || m.input.Value() != ""
}

// submit judges the typed answer; once the question's last part is
// answered, its record is saved (WithHistory).
func (m *QuizModel) submit() tea.Cmd {
	if _, err := m.session.Answer(m.input.Value()); err != nil {
		m.err = err.Error()
		m.refresh()
		return nil
	}
	m.err = ""
	m.input.Reset()
	if !m.session.Answered() {
		m.refresh()
		return nil
	}
	m.state = quizAnswered
	m.input.Blur()
	m.refresh()
	m.viewport.SetYOffset(max(0, m.verdict))
	return m.saveLast()
}

// next moves to the next question, or to the summary after the last.
func (m *QuizModel) next() tea.Cmd {
	m.session.Next()
	if m.session.Done() {
		m.state = quizSummary
		m.input.Blur()
		m.refresh()
		m.viewport.GotoTop()
		return m.done()
	}
	m.state = quizAsking
	m.newQuestion()
	m.viewport.GotoTop()
	return m.input.Focus()
}

// done sends QuizDoneMsg once, when the summary is shown and every
// append has reported.
func (m *QuizModel) done() tea.Cmd {
	if m.doneSent || m.state != quizSummary || m.pending > 0 {
		return nil
	}
	m.doneSent = true
	msg := QuizDoneMsg{Summary: m.session.Summary()}
	if m.saving {
		msg.History, msg.SaveErr = m.history, m.saveErr
	} else {
		msg.Records = m.session.Records()
	}
	return func() tea.Msg { return msg }
}

// choose moves the choice among the lessons to revisit by d, round the
// list.
func (m *QuizModel) choose(d int) {
	if n := len(m.revisit); n > 0 {
		m.choice = ((m.choice+d)%n + n) % n
		m.refresh()
	}
}

// newQuestion prepares the screen for the current question.
func (m *QuizModel) newQuestion() {
	m.err = ""
	m.input.Reset()
	m.drawFigure()
	m.refresh()
}
