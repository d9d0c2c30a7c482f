package plain

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"

	"nnmath/judge"
	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
)

// say sends each line to d and returns everything written, failing on an
// escape sequence.
func say(t *testing.T, d Dialog, lines ...string) (string, bool) {
	t.Helper()
	var b strings.Builder
	done := false
	for _, l := range lines {
		out, end := d.Line(l)
		b.WriteString(out)
		done = end
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Errorf("an escape sequence in plain text:\n%q", b.String())
	}
	return b.String(), done
}

func wantIn(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in:\n%s", w, out)
		}
	}
}

// lessonNumber returns the number of the lesson with the given ID, as the
// learner types it.
func lessonNumber(t *testing.T, id string) string {
	t.Helper()
	i, ok := lessons.Find(lessons.All(), id)
	if !ok {
		t.Fatalf("no lesson %q", id)
	}
	return strconv.Itoa(i + 1)
}

// lessonLine is the line that opens the lesson with the given ID.
func lessonLine(t *testing.T, id string) string {
	t.Helper()
	all := lessons.All()
	i, _ := lessons.Find(all, id)
	return "Lesson " + lessonNumber(t, id) + " of " + strconv.Itoa(len(all)) + ": " + all[i].Title + "."
}

func TestTutorMovesAndEdits(t *testing.T) {
	tu := NewTutor(mathcore.Paper(), TutorOptions{})
	wantIn(t, tu.Start(), lessonLine(t, "overview"), "3 steps: press enter for each.", "type help")
	out, _ := say(t, tu, "")
	first := lessons.All()[0].Build(lessons.NewSession(mathcore.Paper()), Width).Steps[0]
	wantIn(t, out, "Step 1 of 3: Input layer.", equation(first), "[i1, i2, i3, i4] = [0.5000, 0.5600, 0.3000, ")
	out, _ = say(t, tu, "back")
	wantIn(t, out, lessonLine(t, "overview"))
	out, _ = say(t, tu, lessonNumber(t, "sigmoid"), "")
	wantIn(t, out, lessonLine(t, "sigmoid"), "Step 1 of 9: out_h1.", "= 0.5929")
	out, _ = say(t, tu, "set w1 0.9")
	wantIn(t, out, "w1 is now 0.9.", "Step 1 of 9: out_h1.", "0.6260 (up)", "0.6516 (up)")
	out, _ = say(t, tu, "set w1 lots", "set w99 1", "set", "set eta 0", "frobnicate", "99")
	wantIn(t, out, "w1 is unchanged", "There is no value named \"w99\"", "such as: set w1 0.5",
		"η is unchanged: the learning rate must be above 0", `"frobnicate" is not a command here`,
		"There is no lesson 99: the lessons are 1 to "+strconv.Itoa(len(lessons.All()))+".")
	out, _ = say(t, tu, "values", "menu", "help")
	wantIn(t, out, "w1 (i1 to h1) = 0.9", "Learning rate: η = 0.1", "5. Sigmoid:", "(you are here)", "set NAME VALUE")
	out, done := say(t, tu, "quit")
	wantIn(t, out, "Goodbye.")
	if !done {
		t.Error("quit did not end the tutor")
	}
}

func TestTutorReachesEveryLesson(t *testing.T) {
	tu := NewTutor(mathcore.Paper(), TutorOptions{})
	tu.Start()
	var lines []string
	for range 200 {
		lines = append(lines, "")
	}
	out, done := say(t, tu, lines...)
	if done {
		t.Fatal("enter ended the tutor")
	}
	all := lessons.All()
	wantIn(t, out, lessonLine(t, all[len(all)-1].ID), "That was the last step of the last lesson.")
	out, _ = say(t, tu, "update", "apply", "undo", lessonNumber(t, "training"), "train", "slips", "slip", "open")
	wantIn(t, out, "Steps applied so far: 1", "Steps applied so far: 0", lessonLine(t, "training"), "Done after",
		lessonLine(t, "loss")) // the second slip happens on the loss lesson
}

