package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/quiz"
	"nnmath/tui"
)

func TestQuizBadFlags(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, args := range [][]string{
		{"--seed", "abc"}, {"--count", "0"}, {"--count", "1000"}, {"--topics", "forward,backprop"},
		{"--net", filepath.Join(t.TempDir(), "missing.json")}, {"--bogus"}, {"extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"quiz"}, args...), &out, &errb); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
		if errb.Len() == 0 {
			t.Errorf("%v: no message", args)
		}
	}
	var errb bytes.Buffer
	run([]string{"quiz", "--topics", "forward,backprop"}, &bytes.Buffer{}, &errb)
	if !strings.Contains(errb.String(), "backprop") || !strings.Contains(errb.String(), "gradients") {
		t.Errorf("topic message %q names neither the bad topic nor the valid ones", errb.String())
	}
}

func TestQuizStats(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	var out, errb bytes.Buffer
	if code := run([]string{"quiz", "--stats"}, &out, &errb); code != exitOK || !strings.Contains(out.String(), "No quiz results") {
		t.Fatalf("empty history: exit %d, %q %q", code, out.String(), errb.String())
	}
	path, _ := quiz.HistoryPath()
	recs := []quiz.Record{
		{Topic: "forward", Verdict: "correct", Seconds: 10},
		{Topic: "loss", Verdict: "incorrect", Seconds: 30, Hints: 1, Lesson: "loss"},
	}
	if err := quiz.AppendHistory(path, recs); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("garbage\n")
	f.Close()
	quiz.AppendHistory(path, recs[:1])
	out.Reset()
	errb.Reset()
	if code := run([]string{"quiz", "--stats"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "line 3") {
		t.Errorf("corrupt line not reported: %q", errb.String())
	}
	for _, want := range []string{"3 questions, 2 correct", "forward", "loss", "Lessons to revisit: loss"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stats lack %q:\n%s", want, out.String())
		}
	}
}

func TestQuizProgramQuits(t *testing.T) {
	qs, err := quiz.Generate(1, nil, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	p := quizProgram{quiz: tui.NewQuiz(quiz.NewSession(qs, 1, nil), true)}
	m, _ := p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !m.(quizProgram).View().AltScreen {
		t.Error("not in the alternate screen")
	}
	_, cmd := m.Update(tui.QuizExitMsg{})
	if cmd == nil {
		t.Fatal("no quit on QuizExitMsg")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("QuizExitMsg does not quit")
	}
	m, cmd = m.Update(tui.OpenLessonMsg{ID: "loss"})
	if m.(quizProgram).open != "loss" || cmd == nil {
		t.Error("OpenLessonMsg not recorded")
	}
}
