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
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/quiz"
)

// The quiz screen talks to whoever embeds it through three messages, sent
// as the result of a tea.Cmd from QuizModel.Update:
//
//   - QuizDoneMsg once, when the last question is left and the summary is
//     shown: save Records to the history (unless told not to). A quiz made
//     WithHistory has saved each record as it was answered already; its
//     QuizDoneMsg carries no Records and says where they went.
//   - OpenLessonMsg when the learner asks, from the summary, for a lesson to
//     revisit: open the lesson with that ID (lessons.Find).
//   - QuizExitMsg when the learner leaves the quiz (esc, ctrl+c, or q when
//     the answer field is not being typed in): close the screen or quit.

// QuizDoneMsg reports that the quiz is over: the records still to save and
// the summary by topic.
type QuizDoneMsg struct {
	// Records holds one record per answered question when the quiz saves
	// nothing itself, for the receiver to save; it is empty for a quiz made
	// WithHistory, which appended each record as its question was answered.
	Records []quiz.Record
	Summary quiz.Summary
	// History is the file a quiz made WithHistory appended its records to,
	// "" when it saved nothing itself.
	History string
	// SaveErr is why a record could not be appended to History, or nil.
	SaveErr error
}

// Status says, for a status line, where a quiz made WithHistory saved its
// results, or why it could not; isErr marks the second. It is "" for a
// quiz that saved nothing itself.
func (d QuizDoneMsg) Status() (text string, isErr bool) {
	switch {
	case d.SaveErr != nil:
		return "quiz results not saved: " + d.SaveErr.Error(), true
	case d.History != "":
		return "Quiz results saved to " + d.History + ".", false
	}
	return "", false
}

// OpenLessonMsg asks the root model to open the lesson with ID.
type OpenLessonMsg struct{ ID string }

// QuizExitMsg asks the root model to leave the quiz.
type QuizExitMsg struct{}

// QuizKeyMap holds the quiz screen's key bindings. No binding is a
// printable character while the answer field takes typing, so typing a
// number can never trigger one.
type QuizKeyMap struct {
	Submit, Hint, Next         key.Binding
	Up, Down, PageUp, PageDown key.Binding
	Choose, Open               key.Binding // the summary's lessons to revisit
	Quit                       key.Binding
}

// DefaultQuizKeyMap returns the quiz screen's key bindings.
func DefaultQuizKeyMap() QuizKeyMap {
	return QuizKeyMap{
		Submit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Hint:     key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "hint")),
		Next:     key.NewBinding(key.WithKeys("enter", "n"), key.WithHelp("enter/n", "next question")),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "scroll")),
		Down:     key.NewBinding(key.WithKeys("down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Choose:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "choose lesson")),
		Open:     key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "open lesson")),
		Quit:     key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "quit quiz")),
	}
}

// ShortHelp returns the enabled bindings for the help bar.
func (k QuizKeyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{k.Submit, k.Hint, k.Next, k.Choose, k.Open, k.Up, k.Quit} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// FullHelp returns every binding, grouped.
func (k QuizKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Submit, k.Hint, k.Next}, {k.Choose, k.Open}, {k.Up, k.PageUp}, {k.Quit}}
}

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
	switch {
	case key.Matches(kp, m.keys.Quit):
		return m, func() tea.Msg { return QuizExitMsg{} }
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
	case m.state == quizSummary && key.Matches(kp, m.keys.Choose):
		if n := len(m.revisit); n > 0 {
			d := 1
			if kp.String() == "shift+tab" {
				d = -1
			}
			m.choice = ((m.choice+d)%n + n) % n
			m.refresh()
		}
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

// newQuestion prepares the screen for the current question.
func (m *QuizModel) newQuestion() {
	m.err = ""
	m.input.Reset()
	m.drawFigure()
	m.refresh()
}

// refresh rebuilds the body for the current state and size: while asking,
// the network in the viewport and the question and answer field pinned
// below it; otherwise everything in the viewport.
func (m *QuizModel) refresh() {
	if m.state == quizSummary {
		m.revisit = m.session.Summary().Lessons()
		if m.choice >= len(m.revisit) {
			m.choice = 0
		}
	}
	m.keys.Submit.SetEnabled(m.state == quizAsking)
	m.keys.Hint.SetEnabled(m.state == quizAsking && m.session.HintsLeft() > 0)
	m.keys.Next.SetEnabled(m.state == quizAnswered)
	m.keys.Choose.SetEnabled(m.state == quizSummary && len(m.revisit) > 1)
	m.keys.Open.SetEnabled(m.state == quizSummary && len(m.revisit) > 0)
	if m.state == quizAsking {
		m.keys.Quit.SetKeys("esc", "ctrl+c")
	} else {
		m.keys.Quit.SetKeys("esc", "ctrl+c", "q")
	}
	w := max(1, m.width-2)
	body := max(1, m.height-2) // between the status line and the help bar
	var lines, pinned []string
	m.verdict = -1
	switch m.state {
	case quizSummary:
		lines = m.summaryLines(w)
	case quizAnswered:
		lines = m.answeredLines(w)
	default:
		lines, pinned = m.askingLines(w, body)
	}
	lines, pinned = margin(lines, w), margin(pinned, w)
	vh := body - len(pinned)
	if m.state == quizAsking {
		vh = min(vh, len(lines)) // the question follows the network when both fit
	}
	vh = max(1, vh)
	m.pinned = pinned
	m.filler = max(0, body-vh-len(pinned))
	m.help.SetWidth(max(1, m.width-2))
	m.viewport.SetWidth(m.width)
	m.viewport.SetHeight(vh)
	m.viewport.SetContentLines(lines)
	m.frame = m.compose()
}

// margin cuts lines to width w and indents them by one column.
func margin(lines []string, w int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		out[i] = " " + l
	}
	return out
}

// View returns the frame the last Update (or resize) composed.
func (m QuizModel) View() string { return m.frame }

// compose renders the status line, the body and the help bar in the size
// given to SetSize.
func (m QuizModel) compose() string {
	var b strings.Builder
	b.WriteString(m.statusLine() + "\n" + m.viewport.View())
	for _, l := range m.pinned {
		b.WriteString("\n" + l)
	}
	b.WriteString(strings.Repeat("\n", m.filler))
	b.WriteString("\n" + ansi.Truncate(helpMargin.Render(m.help.View(m.keys)), m.width, "…"))
	return b.String()
}