func TestQuizIsGradedLikeCheck(t *testing.T) {
	qs, err := quiz.Generate(3, nil, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	s := quiz.NewSession(qs, 3, nil)
	var saved []quiz.Record
	q := NewQuiz(s, func(r quiz.Record) error { saved = append(saved, r); return nil })
	wantIn(t, q.Start(), "Question 1 of 2", "Inputs: i1 = ", "Weights: w1 (i1 to h1) = ")
	first := qs[0]
	p := first.Parts[0]
	var want strings.Builder
	WriteCheck(&want, first.Judge, first.Judge.Check(p, 0.5))
	out, _ := say(t, q, "0.5")
	wantIn(t, out, want.String())
	out, _ = say(t, q, "not a number", "hint")
	wantIn(t, out, `"not a number" is not a number. Type the value of`, "Hint: ")
	for !s.Answered() {
		part := s.Part()
		v := first.Judge.Exact(part)
		out, _ = say(t, q, strings.TrimSpace(judgeText(v)))
		wantIn(t, out, part.Name+" = ", ": "+judge.Correct.String())
		if s.Index() > 0 {
			break
		}
	}
	wantIn(t, out, "Question 1: ", "Question 2 of 2")
	if len(saved) != 1 {
		t.Errorf("%d records saved, want 1", len(saved))
	}
	out, done := say(t, q, "quit")
	wantIn(t, out, "Quiz over.")
	if got := q.Score(); got != "Score: 0 of 1 correct." {
		t.Errorf("Score() = %q", got)
	}
	if !done {
		t.Error("quit did not end the quiz")
	}
}

func judgeText(v float64) string { return strings.TrimSpace(strings.Replace(formatSig(v), "+", "", 1)) }

func TestRunReadsLinesUntilTheInputEnds(t *testing.T) {
	in := strings.NewReader("\r\n" + strings.Repeat("x", 3*MaxLine) + "\nquit\n")
	var out strings.Builder
	end, err := Run(context.Background(), in, &out, NewTutor(mathcore.Paper(), TutorOptions{}), RunOptions{Prompt: "> "})
	if err != nil || end != EndQuit {
		t.Fatalf("Run = %q, %v; want quit", end, err)
	}
	wantIn(t, out.String(), "> Step 1 of 3", "That line is too long", "Goodbye.")
	end, _ = Run(context.Background(), strings.NewReader("\n"), &out, NewTutor(mathcore.Paper(), TutorOptions{}), RunOptions{})
	if end != EndInput {
		t.Errorf("Run at the end of the input = %q, want %q", end, EndInput)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, w := ioPipe()
	defer w.Close()
	if end, _ := Run(ctx, r, &out, NewTutor(mathcore.Paper(), TutorOptions{}), RunOptions{}); end != EndStop {
		t.Errorf("Run with a done context = %q, want %q", end, EndStop)
	}
}

func formatSig(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

func ioPipe() (*io.PipeReader, *io.PipeWriter) { return io.Pipe() }

func TestFitBreaksLongLinesAtSpaces(t *testing.T) {
	got := fit("short\n"+strings.Repeat("word ", 10)+"\n"+strings.Repeat("x", 30), 12)
	for _, l := range strings.Split(got, "\n") {
		if len(l) > 12 && strings.Contains(l, " ") {
			t.Errorf("line %q is longer than 12", l)
		}
	}
	if !strings.HasPrefix(got, "short\nword word\n") || !strings.HasSuffix(got, strings.Repeat("x", 30)) {
		t.Errorf("fit = %q", got)
	}
}

// Every action a lesson offers has a command in plain text (or is one
// plain text has no use for), so that nothing a lesson lets the learner do
// is missing from the plain tutor; a "back" command undoes its pair.
func TestEveryLessonActionHasACommand(t *testing.T) {
	for _, l := range lessons.All() {
		seen := map[string]bool{}
		for _, a := range l.Actions {
			w, ok := actionWords[a]
			if !ok && !noCommand[a] {
				t.Errorf("lesson %s: action %d has no plain command: add it to actionWords", l.ID, a)
			}
			if ok && seen[w] {
				t.Errorf("lesson %s: two actions are %q", l.ID, w)
			}
			seen[w] = true
			if _, back, ok := strings.Cut(w, " "); ok && back == "back" && !hasBack(a) {
				t.Errorf("lesson %s: %q is the back of no pair in backOf", l.ID, w)
			}
		}
	}
}

// hasBack reports whether a is the back action of a pair.
func hasBack(a lessons.Action) bool {
	for _, back := range backOf {
		if back == a {
			return true
		}
	}
	return false
}
