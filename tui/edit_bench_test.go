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
		b.Run(itoaBench(size.w)+"x"+itoaBench(size.h), func(b *testing.B) {
			var m tea.Model = New(mathcore.Paper())
			m, _ = m.Update(tea.WindowSizeMsg{Width: size.w, Height: size.h})
			if i, ok := lessons.Find(lessons.All(), "update"); ok {
				for k := 0; k < i; k++ {
					m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
				}
			}
			m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
			up := tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModCtrl}
			down := tea.KeyPressMsg{Code: tea.KeyDown, Mod: tea.ModCtrl}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				key := up
				if i%2 == 1 {
					key = down
				}
				i++
				m, _ = m.Update(key)
				_ = m.View()
			}
		})
	}
}

func itoaBench(n int) string {
	if n >= 10 {
		return itoaBench(n/10) + string(rune('0'+n%10))
	}
	return string(rune('0' + n))
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
