package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"nnmath/internal/testnet"
	"nnmath/judge"
	"nnmath/mathcore"
	"nnmath/quiz"
)

// quizClock is a clock that advances one second on every reading.
func quizClock() func() time.Time {
	t := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// newQuizModel returns a quiz of count questions drawn with seed 11, at w x h.
func newQuizModel(t *testing.T, net *mathcore.Network, topics []judge.Topic, count, w, h int) QuizModel {
	t.Helper()
	qs, err := quiz.Generate(11, net, topics, count)
	if err != nil {
		t.Fatal(err)
	}
	m := NewQuiz(quiz.NewSession(qs, 11, quizClock()), true)
	m.SetSize(w, h)
	return m
}

// quizPress presses each key on the quiz screen, as the terminal sends it,
// and returns the quiz's own messages among the commands' results.
func quizPress(t *testing.T, m QuizModel, keys ...string) (QuizModel, []tea.Msg) {
	t.Helper()
	var msgs []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(press(t, k))
		if len(k) > 1 || k == "q" || k == "n" || k == "o" { // typed digits send only the cursor's blink
			msgs = append(msgs, quizMessages(cmd)...)
		}
	}
	return m, msgs
}

// quizMessages runs cmd and returns the quiz's own messages among what it
// sends (cmdMsgs leaves the cursor's blink timer behind).
func quizMessages(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, msg := range cmdMsgs(cmd) {
		switch msg.(type) {
		case QuizDoneMsg, OpenLessonMsg, QuizExitMsg:
			out = append(out, msg)
		}
	}
	return out
}

// quizType types s into the answer field, one key per rune.
func quizType(t *testing.T, m QuizModel, s string) QuizModel {
	t.Helper()
	for _, r := range s {
		m, _ = quizPress(t, m, string(r))
	}
	return m
}

func quizExact(m QuizModel) string {
	s := m.Session()
	return strconv.FormatFloat(s.Question().Judge.Exact(s.Part()), 'g', 6, 64)
}

// quizAnswerAll answers every part of the current question with the exact value.
func quizAnswerAll(t *testing.T, m QuizModel) QuizModel {
	t.Helper()
	for !m.Session().Answered() {
		m = quizType(t, m, quizExact(m))
		m, _ = quizPress(t, m, "enter")
	}
	return m
}

func quizScreen(m QuizModel) string {
	return ansi.Strip(m.View())
}

func TestQuizUpdateFlow(t *testing.T) {
	m := newQuizModel(t, nil, nil, 3, 80, 24)
	s := m.Session()
	// Typing "n" while the answer field is focused types it, and moves nothing.
	m = quizType(t, m, "n")
	if s.Answered() || s.Index() != 0 {
		t.Fatal("n moved the quiz while typing")
	}
	m, _ = quizPress(t, m, "enter")
	if m.err == "" || len(s.Parts()) != 0 {
		t.Fatal("an answer that is no number was accepted")
	}
	if !strings.Contains(quizScreen(m), "not a number") {
		t.Error("the parse error is not shown")
	}
	m.input.Reset()
	m, _ = quizPress(t, m, "ctrl+t")
	if len(s.ShownHints()) != 1 {
		t.Fatalf("hints shown %d, want 1", len(s.ShownHints()))
	}
	m, _ = quizPress(t, m, "ctrl+t")
	if len(s.ShownHints()) != 2 || !strings.Contains(quizScreen(m), "hint 2:") {
		t.Fatal("the second hint is not shown")
	}
	m = quizAnswerAll(t, m)
	if m.state != quizAnswered || !strings.Contains(quizScreen(m), "Worked chain") {
		t.Fatalf("after the answer: state %d\n%s", m.state, quizScreen(m))
	}
	if rec := s.Records()[0]; rec.Hints != 2 || rec.Verdict != "correct" {
		t.Errorf("record %+v", rec)
	}
	m, _ = quizPress(t, m, "n")
	if s.Index() != 1 || m.state != quizAsking || !m.input.Focused() {
		t.Fatal("n did not go to the next question")
	}
	// A wrong answer to the second question.
	for !s.Answered() {
		m = quizType(t, m, "-9")
		m, _ = quizPress(t, m, "enter")
	}
	if !strings.Contains(quizScreen(m), "incorrect") {
		t.Error("no verdict shown")
	}
	m, _ = quizPress(t, m, "enter")
	m = quizAnswerAll(t, m)
	m, msgs := quizPress(t, m, "enter")
	if m.state != quizSummary || len(msgs) != 1 {
		t.Fatalf("state %d, messages %v", m.state, msgs)
	}
	done, ok := msgs[0].(QuizDoneMsg)
	if !ok || len(done.Records) != 3 || done.Summary.Correct != 2 {
		t.Fatalf("done message %+v", msgs[0])
	}
	if len(m.revisit) == 0 {
		t.Fatal("no lesson to revisit after a wrong answer")
	}
	_, msgs = quizPress(t, m, "enter")
	if len(msgs) != 1 || msgs[0] != (OpenLessonMsg{ID: m.revisit[0]}) {
		t.Fatalf("open lesson messages %v", msgs)
	}
	_, msgs = quizPress(t, m, "q")
	if len(msgs) != 1 || msgs[0] != (QuizExitMsg{}) {
		t.Fatalf("q on the summary: %v", msgs)
	}
}

