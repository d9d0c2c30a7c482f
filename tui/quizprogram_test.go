package tui

import (
	"path/filepath"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/judge"
	"nnmath/quiz"
)

func TestQuizProgramQuits(t *testing.T) {
	qs, err := quiz.Generate(1, nil, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	p := quizProgram{quiz: NewQuiz(quiz.NewSession(qs, 1, nil), true)}
	m, _ := p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !m.(quizProgram).View().AltScreen {
		t.Error("not in the alternate screen")
	}
	_, cmd := m.Update(QuizExitMsg{})
	if cmd == nil {
		t.Fatal("no quit on QuizExitMsg")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("QuizExitMsg does not quit")
	}
	m, cmd = m.Update(OpenLessonMsg{ID: "loss"})
	if m.(quizProgram).open != "loss" || cmd == nil {
		t.Error("OpenLessonMsg not recorded")
	}
}

// TestQuizProgramWaitsForSave: leaving right after an answer quits only
// once the answer is written to the history.
func TestQuizProgramWaitsForSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	qs, err := quiz.Generate(1, nil, []judge.Topic{judge.Forward}, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := quizProgram{quiz: NewQuiz(quiz.NewSession(qs, 1, nil), true).WithHistory(path)}
	var m tea.Model = p
	var save tea.Cmd
	for !m.(quizProgram).quiz.Session().Answered() {
		s := m.(quizProgram).quiz.Session()
		exact := strconv.FormatFloat(s.Question().Judge.Exact(s.Part()), 'g', 6, 64)
		for _, r := range exact {
			m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		m, save = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	if save == nil {
		t.Fatal("no save issued for the answer")
	}
	m, cmd := m.Update(QuizExitMsg{})
	if cmd != nil {
		t.Fatal("quit before the answer was saved")
	}
	m, cmd = m.Update(save())
	if cmd == nil {
		t.Fatal("no quit once saved")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("not a quit")
	}
	if recs, _, err := quiz.ReadHistory(path); err != nil || len(recs) != 1 {
		t.Errorf("history: %d records, %v", len(recs), err)
	}
	_ = m
}

// TestNewQuizProgram: the program saves to the default history unless told
// not to, and shows its window title.
func TestNewQuizProgram(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	qs, err := quiz.Generate(1, nil, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	want, err := quiz.HistoryPath()
	if err != nil {
		t.Fatal(err)
	}
	p := newQuizProgram(QuizOptions{Session: quiz.NewSession(qs, 1, nil)})
	if !p.quiz.saving || p.quiz.history != want {
		t.Errorf("default: saving %v to %q, want %q", p.quiz.saving, p.quiz.history, want)
	}
	if v := p.View(); v.WindowTitle != "nnmath quiz" || !v.AltScreen {
		t.Errorf("view: title %q, alt screen %v", v.WindowTitle, v.AltScreen)
	}
	p = newQuizProgram(QuizOptions{Session: quiz.NewSession(qs, 1, nil), NoSave: true})
	if p.quiz.saving {
		t.Error("NoSave: the quiz saves")
	}
}

// TestQuitWait: a quit asked for while nothing is saved quits at once;
// one asked for while saving waits until the saving is over.
func TestQuitWait(t *testing.T) {
	var w quitWait
	if w.Saved(false) != nil || w.Waiting() {
		t.Error("the zero value waits for a quit")
	}
	if cmd := w.Quit(false); cmd == nil || w.Waiting() {
		t.Error("no quit at once while nothing is saved")
	}
	if cmd := w.Quit(true); cmd != nil || !w.Waiting() {
		t.Error("quit while saving")
	}
	if w.Saved(true) != nil {
		t.Error("quit before the saving was over")
	}
	if cmd := w.Saved(false); cmd == nil {
		t.Error("no quit once saved")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("not a quit")
	}
}
