package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"nnmath/lessons"
	"nnmath/plain"
	"nnmath/quiz"
)

// TestMain lets a test run nnmath itself as a child process, with a pipe
// for its standard input, as a teacher's script runs it.
func TestMain(m *testing.M) {
	if os.Getenv("NNMATH_TEST_RUN_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// nnmath runs nnmath with args and stdin from a pipe, and returns its
// standard output and error.
func nnmath(t *testing.T, stdin string, env []string, args ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "NNMATH_TEST_RUN_MAIN=1", "XDG_STATE_HOME="+t.TempDir(), "HOME="+t.TempDir()), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	return out.String(), errs.String(), err
}

// The plain quiz, driven from a pipe, grades each answer as nnmath check
// grades it.
func TestPlainQuizFromAPipe(t *testing.T) {
	qs, err := quiz.Generate(3, nil, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0]
	answers := []string{"0.5929", "0.1"}
	var first strings.Builder // the first part has no earlier answer to carry: check's own judgement
	plain.WriteCheck(&first, q.Judge, q.Judge.Check(q.Parts[0], 0.5929))
	want := []string{first.String()}
	out, errs, err := nnmath(t, strings.Join(answers, "\n")+"\n", nil, "quiz", "--seed", "3", "--count", "2", "--no-save")
	if err != nil {
		t.Fatalf("nnmath quiz: %v\n%s", err, errs)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequences in plain output:\n%q", out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("the quiz does not grade as check does; want\n%s\nin\n%s", w, out)
		}
	}
	if !strings.Contains(out, "Question 1 of 2, ") || !strings.Contains(out, "Score: 0 of 1 correct (seed 3).") {
		t.Errorf("quiz output:\n%s", out)
	}
}

// The tutor from a pipe (or with TERM=dumb) is the plain tutor.
func TestPlainTutorFromAPipe(t *testing.T) {
	for _, env := range [][]string{nil, {"TERM=dumb"}} {
		all := lessons.All()
		i, _ := lessons.Find(all, "chain-output")
		chain := fmt.Sprintf("Lesson %d of %d: %s.", i+1, len(all), all[i].Title)
		out, errs, err := nnmath(t, fmt.Sprintf("\nset w9 0.5\n%d\n\n\nquit\n", i+1), env)
		if err != nil {
			t.Fatalf("nnmath: %v\n%s", err, errs)
		}
		for _, w := range []string{fmt.Sprintf("Lesson 1 of %d: Overview.", len(all)), "Step 1 of 3: Input layer.", "w9 is now 0.5.",
			chain, "Step 2 of ", "Goodbye."} {
			if !strings.Contains(out, w) {
				t.Errorf("no %q in:\n%s", w, out)
			}
		}
		if strings.Contains(out, "\x1b") || strings.Contains(out, "> ") {
			t.Errorf("escape sequences or prompts in output for a script:\n%q", out)
		}
	}
}
