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
			benchAlternate(b, goLesson(b, newModel(b, 120, 40), i), space, back)
		})
	}
}

// benchAlternate measures Update and View of m for one key press,
// alternating the keys a and z.
func benchAlternate(b *testing.B, m Model, a, z tea.KeyPressMsg) {
	var tm tea.Model = m
	k := 0
	b.ReportAllocs()
	for b.Loop() {
		msg := a
		if k%2 == 1 {
			msg = z
		}
		k++
		tm, _ = tm.Update(msg)
		_ = tm.View()
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
