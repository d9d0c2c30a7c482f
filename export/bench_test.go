package export

import (
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// BenchmarkRenderWide renders the worked solution of a 512-512-4 network,
// the widest two-layer network a file may hold.
func BenchmarkRenderWide(b *testing.B) {
	n := testnet.Random(1, testnet.Spec{Sizes: []int{512, 512, 4}, Biases: true, Activations: []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid}})
	for _, format := range []Format{Markdown, LaTeX} {
		b.Run(format.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(n, Options{Format: format, Digits: DefaultDigits}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