// TestQuizChooseAndHints: on the summary tab and shift+tab move the choice
// round the lessons to revisit, and the hints on screen name the keys the
// bindings hold.
func TestQuizChooseAndHints(t *testing.T) {
	m := newQuizModel(t, nil, nil, 4, 80, 24)
	for !m.Session().Done() {
		for !m.Session().Answered() {
			m = quizType(t, m, "0.5")
			m, _ = quizPress(t, m, "enter")
		}
		if !strings.Contains(strings.Join(m.answeredLines(78), "\n"), "enter or n: next question") {
			t.Fatal("no hint for the next question")
		}
		m, _ = quizPress(t, m, "enter")
	}
	n := len(m.revisit)
	if n < 2 {
		t.Fatalf("%d lessons to revisit, want 2 or more", n)
	}
	if !strings.Contains(quizScreen(m), "tab: choose · enter: open the chosen lesson · q: quit") {
		t.Errorf("summary hint:\n%s", quizScreen(m))
	}
	for _, step := range []struct {
		key  string
		want int
	}{{"tab", 1}, {"shift+tab", 0}, {"shift+tab", n - 1}, {"tab", 0}} {
		m, _ = quizPress(t, m, step.key)
		if m.choice != step.want {
			t.Errorf("%s: choice %d, want %d", step.key, m.choice, step.want)
		}
	}
	m.keys.Next.SetKeys("space")
	m.keys.Open.SetKeys("o")
	m.keys.ChooseNext.SetKeys("right")
	m.keys.QuitLetter.SetKeys("x")
	m.refresh()
	if !strings.Contains(quizScreen(m), "→: choose · o: open the chosen lesson · x: quit") {
		t.Errorf("the summary hint does not follow the bindings:\n%s", quizScreen(m))
	}
}

func TestQuizQuitKeys(t *testing.T) {
	m := newQuizModel(t, nil, nil, 1, 80, 24)
	m, msgs := quizPress(t, m, "q")
	if len(msgs) != 0 || m.input.Value() != "q" {
		t.Fatalf("q while typing: %v %q", msgs, m.input.Value())
	}
	// With an answer being typed, esc asks first; another key stays.
	m, msgs = quizPress(t, m, "esc")
	if len(msgs) != 0 || !strings.Contains(quizScreen(m), "Leave the quiz?") {
		t.Fatalf("esc with an answer typed: %v\n%s", msgs, quizScreen(m))
	}
	m, msgs = quizPress(t, m, "down")
	if len(msgs) != 0 || strings.Contains(quizScreen(m), "Leave the quiz?") {
		t.Fatalf("esc then another key: %v", msgs)
	}
	m, _ = quizPress(t, m, "esc")
	_, msgs = quizPress(t, m, "esc")
	if len(msgs) != 1 || msgs[0] != (QuizExitMsg{}) {
		t.Fatalf("esc twice: %v", msgs)
	}
	// Before any answer, esc leaves at once.
	m = newQuizModel(t, nil, nil, 1, 80, 24)
	_, msgs = quizPress(t, m, "esc")
	if len(msgs) != 1 || msgs[0] != (QuizExitMsg{}) {
		t.Fatalf("esc before any answer: %v", msgs)
	}
}

