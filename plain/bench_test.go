package plain

import (
	"testing"

	"nnmath/mathcore"
)

// BenchmarkTutorLine measures one line of the plain tutor: the next step
// of a chain-rule lesson, and an edit that lays its page out again.
func BenchmarkTutorLine(b *testing.B) {
	tu := NewTutor(mathcore.Paper(), TutorOptions{})
	tu.Start()
	tu.Line("chain-hidden")
	b.Run("next", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tu.Line("again")
		}
	})
	b.Run("set", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tu.Line("set w1 0.5")
		}
	})
}
