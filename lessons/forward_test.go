package lessons

import (
	"strconv"
	"strings"
	"testing"

	"nnmath/mathcore"
)

func TestForwardLessonsBuild(t *testing.T) {
	ids := []string{"overview", "die", "image", "dot", "sigmoid", "loss"}
	ls := All()[:6]
	if len(ls) != len(ids) {
		t.Fatalf("%d forward lessons, want %d", len(ls), len(ids))
	}
	for i, l := range ls {
		if l.ID != ids[i] || l.Title == "" || l.Summary == "" || l.Build == nil {
			t.Errorf("lesson %d: %+v", i, l)
		}
	}
	for name, n := range forwardNetworks(t) {
		s := NewSession(n)
		for _, digits := range []int{1, 4, 10} {
			s.Digits = digits
			for _, l := range ls {
				for _, w := range []int{60, 80, 120, 200} {
					p := l.Build(s, w)
					what := name + "/" + l.ID + "/" + strconv.Itoa(w)
					checkPage(t, what, p, w)
					if p.Skip == "" && len(p.Steps) == 0 {
						t.Errorf("%s: no steps", what)
					}
				}
			}
		}
	}
}

func TestForwardLessonsAfterEdit(t *testing.T) {
	// Marks (▲ ▼) widen values; lines must still fit.
	for name, n := range forwardNetworks(t) {
		s := NewSession(n)
		s.Change(func(m *mathcore.Network) { m.Weights[0][0][0] += 0.5 })
		for _, l := range All()[:6] {
			for _, w := range []int{60, 80, 200} {
				checkPage(t, name+"/"+l.ID, l.Build(s, w), w)
			}
		}
	}
}

func TestDotFirstStepResult(t *testing.T) {
	for name, n := range forwardNetworks(t) {
		s := NewSession(n)
		p := lessonByID(t, IDDot).Build(s, 80)
		if got, want := p.Steps[0].Result, s.F(s.Trace.Net[1][0]); got != want {
			t.Errorf("%s: first result %q, want %q", name, got, want)
		}
	}
	s := NewSession(mathcore.Paper())
	st := lessonByID(t, IDDot).Build(s, 80).Steps[0]
	if st.Formula != "net_h1 = w1·i1 + w3·i2 + w5·i3 + w7·i4" {
		t.Errorf("formula %q", st.Formula)
	}
	if st.Numbers != "0.4000·0.5000 + 0.1000·0.5600 + 0.4000·0.3000 + 0.2000·0" {
		t.Errorf("numbers %q", st.Numbers)
	}
}

func TestDieLessonFaces(t *testing.T) {
	s := NewSession(mathcore.Paper())
	result := func() string {
		p := lessonByID(t, IDDie).Build(s, 80)
		return p.Steps[len(p.Steps)-1].Result
	}
	if got := result(); got != "a three" {
		t.Errorf("start: %q", got)
	}
	p := lessonByID(t, IDDie).Build(s, 80)
	if got := p.Steps[1].Result; got != "[1, 0, 0, 1, 0, 0, 1]" {
		t.Errorf("vector %q", got)
	}
	s.ToggleDot(3) // clear d: a, g is a two
	if got := result(); got != "a two" {
		t.Errorf("after toggling d: %q", got)
	}
	s.ToggleDot(2) // add c: no face
	if got := result(); !strings.Contains(got, "no face") {
		t.Errorf("after toggling c: %q", got)
	}
	s.SetFace(6)
	if got := result(); got != "a six" {
		t.Errorf("face 6: %q", got)
	}
	fig := strings.Join(lessonByID(t, IDDie).Build(s, 60).Intro[1].Lines, "\n")
	if strings.Count(fig, "●") != 6 || strings.Count(fig, "·") != 1 {
		t.Errorf("six drawn wrong:\n%s", fig)
	}
}

func TestImageLessonSkip(t *testing.T) {
	for name, n := range forwardNetworks(t) {
		p := lessonByID(t, IDImage).Build(NewSession(n), 80)
		if (p.Skip != "") != (n.Sizes[0] != 4) {
			t.Errorf("%s: skip %q with %d inputs", name, p.Skip, n.Sizes[0])
		}
	}
	s := NewSession(mathcore.Paper())
	p := lessonByID(t, IDImage).Build(s, 80)
	if got := p.Steps[1].Result; got != "["+s.F(0.5)+", "+s.F(0.56)+", "+s.F(0.3)+", "+s.F(0)+"]" {
		t.Errorf("vector %q", got)
	}
}

func TestSigmoidPaperNotes(t *testing.T) {
	s := NewSession(mathcore.Paper())
	p := lessonByID(t, IDSigmoid).Build(s, 80)
	if !strings.Contains(p.Steps[0].Note, "0.407") || !strings.Contains(p.Steps[1].Note, "0.455") {
		t.Errorf("slip notes missing: %q / %q", p.Steps[0].Note, p.Steps[1].Note)
	}
	if p.Steps[2].Note != "" {
		t.Errorf("out needs no sign note: %q", p.Steps[2].Note)
	}
	// Other values: the notes that quote the paper's numbers go; the slip in
	// the derivation of σ' (step 8) does not depend on them and stays.
	s.Change(func(n *mathcore.Network) { n.Weights[0][0][0] = 0.5 })
	for i, st := range lessonByID(t, IDSigmoid).Build(s, 80).Steps {
		switch {
		case i == 7 && !strings.Contains(st.Note, "e^x / (1 + e^x)"):
			t.Errorf("edited network lost the derivation note: %q", st.Note)
		case i != 7 && st.Note != "":
			t.Errorf("edited network shows the paper's note at step %d: %q", i+1, st.Note)
		}
	}
	// Another shape: no notes at all.
	s = NewSession(forwardNetworks(t)["2-2-2"])
	for _, st := range lessonByID(t, IDSigmoid).Build(s, 80).Steps {
		if st.Note != "" {
			t.Errorf("2-2-2 shows the paper's note: %q", st.Note)
		}
	}
}