// TestQuizCarriedForward gives a wrong dJ/dout and a dJ/dw9 right for it.
func TestQuizCarriedForward(t *testing.T) {
	j, _ := judge.New(mathcore.Paper())
	m := quizOn(t, mathcore.Paper(), judge.Gradients, "dJ/dw9", 1, 80, 24)
	vals := map[string]float64{}
	for !m.Session().Answered() {
		p := m.Session().Part()
		v := j.Exact(p)
		switch p.Name {
		case "dJ/dout":
			v = -1
		case "dJ/dw9":
			v = vals["dJ/dout"] * vals["dout/dnet_o"] * vals["out_h1"]
		}
		vals[p.Name] = v
		m = quizType(t, m, strconv.FormatFloat(v, 'f', 6, 64))
		m, _ = quizPress(t, m, "enter")
	}
	parts := m.Session().Parts()
	last := parts[len(parts)-1]
	if !last.Carried || last.Verdict != judge.Correct {
		t.Fatalf("dJ/dw9 judged %v carried=%v", last.Verdict, last.Carried)
	}
	if !strings.Contains(quizScreen(m), "correct for your earlier answers") {
		t.Error("the screen does not say the error was carried forward")
	}
}

func TestQuizWidth(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {60, 16}, {40, 12}, {120, 40}} {
		m := newQuizModel(t, nil, nil, 4, sz.w, sz.h)
		check := func(stage string) {
			t.Helper()
			lines := strings.Split(quizScreen(m), "\n")
			if len(lines) > sz.h {
				t.Errorf("%dx%d %s: %d lines", sz.w, sz.h, stage, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > sz.w {
					t.Errorf("%dx%d %s: line of %d columns: %q", sz.w, sz.h, stage, ansi.StringWidth(l), l)
				}
			}
		}
		for !m.Session().Done() {
			check("question")
			m, _ = quizPress(t, m, "ctrl+t", "ctrl+t", "ctrl+t")
			check("hints")
			for !m.Session().Answered() {
				m = quizType(t, m, "0.123")
				m, _ = quizPress(t, m, "enter")
			}
			check("answered")
			m, _ = quizPress(t, m, "enter")
		}
		check("summary")
	}
}

// TestQuizGolden pins the quiz screen at 80x24 with seed 11 and a fixed
// clock: a question, a hint, a wrong answer with its diagnosis, and the
// summary. Refresh with `go test ./tui -run TestQuizGolden -update`.
func TestQuizGolden(t *testing.T) {
	t.Run("question", func(t *testing.T) {
		m := newQuizModel(t, mathcore.Paper(), []judge.Topic{judge.Gradients}, 2, 80, 24)
		golden.RequireEqual(t, []byte(quizScreen(m)))
	})
	t.Run("hint", func(t *testing.T) {
		m := newQuizModel(t, nil, []judge.Topic{judge.Forward}, 2, 80, 24)
		m, _ = quizPress(t, m, "ctrl+t", "ctrl+t")
		golden.RequireEqual(t, []byte(quizScreen(m)))
	})
	t.Run("wrong", func(t *testing.T) {
		// The paper's network, dJ/dw1 with dJ/dout taken as -1: the paper's slip.
		m := quizOn(t, mathcore.Paper(), judge.Gradients, "dJ/dw1", 1, 80, 24)
		for !m.Session().Answered() {
			text := quizExact(m)
			if m.Session().Part().Name == "dJ/dw1" {
				text = "-0.0167"
			}
			m = quizType(t, m, text)
			m, _ = quizPress(t, m, "enter")
		}
		golden.RequireEqual(t, []byte(quizScreen(m)))
	})
	t.Run("summary", func(t *testing.T) {
		m := newQuizModel(t, nil, nil, 4, 80, 24)
		for i := 0; !m.Session().Done(); i++ {
			for !m.Session().Answered() {
				text := quizExact(m)
				if i%2 == 1 {
					text = "0.5"
				}
				m = quizType(t, m, text)
				m, _ = quizPress(t, m, "enter")
			}
			m, _ = quizPress(t, m, "enter")
		}
		golden.RequireEqual(t, []byte(quizScreen(m)))
	})
}

