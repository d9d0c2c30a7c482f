package mathcore

import (
	"strings"
	"testing"
)

// sized returns a network of the given sizes with all weights 0.01.
func sized(sizes ...int) *Network {
	n := &Network{Sizes: sizes, Loss: HalfSSE, LearningRate: 0.1}
	for l := range len(sizes) - 1 {
		n.Activations = append(n.Activations, Sigmoid)
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = 0.01
			}
		}
		n.Weights = append(n.Weights, m)
	}
	n.Inputs = make([]float64, sizes[0])
	n.Targets = make([]float64, sizes[len(sizes)-1])
	return n
}

// TestLayerLimits checks that the input layer takes up to 784 nodes (a
// 28x28 image) and every other layer up to 512, and that a file of such a
// network reads back.
func TestLayerLimits(t *testing.T) {
	ok := [][]int{{784, 30, 1}, {784, 512, 10}, {512, 512, 512}}
	for _, s := range ok {
		if err := sized(s...).Validate(); err != nil {
			t.Errorf("%v: %v", s, err)
		}
	}
	bad := map[string][]int{
		"layers[0] is 785: the input layer needs 1 to 784 nodes": {785, 2, 1},
		"layers[1] is 784: a layer needs 1 to 512 nodes":         {784, 784, 1},
		"layers[2] is 513: a layer needs 1 to 512 nodes":         {4, 2, 513},
	}
	for want, s := range bad {
		if err := sized(s...).Validate(); err == nil || err.Error() != want {
			t.Errorf("%v: %v, want %q", s, err, want)
		}
	}
	data, err := MarshalNetwork(sized(784, 30, 10))
	if err != nil {
		t.Fatal(err)
	}
	n, err := ParseNetwork(data)
	if err != nil || n.Sizes[0] != 784 {
		t.Fatalf("a 784-30-10 file reads back as %v, %v", n, err)
	}
	if !strings.Contains(FileTooLarge().Error(), "784 inputs") {
		t.Errorf("FileTooLarge does not name the largest network: %v", FileTooLarge())
	}
}
