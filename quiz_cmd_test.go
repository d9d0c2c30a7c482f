package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/judge"
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
	for _, want := range []string{"3 questions, 2 correct", "forward", "loss", "Lessons to revisit: 6. The output and the loss"} {
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

// TestQuizProgramWaitsForSave: leaving right after an answer quits only
// once the answer is written to the history.
func TestQuizProgramWaitsForSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	qs, err := quiz.Generate(1, nil, []judge.Topic{judge.Forward}, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := quizProgram{quiz: tui.NewQuiz(quiz.NewSession(qs, 1, nil), true).WithHistory(path)}
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
	m, cmd := m.Update(tui.QuizExitMsg{})
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

func TestQuizHelpAndStatsMessages(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"quiz", "--help"}, &out, &errb); code != exitOK {
		t.Fatalf("--help: exit %d", code)
	}
	help := out.String() + errb.String()
	if strings.Contains(help, "paper's") || !strings.Contains(help, "fresh small 4-2-1 network per question") {
		t.Errorf("--net help:\n%s", help)
	}

	// A history that cannot be read: the message names the file and the
	// problem once, with no doubled prefix.
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	path, _ := quiz.HistoryPath()
	if err := os.MkdirAll(path, 0o755); err != nil { // a folder where the file belongs
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	code := run([]string{"quiz", "--stats"}, &out, &errb)
	msg := errb.String()
	if code != exitFail || strings.Contains(msg, "quiz: quiz:") || !strings.Contains(msg, path) || !strings.Contains(msg, "is a directory") {
		t.Errorf("unreadable history: exit %d %q", code, msg)
	}

	// One question: no plural; steps counted.
	dir = t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	path, _ = quiz.HistoryPath()
	quiz.AppendHistory(path, []quiz.Record{{Topic: "forward", Verdict: "incorrect", Lesson: "sigmoid", Parts: []quiz.PartRecord{
		{Quantity: "net_h1", Verdict: "incorrect", Lesson: "dot"}, {Quantity: "out_h1", Verdict: "correct", Carried: true, Lesson: "sigmoid"}}}})
	out.Reset()
	if code := run([]string{"quiz", "--stats"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"1 question, 0 correct", "1 of 2 steps right", "Lessons to revisit: 4. Dot product."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stats lack %q:\n%s", want, out.String())
		}
	}
}

func TestQuizEmptyTopics(t *testing.T) {
	code, _, stderr := runArgs("quiz", "--topics=", "--no-save")
	if code != exitUsage || !strings.Contains(stderr, "-topics: it is empty") {
		t.Errorf("quiz --topics=: exit %d, stderr %q", code, stderr)
	}
}