// quizOn returns a quiz at w x h whose first question, on network n, asks
// for the quantity named target.
func quizOn(t *testing.T, n *mathcore.Network, topic judge.Topic, target string, count, w, h int) QuizModel {
	t.Helper()
	for seed := uint64(0); seed < 2000; seed++ {
		qs, err := quiz.Generate(seed, n, []judge.Topic{topic}, count)
		if err != nil {
			t.Fatal(err)
		}
		if qs[0].Target.Name == target {
			m := NewQuiz(quiz.NewSession(qs, seed, quizClock()), true)
			m.SetSize(w, h)
			return m
		}
	}
	t.Fatalf("no question for %s", target)
	return QuizModel{}
}

// TestQuizQuestionAlwaysVisible: at 80x24, on networks whose diagram is
// taller than the screen, the question and the answer field are on screen
// from the start, while typing, after every hint and after every part.
func TestQuizQuestionAlwaysVisible(t *testing.T) {
	for label, n := range map[string]*mathcore.Network{
		"3-2-2 biases": testnet.Random(1, testnet.Spec{Sizes: []int{3, 2, 2}, Biases: true, Values: testnet.Thousandths}),
		"6-5-3":        testnet.Random(2, testnet.Spec{Sizes: []int{6, 5, 3}, Values: testnet.Thousandths}),
		"4-2-1":        mathcore.Paper(),
	} {
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, topic := range quiz.AllTopics {
			qs, err := quiz.Generate(4, n, []judge.Topic{topic}, 1)
			if err != nil {
				t.Fatal(err)
			}
			m := NewQuiz(quiz.NewSession(qs, 4, quizClock()), true)
			m.SetSize(80, 24)
			check := func(stage string) {
				t.Helper()
				screen := quizScreen(m)
				lines := strings.Split(screen, "\n")
				if len(lines) != 24 {
					t.Errorf("%s %s %s: %d lines", label, topic, stage, len(lines))
				}
				title := fmt.Sprintf("Question 1 of 1 · %s: find %s", topic, qs[0].Target.Name)
				if !strings.Contains(screen, title) {
					t.Errorf("%s %s %s: the question is off screen:\n%s", label, topic, stage, screen)
				}
				if prompt := m.Session().Part().Name + " = "; !strings.Contains(screen, "  "+prompt) {
					t.Errorf("%s %s %s: the answer field %q is off screen:\n%s", label, topic, stage, prompt, screen)
				}
				if !strings.Contains(lines[len(lines)-1], "submit") {
					t.Errorf("%s %s %s: no help bar at the bottom: %q", label, topic, stage, lines[len(lines)-1])
				}
			}
			check("start")
			for !m.Session().Answered() {
				for _, r := range "0.12" {
					m, _ = quizPress(t, m, string(r))
					check("typing")
				}
				for m.Session().HintsLeft() > 0 {
					m, _ = quizPress(t, m, "ctrl+t")
					check("hint")
				}
				m, _ = quizPress(t, m, "down", "down", "down")
				m, _ = quizPress(t, m, "enter")
				if !m.Session().Answered() {
					check("next part")
				}
			}
		}
	}
}

