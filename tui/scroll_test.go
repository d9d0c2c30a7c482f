package tui

import (
	"strings"
	"testing"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// The window says when the lesson goes on below or above it, and home and
// end go to the first and the last step.
func TestScrollIndicatorAndHomeEnd(t *testing.T) {
	m := at(t, "overview", 80, 24)
	lines := strings.Split(screen(m), "\n")
	if len(lines) != 24 {
		t.Fatalf("the frame is %d lines, want 24", len(lines))
	}
	if !strings.Contains(screen(m), "↓ more below") {
		t.Errorf("lesson 1 at 80x24 does not say more lies below:\n%s", screen(m))
	}
	m = keys(t, m, "end")
	if m.lesson.pos.shown() != m.lesson.body.steps {
		t.Errorf("end shows %d of %d steps", m.lesson.pos.shown(), m.lesson.body.steps)
	}
	if s := screen(m); !strings.Contains(s, "↑ more above") || strings.Contains(s, "more below") {
		t.Errorf("after end, the window is not at the bottom:\n%s", s)
	}
	m = keys(t, m, "home")
	if m.lesson.pos.shown() != 1 || m.lesson.viewport.YOffset() != 0 {
		t.Errorf("home: %d steps shown, window at line %d", m.lesson.pos.shown(), m.lesson.viewport.YOffset())
	}
	// A lesson that fits has no indicator.
	m = at(t, "overview", 160, 70)
	if s := screen(m); strings.Contains(s, "more below") || strings.Contains(s, "more above") {
		t.Errorf("a lesson that fits shows an indicator:\n%s", s)
	}
}

// At 60 columns the help bar keeps moving through the lesson, ? and q, and
// drops the lesson's own keys first.
func TestHelpBarKeepsNavigation(t *testing.T) {
	m := at(t, "image", 60, 16)
	lines := strings.Split(screen(m), "\n")
	bar := lines[len(lines)-1]
	for _, want := range []string{"next", "back", "? keys", "q quit"} {
		if !strings.Contains(bar, want) {
			t.Errorf("the help bar at 60x16 lacks %q: %q", want, bar)
		}
	}
}

// The gradient-descent lesson prints under 90 lines with every step of its
// run, at every learning rate it offers.
func TestDescentPrintsShort(t *testing.T) {
	for eta := 0; ; eta++ {
		s := lessons.NewSession(mathcore.Paper())
		s.Keys = DefaultLessonKeyMap().names()
		for s.ScaleEta(-1) {
		}
		for range eta {
			s.ScaleEta(1)
		}
		var b strings.Builder
		if err := printSession(&b, s, []int{lessonIndex(t, lessons.IDDescent)}, 80, PlainStyles()); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "\n"); n >= 90 {
			t.Errorf("η = %v: %d lines:\n%s", s.Descent.Eta(), n, b.String())
		}
		if !s.ScaleEta(1) {
			break
		}
	}
}

// The last lesson leads to the quiz: its hint says so, and next starts it.
func TestLastLessonLeadsToTheQuiz(t *testing.T) {
	all := lessons.All()
	m := at(t, all[len(all)-1].ID, 100, 40)
	m = keys(t, m, "end")
	if body := bodyText(m); !strings.Contains(body, "starts the quiz") || strings.Contains(body, "next lesson") {
		t.Errorf("the last lesson does not lead to the quiz:\n%s", body)
	}
	m = keysRun(t, m, m.lesson.keys.Next.Keys()[0]) // → or, where the arrows draw, n
	if m.focus != focusQuiz {
		t.Errorf("next on the last lesson: focus %v, want the quiz", m.focus)
	}
}

// r says what it restored.
func TestRestoreSaysWhat(t *testing.T) {
	m := at(t, "dot", 100, 30)
	m = keysRun(t, m, "r")
	if !strings.Contains(m.status, "Nothing to restore") {
		t.Errorf("r on the start values: status %q", m.status)
	}
	m.session.Change(func(n *mathcore.Network) { n.Inputs[3] = 0.2; n.Weights[0][0][0] = 0.5 })
	m = keysRun(t, m, "r")
	if !strings.Contains(m.status, "Restored the start values of i4 and w1") {
		t.Errorf("r after editing i4 and w1: status %q", m.status)
	}
}

// COLORFGBG names the background as for print: a light one gives the
// light styles, and the terminal is then not asked.
func TestColorFGBG(t *testing.T) {
	m := newModel(t, 80, 24).WithColorFGBG("0;15")
	if m.isDark || m.Init() != nil {
		t.Errorf("COLORFGBG 0;15: dark %v, asks the terminal %v", m.isDark, m.Init() != nil)
	}
	m = newModel(t, 80, 24).WithColorFGBG("15;0")
	if !m.isDark {
		t.Error("COLORFGBG 15;0: light styles")
	}
	m = newModel(t, 80, 24).WithColorFGBG("")
	if m.Init() == nil {
		t.Error("without COLORFGBG the terminal is not asked")
	}
}

// With the panel open under the lesson at 80x24, the result an edit
// changed stays in view.
func TestEditKeepsTheChangedStepInView(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = keys(t, m, "tab")
	m = typeInto(t, m, "i1", "0.9")
	if s := screen(m); !strings.Contains(s, "= 0.5360▲") {
		t.Errorf("after i1 = 0.9 the changed net_h1 is out of view:\n%s", s)
	}
}

// A target the output cannot reach is named as soon as it is entered.
func TestUnreachableTargetSaidInThePanel(t *testing.T) {
	m := at(t, "update", 100, 30)
	m = keys(t, m, "tab")
	m = typeInto(t, m, "y", "1.5")
	if !strings.Contains(m.status, "can never go") {
		t.Errorf("target 1.5 on a sigmoid output: status %q", m.status)
	}
}
