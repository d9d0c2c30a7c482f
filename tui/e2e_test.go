package tui

import (
	"image/color"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// These flows run the tutor in a real tea.Program through teatest. They
// assert on the final model and its stripped view, never on the raw byte
// stream, which depends on frame timing (see notes/charm-v2.md, section 5).

func startProgram(t *testing.T) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, New(mathcore.Paper()),
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.NoTTY)))
	// No terminal answers the background query: answer it here.
	tm.Send(tea.BackgroundColorMsg{Color: color.Black})
	return tm
}

func sendKeys(t *testing.T, tm *teatest.TestModel, ks ...string) {
	t.Helper()
	for _, k := range ks {
		tm.Send(press(t, k))
	}
}

func finalModel(t *testing.T, tm *teatest.TestModel) Model {
	t.Helper()
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !ok {
		t.Fatalf("final model is not a tui.Model")
	}
	return fm
}

func TestE2EStepMenuJumpQuit(t *testing.T) {
	n := len(lessons.All())
	if n < 3 {
		t.Skip("needs three lessons")
	}
	tm := startProgram(t)
	sendKeys(t, tm, "space", "space", "backspace", "n", "space", "m", "down", "enter", "q")
	fm := finalModel(t, tm)
	if fm.width != 80 || fm.height != 24 {
		t.Errorf("size %dx%d, want 80x24", fm.width, fm.height)
	}
	if !fm.isDark {
		t.Error("the background answer was not applied")
	}
	if fm.lesson.pos.lesson != 2 || fm.focus != focusLesson {
		t.Errorf("current %d focus %d, want lesson 3 with lesson focus", fm.lesson.pos.lesson, fm.focus)
	}
	// space space backspace from one step revealed.
	wantFirst := max(0, min(3, lessonSteps(t, 0))-1)
	if fm.lesson.pos.revealed[0] != wantFirst {
		t.Errorf("lesson 1 revealed %d, want %d", fm.lesson.pos.revealed[0], wantFirst)
	}
	if want := min(2, lessonSteps(t, 1)); fm.lesson.pos.revealed[1] != want {
		t.Errorf("lesson 2 revealed %d, want %d", fm.lesson.pos.revealed[1], want)
	}
	scr := ansi.Strip(fm.View().Content)
	if !strings.Contains(scr, "3/"+strconv.Itoa(n)+" "+fm.lesson.deck[2].Title) {
		t.Errorf("final screen lacks the header 3/%d %s:\n%s", n, fm.lesson.deck[2].Title, scr)
	}
}

func TestE2EDigitJumpAndCtrlC(t *testing.T) {
	n := len(lessons.All())
	tm := startProgram(t)
	last := min(n, 9)
	sendKeys(t, tm, strconv.Itoa(last), ">", ">", "?", "ctrl+c")
	fm := finalModel(t, tm)
	if fm.lesson.pos.lesson != last-1 {
		t.Errorf("current %d, want %d", fm.lesson.pos.lesson, last-1)
	}
	if fm.session.Digits != lessons.DefaultDigits+2 {
		t.Errorf("digits %d, want %d", fm.session.Digits, lessons.DefaultDigits+2)
	}
	if !fm.help.ShowAll {
		t.Error("full help not shown")
	}
	if !strings.Contains(ansi.Strip(fm.View().Content), "pgup/pgdn page") {
		t.Error("final screen has no help")
	}
}

func TestE2EResizeAndDie(t *testing.T) {
	die := lessonIndex(t, "die")
	tm := startProgram(t)
	tm.Send(tea.WindowSizeMsg{Width: 40, Height: 10})
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	sendKeys(t, tm, "m")
	for range die {
		sendKeys(t, tm, "down")
	}
	sendKeys(t, tm, "enter", "a", "+", "q")
	fm := finalModel(t, tm)
	if fm.lesson.deck[fm.lesson.pos.lesson].ID != "die" {
		t.Fatalf("on lesson %q, want die", fm.lesson.deck[fm.lesson.pos.lesson].ID)
	}
	if f, ok := fm.session.Die.Dots.Face(); !ok || f < 1 || f > 6 {
		t.Errorf("a then +: face %d %v, want a face", f, ok)
	}
	if fm.width != 120 || fm.height != 40 {
		t.Errorf("size %dx%d", fm.width, fm.height)
	}
}

// lessonSteps returns how many steps lesson i has on the paper's network at 80x24.
func lessonSteps(t *testing.T, i int) int {
	m := newModel(t, 80, 24)
	m = goLesson(t, m, i)
	return m.lesson.body.steps
}
