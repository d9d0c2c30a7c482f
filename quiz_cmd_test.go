package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnmath/quiz"
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

// quiz --example asks every question about the built-in example.
func TestQuizExample(t *testing.T) {
	o, code := parseQuizFlags([]string{"--example", "textbook", "--seed", "1"}, &bytes.Buffer{})
	if code >= 0 || o.net == nil || o.net.Sizes[2] != 2 || !o.net.HasBiases() {
		t.Fatalf("quiz --example textbook: code %d, network %v", code, o.net)
	}
}
