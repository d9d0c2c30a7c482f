package tui

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// AtLesson returns the tutor on network n, read from the file at path (""
// for the paper's network), opened at the lesson with ID id, or an error
// naming an unknown ID.
func AtLesson(n *mathcore.Network, path, id string) (Model, error) {
	if _, ok := lessons.Find(lessons.All(), id); !ok {
		return Model{}, fmt.Errorf("tui: no lesson %q", id)
	}
	next, _ := New(n).WithPath(path).Update(OpenLessonMsg{ID: id})
	return next.(Model), nil
}

// RunLesson opens the tutor as Run does, at the lesson with ID id, and
// returns when the learner quits. nnmath quiz uses it when the learner
// asks, on the summary, to open a lesson to revisit.
func RunLesson(n *mathcore.Network, path, id string) error {
	m, err := AtLesson(n, path, id)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m.WithColorFGBG(os.Getenv("COLORFGBG"))).Run()
	return err
}
