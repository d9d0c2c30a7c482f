package lessons

import (
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// tutorKeys names the keys as the tutor binds them, so that hints read as
// they do on its screen.
func tutorKeys(a Action) string {
	return map[Action]string{
		ToggleTraining: "space", TrainFaster: "+", TrainSlower: "-",
		ApplyUpdate: "u", UndoUpdate: "U", RestoreStart: "r",
		OpenSlip: "g", PrevSlip: "[", NextSlip: "]",
		PrevPixel: "[", NextPixel: "]", Darken: "+", Lighten: "-",
	}[a]
}

// Hints name the keys the tutor binds, through Session.Key, and read as
// actions in words without a tutor.
func TestHintsNameKeys(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.Keys = tutorKeys
	page := func(id string) string { return testnet.PageText(lessonByID(t, id).Build(s, 100)) }
	want := map[string][]string{
		IDTraining: {"Press space to start. Space pauses and resumes, + and - change the speed."},
		IDUpdate: {"Apply the step to the network (u), take the last one back (U), or return to the starting " +
			"values (r). Every other lesson then shows the new numbers."},
		IDSlips: {"Select one; g opens the lesson where it happens.", "     g: open it in lesson 5, Sigmoid"},
		IDImage: {"▸ i1 is selected: [ ] choose, + - shade"},
	}
	for id, phrases := range want {
		text := page(id)
		for _, p := range phrases {
			if !strings.Contains(text, p) {
				t.Errorf("%s lacks %q:\n%s", id, p, text)
			}
		}
	}
	for _, state := range []string{"running (space pauses)", "paused (space resumes)"} {
		s.ToggleTraining()
		if text := page(IDTraining); !strings.Contains(text, state) {
			t.Errorf("training lacks %q:\n%s", state, text)
		}
	}
	s.TrainToEnd()
	if text := page(IDTraining); !strings.Contains(text, "done (space starts again)") {
		t.Errorf("finished training lacks its state:\n%s", text)
	}
	s.Change(func(n *mathcore.Network) { n.Inputs[0] = 0.25 })
	if text := page(IDSlips); !strings.Contains(text, "with the paper's values; r restores them)") {
		t.Errorf("slips on edited values:\n%s", text)
	}
	s.Keys = nil
	if text := page(IDUpdate); !strings.Contains(text, "(⟨apply update⟩)") {
		t.Errorf("without key names, the update lesson reads:\n%s", text)
	}
}
