package mathcore

import "testing"

func BenchmarkPaperStep(b *testing.B) {
	n := Paper()
	tr := NewTrace(n)
	b.ReportAllocs()
	for b.Loop() {
		Step(n, tr)
	}
}

func BenchmarkStep64x16x1(b *testing.B) {
	n := randomNetwork(newRand(1), []int{64, 16, 1}, []Activation{Sigmoid, Sigmoid}, HalfSSE, true)
	tr := NewTrace(n)
	b.ReportAllocs()
	for b.Loop() {
		Step(n, tr)
	}
}
