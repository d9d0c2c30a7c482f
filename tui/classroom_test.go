package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnmath/mathcore"
	"nnmath/quiz"
)

func TestWithoutFilesTurnsOffSaveAndExport(t *testing.T) {
	m := New(mathcore.Paper()).WithoutFiles()
	m, _ = update(t, m, press(t, "?"))
	if s := screen(m); strings.Contains(s, "save network") || strings.Contains(s, "export solution") {
		t.Errorf("the help lists a key that writes a file:\n%s", s)
	}
	for _, k := range []string{"ctrl+s", "x"} {
		m, _ = update(t, m, press(t, k))
		if m.focus == focusPrompt {
			t.Errorf("%s opens the file prompt", k)
		}
	}
}

func TestServedQuizUsesItsSourceAndHistory(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "alice", "history.jsonl")
	src := func() ([]*quiz.Question, uint64, error) {
		qs, err := quiz.Listed(mathcore.Paper(), []string{"net_h1"})
		return qs, 7, err
	}
	m := New(mathcore.Paper()).WithHistory(hist).WithQuiz(src).WithStatus("Signed in as alice.")
	if !strings.Contains(screen(m), "Signed in as alice.") {
		t.Errorf("no status line:\n%s", screen(m))
	}
	m = keys(t, m, "m", "G", "enter")
	if m.focus != focusQuiz || !strings.Contains(screen(m), "find net_h1") {
		t.Fatalf("the quiz did not open on the source's question:\n%s", screen(m))
	}
	m = keysRun(t, m, "0", ".", "3", "7", "6", "enter")
	data, err := os.ReadFile(hist)
	if err != nil || !strings.Contains(string(data), `"quantity":"net_h1"`) || !strings.Contains(string(data), `"seed":7`) {
		t.Errorf("history %s: %v", data, err)
	}
	_, cmd := update(t, m, EndMsg{})
	if !isQuit(cmd) {
		t.Error("EndMsg does not quit")
	}
}
