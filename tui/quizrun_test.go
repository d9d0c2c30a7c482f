package tui

import (
	"testing"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// TestAtLesson: the tutor that nnmath quiz opens from its summary starts
// at the chosen lesson.
func TestAtLesson(t *testing.T) {
	for _, id := range []string{"dot", "loss", "chain-hidden", "update"} {
		m, err := AtLesson(mathcore.Paper(), "", id)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := lessons.Find(lessons.All(), id)
		if m.lesson.pos.lesson != want || m.focus != focusLesson {
			t.Errorf("%s: lesson %d focus %d, want lesson %d", id, m.lesson.pos.lesson, m.focus, want)
		}
	}
	if _, err := AtLesson(mathcore.Paper(), "", "no-such-lesson"); err == nil {
		t.Error("an unknown lesson was opened")
	}
}
