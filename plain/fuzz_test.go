package plain

import (
	"math"
	"strings"
	"testing"

	"nnmath/mathcore"
	"nnmath/quiz"
)

// FuzzTutorLine: whatever a learner types, the tutor answers in plain
// text (no escape sequence, no NaN or Inf) and never crashes; after a
// line of commands the session's network is still finite.
func FuzzTutorLine(f *testing.F) {
	for _, s := range []string{"", "next", "back", "menu", "12", "set w1 0.5", "set eta 1e9", "set y -1e400",
		"set i1 NaN", "dot c", "weight back", "open", "train", "apply", "quiz", "\x1b[2J", "set w1 0,5", "5 6"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, first, second string) {
		tu := NewTutor(mathcore.Paper(), TutorOptions{Quiz: func() (*quiz.Session, error) {
			qs, err := quiz.Generate(1, nil, nil, 1)
			return quiz.NewSession(qs, 1, nil), err
		}})
		out := tu.Start()
		for _, l := range []string{first, "13", first, second, "11", second} {
			o, _ := tu.Line(l)
			out += o
		}
		if strings.ContainsAny(out, "\x1b\u009b\r") {
			t.Fatalf("a control character in the answer to %q, %q", first, second)
		}
		for _, bad := range []string{"NaN", "Inf"} { // unless the learner typed it, and it is quoted back
			if strings.Contains(out, bad) && !strings.Contains(first+second, bad) {
				t.Fatalf("%q in the answer to %q, %q", bad, first, second)
			}
		}
		for _, fl := range []float64{tu.s.Net.LearningRate, tu.s.Trace.Loss} {
			if math.IsNaN(fl) || math.IsInf(fl, 0) {
				t.Fatalf("the network is not finite after %q, %q", first, second)
			}
		}
	})
}