// TestQuizCarriedMarks: a slip at net_h1 carried into out_h1. The worked
// chain shows whole labels, marks out_h1 as the verdict does (right for
// the learner's values), and the slip still costs the question.
func TestQuizCarriedMarks(t *testing.T) {
	m := quizOn(t, mathcore.Paper(), judge.Forward, "out_h1", 1, 80, 24)
	m = quizType(t, m, "-0.5")
	m, _ = quizPress(t, m, "enter")
	m = quizType(t, m, "0.3775") // sigma(-0.5)
	m, _ = quizPress(t, m, "enter")
	parts := m.Session().Parts()
	if len(parts) != 2 || !parts[1].Carried {
		t.Fatalf("parts %+v", parts)
	}
	var body strings.Builder
	for _, l := range m.answeredLines(78) {
		body.WriteString(ansi.Strip(l) + "\n")
	}
	text := body.String()
	if strings.Contains(text, "…") {
		t.Errorf("a label is cut:\n%s", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "= out_h1") && (strings.Contains(l, "✗") || !strings.Contains(l, "✓")) {
			t.Errorf("the result row contradicts the verdict: %q", l)
		}
		if strings.HasPrefix(strings.TrimSpace(l), "net_h1 ") && strings.Contains(l, "-0.5000") && !strings.Contains(l, "✗") {
			t.Errorf("the slip is not marked: %q", l)
		}
	}
	for _, want := range []string{"1 of 2 steps right: the question counts as incorrect", "Where the slip is: net_h1", "from your values, out_h1 = 0.3775"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q:\n%s", want, text)
		}
	}
	if c, n := m.Session().Score(); c != 0 || n != 1 {
		t.Errorf("score %d/%d, want 0/1", c, n)
	}
	if !strings.Contains(quizScreen(m), "score 0/1") {
		t.Errorf("status line:\n%s", quizScreen(m))
	}
	m, _ = quizPress(t, m, "n")
	screen := quizScreen(m)
	if !strings.Contains(screen, "Quiz · 1 question · score 0/1") || !strings.Contains(screen, "← revisit") ||
		!strings.Contains(screen, "4. Dot product  (forward)") || !strings.Contains(screen, "1/2") {
		t.Errorf("summary after a slip:\n%s", screen)
	}
}

// TestQuizWorkedLabelsWhole: at 80 columns the result row of every chain
// keeps its label whole.
func TestQuizWorkedLabelsWhole(t *testing.T) {
	for _, target := range []string{"dout_h1/dnet_h1", "dJ/dw4", "w4_new", "out_h1"} {
		topic := judge.Gradients
		switch target {
		case "w4_new":
			topic = judge.Update
		case "out_h1":
			topic = judge.Forward
		}
		m := quizOn(t, mathcore.Paper(), topic, target, 1, 80, 24)
		for !m.Session().Answered() {
			m = quizType(t, m, "0.3")
			m, _ = quizPress(t, m, "enter")
		}
		for _, l := range m.answeredLines(78) {
			l = ansi.Strip(l)
			if strings.HasPrefix(strings.TrimSpace(l), "=") && strings.Contains(l, "…") {
				t.Errorf("%s: result row cut: %q", target, l)
			}
		}
	}
}

