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
