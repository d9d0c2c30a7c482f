package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/judge"
	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/numtext"
	"nnmath/quiz"
)

// The quiz screen talks to whoever embeds it through three messages, sent
// as the result of a tea.Cmd from QuizModel.Update:
//
//   - QuizDoneMsg once, when the last question is left and the summary is
//     shown: save Records to the history (unless told not to).
//   - OpenLessonMsg when the learner asks, from the summary, for a lesson to
//     revisit: open the lesson with that ID (lessons.Find).
//   - QuizExitMsg when the learner leaves the quiz (esc, ctrl+c, or q when
//     the answer field is not being typed in): close the screen or quit.

// QuizDoneMsg reports that the quiz is over: one record per answered
// question and their summary by topic.
type QuizDoneMsg struct {
	Records []quiz.Record
	Summary quiz.Summary
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
type QuizModel struct {
	session *quiz.Session
	keys    QuizKeyMap
	styles  Styles
	isDark  bool

	width, height int
	input         textinput.Model
	viewport      viewport.Model
	help          help.Model

	state    quizState
	err      string        // why the typed answer was refused
	elapsed  time.Duration // time on the current question, as of the last update
	figure   []string      // the current question's network, drawn for width
	verdict  int           // body line where the verdict starts, -1 when none
	revisit  []string      // lesson IDs to revisit, on the summary
	choice   int           // the chosen one
	titles   map[string]string
	doneSent bool
}

// NewQuiz returns the quiz screen over session s, styled for a dark
// (isDark) or light background, sized 80x24 until SetSize.
func NewQuiz(s *quiz.Session, isDark bool) QuizModel {
	m := QuizModel{
		session:  s,
		keys:     DefaultQuizKeyMap(),
		input:    textinput.New(),
		viewport: viewport.New(),
		help:     help.New(),
		width:    80,
		height:   24,
		verdict:  -1,
		titles:   map[string]string{},
	}
	for _, l := range lessons.All() {
		m.titles[l.ID] = l.Title
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

// Update handles a key or other message.
func (m QuizModel) Update(msg tea.Msg) (QuizModel, tea.Cmd) {
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
		m.viewport.GotoBottom()
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

// submit judges the typed answer.
func (m *QuizModel) submit() tea.Cmd {
	if _, err := m.session.Answer(m.input.Value()); err != nil {
		m.err = err.Error()
		m.refresh()
		m.viewport.GotoBottom()
		return nil
	}
	m.err = ""
	m.input.Reset()
	if !m.session.Answered() {
		m.refresh()
		m.viewport.GotoBottom()
		return nil
	}
	m.state = quizAnswered
	m.input.Blur()
	m.refresh()
	if m.verdict >= 0 {
		m.viewport.SetYOffset(m.verdict)
	}
	return nil
}

// next moves to the next question, or to the summary after the last.
func (m *QuizModel) next() tea.Cmd {
	m.session.Next()
	if m.session.Done() {
		m.state = quizSummary
		m.input.Blur()
		m.refresh()
		m.viewport.GotoTop()
		if m.doneSent {
			return nil
		}
		m.doneSent = true
		recs, sum := m.session.Records(), m.session.Summary()
		return func() tea.Msg { return QuizDoneMsg{Records: recs, Summary: sum} }
	}
	m.state = quizAsking
	m.newQuestion()
	m.viewport.GotoTop()
	return m.input.Focus()
}

// newQuestion prepares the screen for the current question.
func (m *QuizModel) newQuestion() {
	m.err = ""
	m.input.Reset()
	m.drawFigure()
	m.refresh()
}

// drawFigure draws the current question's network for the width, with
// the values the learner computes hidden.
func (m *QuizModel) drawFigure() {
	q := m.session.Question()
	if q == nil {
		m.figure = nil
		return
	}
	m.figure = quizFigure(q, m.width-2)
}

// hiddenNode matches a computed node value in a diagram: "h1 0.5929", "o 0.64".
var hiddenNode = regexp.MustCompile(`(^|[\s▶])(h[a-z]?\d+|o\d*) (-?\d+\.\d+)`)

// quizFigure draws q's network in width columns: the diagram when it
// fits, else a compact table of the given values. Node outputs are shown
// as "?".
func quizFigure(q *quiz.Question, width int) []string {
	n := q.Network()
	s := lessons.NewSession(n)
	s.Digits = givenDigits(n)
	var hi []mathcore.Param
	if k := q.Target.Kind; (k == judge.KindGrad || k == judge.KindNew) && !q.Target.Param.Bias {
		hi = []mathcore.Param{q.Target.Param}
	}
	var lines []string
	if width >= 60 {
		for _, l := range lessons.Diagram(s, width, hi) {
			lines = append(lines, hiddenNode.ReplaceAllStringFunc(l, func(m string) string {
				sub := hiddenNode.FindStringSubmatch(m)
				return sub[1] + sub[2] + " ?" + strings.Repeat(" ", max(0, len(sub[3])-1))
			}))
		}
	}
	if len(lines) == 0 || blockWidth(lines) > width {
		lines = compactTable(n, s.Digits, width)
	}
	return lines
}

// givenDigits returns the decimals that show every given number of n
// exactly (2 to 4).
func givenDigits(n *mathcore.Network) int {
	vals := append(append([]float64{n.LearningRate}, n.Inputs...), n.Targets...)
	for _, p := range n.Params() {
		vals = append(vals, n.Value(p))
	}
	for d := 2; d < 4; d++ {
		ok := true
		for _, v := range vals {
			if f, _ := strconv.ParseFloat(numtext.Format(v, d), 64); f != v {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return 4
}

// compactTable lists the given values of n, wrapped to width.
func compactTable(n *mathcore.Network, digits, width int) []string {
	var lines []string
	add := func(head string, items []string) {
		line := head
		for _, it := range items {
			if ansi.StringWidth(line)+1+ansi.StringWidth(it) > width && line != head {
				lines = append(lines, line)
				line = strings.Repeat(" ", min(len(head), width/3))
			}
			line += " " + it
		}
		lines = append(lines, line)
	}
	var ins []string
	for i, v := range n.Inputs {
		ins = append(ins, n.NodeLabel(0, i)+"="+numtext.Format(v, digits))
	}
	add("inputs ", ins)
	var ws []string
	for _, p := range n.Params() {
		ws = append(ws, n.ParamLabel(p)+"="+numtext.Format(n.Value(p), digits))
	}
	add("weights", ws)
	var out []string
	for i := range n.Sizes[1:] {
		l := i + 1
		for j := range n.Sizes[l] {
			var from []string
			for k := range n.Sizes[l-1] {
				from = append(from, n.ParamLabel(mathcore.Param{Layer: l - 1, From: k, To: j}))
			}
			out = append(out, n.NodeLabel(l, j)+"←"+strings.Join(from, ","))
		}
	}
	add("edges  ", out)
	return lines
}

// refresh rebuilds the body for the current state and width.
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
	var lines []string
	m.verdict = -1
	switch m.state {
	case quizSummary:
		lines = m.summaryLines(w)
	default:
		lines = m.questionLines(w)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		lines[i] = " " + l
	}
	m.help.SetWidth(max(1, m.width-2))
	m.viewport.SetWidth(m.width)
	m.viewport.SetHeight(max(1, m.height-2))
	m.viewport.SetContentLines(lines)
}

// questionLines lays out the current question: the network, the
// question, the answered parts, the hints and the answer field; once
// answered, the verdict, the diagnosis and the worked chain.
func (m *QuizModel) questionLines(w int) []string {
	st := m.styles
	s := m.session
	q := s.Question()
	if q == nil {
		return nil
	}
	n := q.Network()
	var lines []string
	lines = append(lines, figure(st.Figure, m.figure, w)...)
	loss := "J = 1/2 (y - out)^2"
	if n.Loss == mathcore.MSE {
		loss = "J = 1/n sum (y - out)^2"
	}
	var ys []string
	for _, y := range n.Targets {
		ys = append(ys, strconv.FormatFloat(y, 'f', -1, 64))
	}
	lines = append(lines, style(st.Text, ansi.Truncate("target y = "+strings.Join(ys, ", ")+"   eta = "+strconv.FormatFloat(n.LearningRate, 'f', -1, 64)+"   "+loss+"   "+activationsOf(n), w, "…")), "")
	title := fmt.Sprintf("Question %d of %d · %s: find %s", s.Index()+1, s.Len(), q.Topic, q.Target.Name)
	lines = append(lines, style(st.Heading, title))
	lines = append(lines, paragraph(st.Hint, q.Target.Description+". Keep 4 significant figures in every step.", w)...)
	if len(q.Parts) > 1 {
		var names []string
		for _, p := range q.Parts {
			names = append(names, p.Name)
		}
		lines = append(lines, paragraph(st.Text, "On the way: "+strings.Join(names, " → "), w)...)
	}
	for _, p := range s.Parts() {
		if m.state == quizAnswered {
			break
		}
		lines = append(lines, "  "+partLine(st, p))
	}
	if m.state == quizAsking {
		part := s.Part()
		for i, h := range s.ShownHints() {
			lines = append(lines, paragraph(st.Note, fmt.Sprintf("  hint %d: %s", i+1, h), w)...)
		}
		m.input.Prompt = "  " + part.Name + " = "
		m.input.SetWidth(max(8, min(30, w-ansi.StringWidth(m.input.Prompt)-1)))
		lines = append(lines, m.input.View())
		if m.err != "" {
			lines = append(lines, paragraph(st.Error, "  ✗ "+m.err, w)...)
		}
		return lines
	}
	lines = append(lines, "")
	m.verdict = len(lines)
	for _, p := range s.Parts() {
		lines = append(lines, partLine(st, p))
	}
	last := s.Parts()[len(s.Parts())-1]
	lines = append(lines, "")
	for _, p := range s.Parts() {
		if p.Verdict != judge.Correct || p.Carried || p.Quantity == last.Quantity {
			lines = append(lines, paragraph(st.Text, p.Quantity.Name+": "+p.Explanation, w)...)
		}
	}
	lines = append(lines, "")
	lines = append(lines, workedLines(st, last.Worked, w)...)
	lines = append(lines, "", style(st.Hint, "enter or n: next question"))
	return lines
}

// partLine is one answered part with its verdict mark.
func partLine(st Styles, p quiz.PartResult) string {
	mark, paint, word := "✗", st.Down, "incorrect"
	switch {
	case p.Carried:
		mark, paint, word = "✓", st.Up, "correct for your earlier answers"
	case p.Verdict == judge.Correct:
		mark, paint, word = "✓", st.Up, "correct"
	case p.Verdict == judge.Close:
		mark, paint, word = "≈", st.Note, "close"
	}
	s := style(paint, mark) + " " + p.Quantity.Name + " = " + strings.TrimSpace(p.Text) + "  " + word
	if p.Hints > 0 {
		s += fmt.Sprintf(" (%d hint%s)", p.Hints, plural(p.Hints))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// workedLines lays out the worked chain: the formula, then each value
// with the learner's beside the exact one.
func workedLines(st Styles, wk judge.Worked, w int) []string {
	lines := []string{style(st.Heading, "Worked chain")}
	for _, l := range breakAtOperators(wk.Formula, w, "    ") {
		lines = append(lines, style(st.Formula, l))
	}
	nameW := 6
	for _, p := range wk.Paths {
		for _, s := range p {
			nameW = max(nameW, ansi.StringWidth(s.Symbol))
		}
	}
	nameW = min(nameW, max(6, w-26))
	row := func(sym, exact, yours, mark string) string {
		return "  " + padRight(ansi.Truncate(sym, nameW, "…"), nameW) + "  " + padLeft(exact, 10) + "  " + padLeft(yours, 10) + mark
	}
	lines = append(lines, style(st.StepOld, row("value", "exact", "yours", "")))
	for i, p := range wk.Paths {
		if wk.Sum && len(wk.Paths) > 1 {
			lines = append(lines, style(st.StepOld, fmt.Sprintf("  term %d", i+1)))
		}
		for _, s := range p {
			yours, mark := "", ""
			if s.HasUser {
				yours = numtext.FormatSig(s.Value, 4)
				if !judge.Matches(s.Value, s.Exact, judge.DefaultTolerance) {
					mark = "  ✗"
				}
			}
			lines = append(lines, row(s.Symbol, numtext.FormatSig(s.Exact, 4), yours, mark))
		}
	}
	r := wk.Result
	mark := "  ✓"
	if !judge.Matches(r.Value, r.Exact, judge.DefaultTolerance) {
		mark = "  ✗"
	}
	lines = append(lines, style(st.Result, row("= "+r.Symbol, numtext.FormatSig(r.Exact, 4), numtext.FormatSig(r.Value, 4), mark)))
	return lines
}

func padLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

func activationsOf(n *mathcore.Network) string {
	a := n.Activations[0]
	for _, b := range n.Activations {
		if b != a {
			return "mixed activations"
		}
	}
	return a.String() + " nodes"
}

// summaryLines lays out the end of the quiz.
func (m *QuizModel) summaryLines(w int) []string {
	st := m.styles
	s := m.session
	sum := s.Summary()
	_, best := s.Streak()
	lines := []string{style(st.Heading, "Quiz complete"),
		paragraph(st.Text, fmt.Sprintf("%d of %d correct · best streak %d · %d hint%s · %s in all",
			sum.Correct, sum.Answered, best, sum.Hints, plural(sum.Hints), clock(sum.Seconds)), w)[0], ""}
	row := func(a, b, c, d, e, f string) string {
		return padRight(a, 10) + padLeft(b, 9) + padLeft(c, 9) + padLeft(d, 7) + padLeft(e, 7) + padLeft(f, 11)
	}
	lines = append(lines, style(st.StepOld, row("topic", "answered", "correct", "close", "hints", "mean time")))
	for _, t := range sum.Topics {
		weak := ""
		if t.Weak {
			weak = "  ← revisit"
		}
		lines = append(lines, row(t.Topic, strconv.Itoa(t.Answered), strconv.Itoa(t.Correct), strconv.Itoa(t.Close),
			strconv.Itoa(t.Hints), clock(t.MeanSeconds()))+style(st.Note, weak))
	}
	lines = append(lines, "")
	if len(m.revisit) == 0 {
		lines = append(lines, paragraph(st.Status, "No weak topic: every topic is at least 80% correct.", w)...)
		return lines
	}
	lines = append(lines, style(st.Heading, "Lessons to revisit"))
	for i, id := range m.revisit {
		title := m.titles[id]
		var topics []string
		for _, t := range sum.Topics {
			for _, l := range t.Lessons {
				if l == id {
					topics = append(topics, t.Topic)
				}
			}
		}
		line := "  " + id + " (" + title + ") for " + strings.Join(topics, ", ")
		if i == m.choice {
			line = style(st.Focus, "▸ "+line[2:])
		}
		lines = append(lines, line)
	}
	hint := "enter: open the chosen lesson"
	if len(m.revisit) > 1 {
		hint = "tab: choose · " + hint
	}
	lines = append(lines, "", style(st.Hint, hint+" · q: quit"))
	return lines
}

// clock writes seconds as m:ss.
func clock(sec float64) string {
	d := int(sec + 0.5)
	return fmt.Sprintf("%d:%02d", d/60, d%60)
}

// statusLine is the quiz's status: question, score, streak and time.
func (m QuizModel) statusLine() string {
	s := m.session
	c, a := s.Score()
	cur, _ := s.Streak()
	var text string
	if s.Done() {
		text = fmt.Sprintf("Quiz · %d questions · score %d/%d", s.Len(), c, a)
	} else {
		text = fmt.Sprintf("Quiz · question %d/%d · score %d/%d · streak %d · time %s",
			s.Index()+1, s.Len(), c, a, cur, clock(m.elapsed.Seconds()))
	}
	return " " + style(m.styles.Title, ansi.Truncate(text, max(1, m.width-2), "…"))
}

// View renders the status line, the body and the help bar in the size
// given to SetSize.
func (m QuizModel) View() string {
	return m.statusLine() + "\n" + m.viewport.View() + "\n" + ansi.Truncate(helpMargin.Render(m.help.View(m.keys)), m.width, "…")
}