// TestQuizSavesEachAnswer: a quiz made WithHistory appends each record as
// soon as its question is answered, and its QuizDoneMsg carries no
// records to save again.
func TestQuizSavesEachAnswer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nnmath", quiz.HistoryFile)
	m := newQuizModel(t, nil, nil, 2, 80, 24).WithHistory(path)
	answer := func() {
		t.Helper()
		for !m.Session().Answered() {
			m = quizType(t, m, quizExact(m))
			var cmd tea.Cmd
			m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			if m.Session().Answered() {
				if !m.Saving() {
					t.Fatal("no save pending after the answer")
				}
				msg := runSave(t, cmd)
				m, _ = m.Update(msg)
			}
		}
	}
	answer()
	recs, _, err := quiz.ReadHistory(path)
	if err != nil || len(recs) != 1 {
		t.Fatalf("after the first answer the history holds %d records (%v), want 1", len(recs), err)
	}
	m, _ = quizPress(t, m, "enter")
	answer()
	if recs, _, _ = quiz.ReadHistory(path); len(recs) != 2 {
		t.Fatalf("after the second answer: %d records", len(recs))
	}
	m, msgs := quizPress(t, m, "enter")
	if len(msgs) != 1 {
		t.Fatalf("messages %v", msgs)
	}
	done := msgs[0].(QuizDoneMsg)
	if len(done.Records) != 0 || done.History != path || done.SaveErr != nil {
		t.Errorf("done %+v", done)
	}
	if text, isErr := done.Status(); isErr || !strings.Contains(text, path) {
		t.Errorf("status %q %v", text, isErr)
	}

	// A history that cannot be written: the screen and the message say so.
	bad := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	m = newQuizModel(t, nil, nil, 1, 80, 24).WithHistory(filepath.Join(bad, "history.jsonl"))
	for !m.Session().Answered() {
		m = quizType(t, m, quizExact(m))
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		if m.Session().Answered() {
			m, _ = m.Update(runSave(t, cmd))
		}
	}
	if m.SaveErr() == nil || !strings.Contains(strings.Join(m.answeredLines(78), "\n"), "Not saved") {
		t.Errorf("save error not shown: %v", m.SaveErr())
	}
	_, msgs = quizPress(t, m, "enter")
	if done := msgs[0].(QuizDoneMsg); done.SaveErr == nil {
		t.Errorf("done %+v", done)
	} else if text, isErr := done.Status(); !isErr || !strings.Contains(text, "not saved") {
		t.Errorf("status %q", text)
	}

	// Without WithHistory nothing is saved and the records go to the root.
	m = newQuizModel(t, nil, nil, 1, 80, 24)
	m = quizAnswerAll(t, m)
	if m.Saving() {
		t.Error("a quiz without history saves")
	}
	_, msgs = quizPress(t, m, "enter")
	if done := msgs[0].(QuizDoneMsg); len(done.Records) != 1 || done.History != "" {
		t.Errorf("done without history %+v", done)
	}
}

// runSave runs the command of an answer and returns its quizSavedMsg.
func runSave(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	var find func(tea.Cmd) tea.Msg
	find = func(c tea.Cmd) tea.Msg {
		if c == nil {
			return nil
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		select {
		case msg := <-ch:
			switch msg := msg.(type) {
			case quizSavedMsg:
				return msg
			case tea.BatchMsg:
				for _, c := range msg {
					if m := find(c); m != nil {
						return m
					}
				}
			}
		case <-time.After(time.Second):
		}
		return nil
	}
	msg := find(cmd)
	if msg == nil {
		t.Fatal("the answer issued no save")
	}
	return msg
}

// TestRootWaitsForQuizSaves: a quiz answer still being written when the
// learner leaves the quiz, or quits, is not lost: its report reaches the
// quiz, an error shows on the lesson screen, and quitting waits for it.
func TestRootWaitsForQuizSaves(t *testing.T) {
	m := newModel(t, 80, 24)
	m.startQuiz()
	m, _ = update(t, m, QuizExitMsg{}) // the learner left the quiz...
	m.quiz.pending = 1                 // ...with an answer's append in flight
	m, cmd := update(t, m, press(t, "q"))
	if isQuit(cmd) || !m.wait.Waiting() {
		t.Fatal("q quit while a quiz answer was being saved")
	}
	m, _ = update(t, m, quizSavedMsg{err: errors.New("disk full")})
	if !strings.Contains(m.status, "disk full") || !m.statusErr {
		t.Errorf("the failed save is not reported: status %q", m.status)
	}
	if m.quiz.Saving() {
		t.Error("the save report did not reach the quiz")
	}
	m.quiz.pending = 1
	_, cmd = update(t, m, quizSavedMsg{})
	if !isQuit(cmd) {
		t.Error("once the last answer was saved, the pending quit did not happen")
	}
}

// TestQuizWaitsWhileTooSmall: keys typed while the screen asks to be made
// larger do not answer a question the learner cannot see.
func TestQuizWaitsWhileTooSmall(t *testing.T) {
	m := newModel(t, 80, 24)
	m.startQuiz()
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 50, Height: 14})
	m = keys(t, m, "0", ".", "5", "enter", "esc")
	if m.focus != focusQuiz || m.quiz.Session().Answered() || len(m.quiz.Session().Records()) > 0 {
		t.Errorf("keys behind the too-small message acted on the quiz: focus %v", m.focus)
	}
}
