package tui

import (
	"github.com/charmbracelet/x/ansi"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// TestKeysOfALessonThatDoesNotApply opens the image lesson on a network
// without four inputs: its pixel keys are off, in the help bar and in fact.
func TestKeysOfALessonThatDoesNotApply(t *testing.T) {
	m := openShape(t, "2-2-2", 80, 24)
	m = goLesson(t, m, lessonIndex(t, "image"))
	if strings.Contains(m.helpView(), "pixel") || m.lesson.keys.PixelNext.Enabled() {
		t.Errorf("the image lesson's keys are live on a 2-input network: %s", m.helpView())
	}
	before := m.session.Net.Clone()
	m = keys(t, m, "]", "+", "+", "-")
	if !reflect.DeepEqual(before, m.session.Net) {
		t.Error("the image lesson's keys changed the inputs of a network it does not apply to")
	}
}

func TestUndoOnlyAfterAnUpdate(t *testing.T) {
	m := at(t, "update", 80, 24)
	if m.lesson.keys.Undo.Enabled() || strings.Contains(m.helpView(), "undo") {
		t.Error("U undo is offered before any update")
	}
	m = keys(t, m, "u")
	if !m.lesson.keys.Undo.Enabled() {
		t.Error("U undo is off after an update")
	}
	m = keys(t, m, "U")
	if m.lesson.keys.Undo.Enabled() {
		t.Error("U undo is still on once every update is undone")
	}
}

// TestChainKeepsEveryStepShown switches weight with every step shown: the
// new chain is shown whole too, whatever its number of steps.
func TestChainKeepsEveryStepShown(t *testing.T) {
	m := at(t, "chain-hidden", 80, 24)
	m = revealAll(t, m)
	for _, k := range []string{"[", "]", "]", "["} {
		m = keys(t, m, k)
		if m.lesson.pos.revealed[m.lesson.pos.lesson] != m.lesson.body.steps {
			t.Errorf("after %s: %d of %d steps shown", k, m.lesson.pos.revealed[m.lesson.pos.lesson], m.lesson.body.steps)
		}
	}
}

func TestNoWeightToChooseOnOneWeight(t *testing.T) {
	m := openShape(t, "1-1", 80, 24)
	m = goLesson(t, m, lessonIndex(t, "chain-hidden"))
	if m.lesson.keys.ParamNext.Enabled() || strings.Contains(m.helpView(), "other weight") {
		t.Errorf("[/] other weight is offered on a network with one weight: %s", m.helpView())
	}
}

func TestPanelPagesTheLesson(t *testing.T) {
	m := at(t, "descent", 80, 24)
	m = keys(t, m, "tab")
	top := m.lesson.viewport.YOffset()
	m = keys(t, m, "pgdown")
	if m.focus != focusPanel || m.lesson.viewport.YOffset() <= top {
		t.Errorf("pgdn in the panel: focus %v, offset %d -> %d", m.focus, top, m.lesson.viewport.YOffset())
	}
}

func TestNoBackOnTheFirstLessonQuizAfterTheLast(t *testing.T) {
	m := newModel(t, 80, 24)
	if m.lesson.keys.Prev.Enabled() || strings.Contains(m.helpView(), "back") {
		t.Errorf("the first lesson offers ← back: %s", m.helpView())
	}
	m = goLesson(t, m, len(m.lesson.deck)-1)
	if h := ansi.Strip(m.helpView()); strings.Contains(h, "next") || !strings.Contains(h, "quiz") {
		t.Errorf("the last lesson offers → next, not the quiz: %s", h)
	}
}

// TestDotKeysFollowTheDie: the die's dot keys are in the order of
// mathcore.DieDotNames, which is how a key finds its dot.
func TestDotKeysFollowTheDie(t *testing.T) {
	got := strings.Join(DefaultLessonKeyMap().Dot.Keys(), "")
	if got != mathcore.DieDotNames {
		t.Errorf("dot keys %q, want the dots %q in order", got, mathcore.DieDotNames)
	}
}

// TestNoKeyDoesTwoThings: on every lesson, no key is bound both to one of
// the lesson's actions and to another binding live on the lesson screen.
func TestNoKeyDoesTwoThings(t *testing.T) {
	for _, l := range lessons.All() {
		k := DefaultLessonKeyMap()
		k.forLesson(l)
		g := DefaultGlobalKeyMap()
		live := []key.Binding{k.Next, k.Prev, k.Reveal, k.Hide, k.Jump, k.Fewer, k.More, k.Up, k.Down, k.PageUp, k.PageDown,
			k.Reset, g.Quit, g.Help, g.Menu, g.Panel, g.Save, g.Export}
		owner := map[string]string{}
		for _, b := range live {
			for _, s := range b.Keys() {
				owner[s] = b.Help().Desc
			}
		}
		for _, a := range l.Actions {
			b := k.action(a)
			if b == nil {
				t.Errorf("%s: action %d has no key", l.ID, a)
				continue
			}
			for _, s := range b.Keys() {
				if o, ok := owner[s]; ok {
					t.Errorf("%s: key %q is both an action of the lesson and %q", l.ID, s, o)
				}
			}
		}
	}
}
