package tui

import (
	"io"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// BenchmarkView measures View of each lesson at 120x40 with every step
// revealed. Issue 3 asks for at most 1 ms/op.
func BenchmarkView(b *testing.B) {
	for i, l := range lessons.All() {
		b.Run(l.ID, func(b *testing.B) {
			m := newModel(b, 120, 40)
			m = goLesson(b, m, i)
			m = revealAll(b, m)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeystroke measures Update and View for one key press on each
// lesson at 120x40, alternating a key that reveals a step and one that hides
// it (so every press rebuilds the lesson). Issue 3 asks for at most 1 ms/op.
func BenchmarkKeystroke(b *testing.B) {
	space := press(b, "space")
	back := press(b, "backspace")
	for i, l := range lessons.All() {
		b.Run(l.ID, func(b *testing.B) {
			var m tea.Model = newModel(b, 120, 40)
			mm := m.(Model)
			mm = goLesson(b, mm, i)
			m = mm
			k := 0
			b.ReportAllocs()
			for b.Loop() {
				msg := space
				if k%2 == 1 {
					msg = back
				}
				k++
				m, _ = m.Update(msg)
				_ = m.View()
			}
		})
	}
}

// BenchmarkPrintAll measures `nnmath print` of every lesson at 80 columns,
// without the process start.
func BenchmarkPrintAll(b *testing.B) {
	n := mathcore.Paper()
	b.ReportAllocs()
	for b.Loop() {
		if err := Print(io.Discard, n, nil, 80, PlainStyles()); err != nil {
			b.Fatal(err)
		}
	}
}
