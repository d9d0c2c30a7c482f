package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeBadFlags(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"questions": ["out_h9"]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	noQuiz := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(noQuiz, []byte(`{"title": "x"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	file := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--assignment", file("neg.json", `{"quiz":{"seed":-1}}`)}, "quiz.seed must be a whole number from 0 to"},
		{[]string{"--assignment", file("tail.json", `{"quiz":{"seed":1}} more`)}, "text follows the assignment's JSON object"},
		{[]string{"--assignment", file("q99.json", `{"questions":["dJ/dw99"]}`)}, `question 1: "dJ/dw99" is not a quantity`},
		{[]string{"--max-sessions", "0"}, "--max-sessions must be at least 1"},
		{[]string{"--idle", "-1s"}, "--idle must not be negative"},
		{[]string{"--idle", "10ms"}, "too short"},
		{[]string{"--dir", ""}, "give the class directory"},
		{[]string{"--assignment", filepath.Join(dir, "missing.json")}, "missing.json"},
		{[]string{"--assignment", bad}, "out_h9"},
		{[]string{"--assignment", noQuiz}, `give "quiz"`},
		{[]string{"--listen", "127.0.0.1:99999", "--dir", filepath.Join(dir, "class")}, "--listen"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"serve"}, tc.args...), &out, &errb); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", tc.args, code, errb.String())
		}
		if !strings.Contains(errb.String(), tc.want) || strings.Contains(errb.String(), "judge:") ||
			strings.Contains(errb.String(), "Go struct") {
			t.Errorf("%v: message %q does not say %q", tc.args, errb.String(), tc.want)
		}
	}
}

func TestClassReportCommand(t *testing.T) {
	dir := t.TempDir()
	hist := filepath.Join(dir, "students", "SHA256-a", "history.jsonl")
	if err := os.MkdirAll(filepath.Dir(hist), 0o700); err != nil {
		t.Fatal(err)
	}
	line := `{"time":"2026-01-01T10:00:00Z","seed":1,"question":1,"topic":"forward","quantity":"out_h1","answer":0.376,"exact":0.5929,"verdict":"incorrect","slip":"net_for_out","hints":0,"seconds":30,"lesson":"sigmoid"}`
	if err := os.WriteFile(hist, []byte(line+"\n{\"torn"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"class", "report", "--dir", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "| net where out belongs | 1 | 1 |") || !strings.Contains(errb.String(), "skipped") {
		t.Errorf("report:\n%s\nstderr: %s", out.String(), errb.String())
	}
	path := filepath.Join(dir, "report.csv")
	if code := run([]string{"class", "report", "--dir", dir, "--format", "csv", "-o", path}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "name,fingerprint,") {
		t.Errorf("csv file: %q", data)
	}
	for _, args := range [][]string{{"class"}, {"class", "list"}, {"class", "report"}, {"class", "report", "--dir", dir, "--format", "pdf"},
		{"class", "report", "--dir", filepath.Join(dir, "missing")}} {
		errb.Reset()
		if code := run(args, &out, &errb); code != exitUsage || errb.Len() == 0 {
			t.Errorf("%v: exit %d, message %q", args, code, errb.String())
		}
	}
}
