package judge

import (
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// BenchmarkCheck512 measures one check of one gradient on a 512-512-4
// network, building the judge as nnmath check does.
func BenchmarkCheck512(b *testing.B) {
	n := testnet.Random(1, testnet.Spec{Sizes: []int{512, 512, 4}, Loss: mathcore.HalfSSE, Biases: true})
	b.ReportAllocs()
	for b.Loop() {
		j, err := New(n)
		if err != nil {
			b.Fatal(err)
		}
		q, _ := j.Lookup("dJ/dw1")
		res := j.Check(q, 0.1)
		if res.Verdict != Incorrect {
			b.Fatal(res.Verdict)
		}
		j.Chain(q, 0.1, nil)
	}
}

// BenchmarkCheckPaper measures one check of a wrong hidden gradient on the
// paper's network, as the quiz does for each answer.
func BenchmarkCheckPaper(b *testing.B) {
	j := mustJudge(b, mathcore.Paper())
	q := mustLookup(b, j, "dJ/dw1")
	b.ReportAllocs()
	for b.Loop() {
		if res := j.Check(q, 0.123); res.Verdict != Incorrect {
			b.Fatal(res.Verdict)
		}
	}
}
