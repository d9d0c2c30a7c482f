package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// BenchmarkEdit measures one edit keystroke in the parameter panel: the
// nudge recomputes every value, rebuilds the lesson and renders the screen.
func BenchmarkEdit(b *testing.B) {
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		b.Run(sizeName(size.w, size.h), func(b *testing.B) {
			m := keys(b, at(b, lessons.IDUpdate, size.w, size.h), "tab")
			benchAlternate(b, m, press(b, "ctrl+up"), press(b, "ctrl+down"))
		})
	}
}

// TestEditNudgeChangesValue checks what BenchmarkEdit measures: ctrl+up in
// the panel raises the focused field by 0.01 at once.
func TestEditNudgeChangesValue(t *testing.T) {
	var m tea.Model = New(mathcore.Paper())
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModCtrl})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModCtrl | tea.ModShift})
	got := m.(Model).session.Net.Inputs[0]
	if want := 0.5 + 0.01 + 0.1; got < want-1e-12 || got > want+1e-12 {
		t.Errorf("i1 after ctrl+up and ctrl+shift+up = %v, want %v", got, want)
	}
}
