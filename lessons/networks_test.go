package lessons

import (
	"strconv"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// forwardNetworks returns the networks every forward lesson is tested on: the
// paper's, a 2-2-2 with biases, a 3-4-4-2 with tanh and relu, and a 64-16-1.
func forwardNetworks(t testing.TB) map[string]*mathcore.Network {
	t.Helper()
	jsons := map[string]string{
		"2-2-2": `{"layers":[2,2,2],"activation":["tanh","sigmoid"],"loss":"mse",
			"weights":[[[0.15,0.2],[0.25,0.3]],[[0.4,0.45],[0.5,0.55]]],
			"biases":[[0.35,0.35],[0.6,0.6]],"inputs":[0.05,0.1],"targets":[0.01,0.99]}`,
		"3-4-4-2": `{"layers":[3,4,4,2],"activation":["tanh","relu","linear"],
			"weights":[` + madeUpMatrix(4, 3, 1) + `,` + madeUpMatrix(4, 4, 2) + `,` + madeUpMatrix(2, 4, 3) + `],
			"inputs":[1,-0.5,0.25],"targets":[0.5,-1]}`,
		"64-16-1": `{"layers":[64,16,1],"weights":[` + madeUpMatrix(16, 64, 4) + `,` + madeUpMatrix(1, 16, 5) + `],
			"inputs":` + madeUpVector(64, 6) + `,"targets":[1]}`,
	}
	nets := map[string]*mathcore.Network{"paper": mathcore.Paper()}
	for name, js := range jsons {
		n, err := mathcore.ParseNetwork([]byte(js))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nets[name] = n
	}
	return nets
}

// madeUpVector returns n made-up values in [-1, 1] as a JSON array.
func madeUpVector(n, seed int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		v := float64((i*37+seed*101)%200-100) / 100
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	b.WriteByte(']')
	return b.String()
}

// madeUpMatrix returns a rows x cols JSON matrix of made-up values.
func madeUpMatrix(rows, cols, seed int) string {
	var b strings.Builder
	b.WriteByte('[')
	for j := 0; j < rows; j++ {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(madeUpVector(cols, seed*13+j))
	}
	b.WriteByte(']')
	return b.String()
}

// learningNets are, besides the paper's, the 2-2-2 and the 64-16-1, the
// networks every lesson of how the network learns (7 to 14) must build for.
var learningNets = map[string]string{
	"3-4-4-2 tanh relu": `{"layers":[3,4,4,2],"activation":["tanh","relu","sigmoid"],
		"weights":[[[0.1,-0.2,0.3],[0.4,0.5,-0.6],[-0.7,0.8,0.9],[0.15,0.25,-0.35]],
		[[0.2,0.1,-0.1,0.3],[-0.2,0.4,0.5,0.1],[0.3,-0.3,0.2,0.6],[0.1,0.2,0.3,0.4]],
		[[0.5,-0.4,0.3,0.2],[-0.1,0.2,0.6,-0.5]]],
		"inputs":[1,0.5,-0.5],"targets":[1,0],"loss":"mse"}`,
	"1-1": `{"layers":[1,1],"weights":[[[2]]],"inputs":[1],"targets":[0]}`,
}

// network returns the named test network, or the paper's for "paper".
func network(t testing.TB, name string) *mathcore.Network {
	t.Helper()
	switch name {
	case "paper":
		return mathcore.Paper()
	case "2-2-2 biases":
		return testnet.TwoTwoTwo()
	case "64-16-1":
		return varied64_16_1()
	}
	n, err := mathcore.ParseNetwork([]byte(learningNets[name]))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

// varied64_16_1 returns a 64-16-1 network with small varied weights.
func varied64_16_1() *mathcore.Network {
	n := &mathcore.Network{
		Sizes:        []int{64, 16, 1},
		Activations:  []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid},
		Loss:         mathcore.HalfSSE,
		Inputs:       make([]float64, 64),
		Targets:      []float64{1},
		LearningRate: 0.1,
	}
	k := 0
	next := func() float64 { k++; return float64(k%17-8) / 40 }
	n.Weights = [][][]float64{make([][]float64, 16), {make([]float64, 16)}}
	for j := range n.Weights[0] {
		n.Weights[0][j] = make([]float64, 64)
		for i := range n.Weights[0][j] {
			n.Weights[0][j][i] = next()
		}
	}
	for i := range n.Weights[1][0] {
		n.Weights[1][0][i] = next()
	}
	for i := range n.Inputs {
		n.Inputs[i] = float64(i%5) / 4
	}
	return n
}

var learningNetNames = []string{"paper", "2-2-2 biases", "3-4-4-2 tanh relu", "64-16-1", "1-1"}

// variedNet returns a network with every weight layer of the given sizes
// filled with small varied weights and the given activation(s).
func variedNet(t *testing.T, sizes []int, loss mathcore.Loss, acts ...mathcore.Activation) *mathcore.Network {
	t.Helper()
	n := &mathcore.Network{Sizes: sizes, Loss: loss, LearningRate: 0.1}
	for l := 0; l+1 < len(sizes); l++ {
		a := acts[min(l, len(acts)-1)]
		n.Activations = append(n.Activations, a)
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = float64((3*i+5*j+7*l)%11-4) / 10
			}
		}
		n.Weights = append(n.Weights, m)
	}
	for i := 0; i < sizes[0]; i++ {
		n.Inputs = append(n.Inputs, float64(i%3+1)/4)
	}
	for k := 0; k < sizes[len(sizes)-1]; k++ {
		n.Targets = append(n.Targets, float64(k%2))
	}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	return n
}
