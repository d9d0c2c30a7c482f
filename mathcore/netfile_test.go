package mathcore

import (
	"math"
	"strings"
	"testing"
)

const paperJSON = `{"layers": [4, 2, 1],
 "activation": "sigmoid",
 "loss": "half_sse",
 "weights": [[[0.4, 0.1, 0.4, 0.2], [0.2, 0.11, 0.05, 0.44]], [[0.6, 0.4]]],
 "inputs": [0.5, 0.56, 0.3, 0], "targets": [1], "learning_rate": 0.1}`

func TestParseNetworkPaper(t *testing.T) {
	n, err := ParseNetwork([]byte(paperJSON))
	if err != nil {
		t.Fatal(err)
	}
	p := Paper()
	for _, q := range p.Params() {
		if n.Value(q) != p.Value(q) {
			t.Errorf("%s = %v, want %v", p.ParamLabel(q), n.Value(q), p.Value(q))
		}
	}
	if n.HasBiases() || n.Loss != HalfSSE || n.LearningRate != 0.1 {
		t.Errorf("parsed %+v", n)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, n := range []*Network{
		Paper(),
		randomNetwork(newRand(2), []int{2, 2, 2}, []Activation{Tanh, Sigmoid}, MSE, true),
		randomNetwork(newRand(3), []int{3, 4, 4, 2}, []Activation{Tanh, ReLU, Linear}, HalfSSE, false),
	} {
		data, err := MarshalNetwork(n)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseNetwork(data)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		for _, p := range n.Params() {
			if m.Value(p) != n.Value(p) {
				t.Errorf("%s: %v != %v", n.ParamLabel(p), m.Value(p), n.Value(p))
			}
		}
		for l := range n.Activations {
			if m.Activations[l] != n.Activations[l] {
				t.Errorf("activation %d: %v != %v", l, m.Activations[l], n.Activations[l])
			}
		}
		if m.Loss != n.Loss || m.LearningRate != n.LearningRate || m.Name != n.Name || m.Notes != n.Notes {
			t.Errorf("round trip changed %+v into %+v", n, m)
		}
	}
}

func TestParseNetworkDefaults(t *testing.T) {
	n, err := ParseNetwork([]byte(`{"layers":[1,1],"weights":[[[2]]],"biases":[[0.5]],"inputs":[1],"targets":[0]}`))
	if err != nil {
		t.Fatal(err)
	}
	if n.Activations[0] != Sigmoid || n.Loss != HalfSSE || n.LearningRate != DefaultLearningRate || !n.HasBiases() {
		t.Errorf("defaults: %+v", n)
	}
	tr := NewTrace(n)
	tr.Compute(n)
	if math.Abs(tr.Net[1][0]-2.5) > 1e-15 || tr.Sum[1][0] != 2 {
		t.Errorf("net %v sum %v", tr.Net[1][0], tr.Sum[1][0])
	}
}

func TestParseNetworkErrors(t *testing.T) {
	base := `"weights": [[[0.4, 0.1, 0.4, 0.2], [0.2, 0.11, 0.05, 0.44]], [[0.6, 0.4]]], "inputs": [0.5, 0.56, 0.3, 0], "targets": [1]`
	cases := []struct{ json, want string }{
		{``, "empty"},
		{`{`, "ends too early"},
		{`{"layers": [4, 2, 1], ` + base + `, "learning_rat": 0.1}`, `unknown field "learning_rat"`},
		{`{"layers": [4, 2, 1], ` + base + `, "activation": "sigmod"}`, `activation: unknown activation "sigmod"`},
		{`{"layers": [4, 2, 1], ` + base + `, "activation": ["tanh", "sigmod"]}`, `activation[1]: unknown activation "sigmod"`},
		{`{"layers": [4, 2, 1], ` + base + `, "activation": ["tanh"]}`, "activation has 1 names but the network has 2 weight layers"},
		{`{"layers": [4, 2, 1], ` + base + `, "activation": 3}`, "activation must be a name"},
		{`{"layers": [4, 2, 1], ` + base + `, "activation": ["tanh", 3]}`, "activation[1] must be a string"},
		{`{"layers": [4, 2, 1], ` + base + `, "loss": "mae"}`, `loss: unknown loss "mae"`},
		{`{"layers": [4, 3, 1], ` + base + `}`, "weights[0] has 2 rows but layer 1 has 3 nodes"},
		{`{"layers": [4, 2, 2], ` + base + `}`, "weights[1] has 1 rows but layer 2 has 2 nodes"},
		{`{"layers": [5, 2, 1], ` + base + `}`, "weights[0][0] has 4 values but layer 0 has 5 nodes"},
		{`{"layers": [4, 1], ` + base + `}`, "weights has 2 layers but layers needs 1"},
		{`{"layers": [4], ` + base + `}`, "layers must list at least 2 sizes"},
		{`{"layers": [4, 0, 1], ` + base + `}`, "layers[1] is 0"},
		{`{"layers": [4, 2, 1], ` + base + `, "learning_rate": 0}`, "learning_rate must be a positive finite number"},
		{`{"layers": [4, 2, 1], ` + base + `, "learning_rate": -1}`, "learning_rate must be a positive finite number"},
		{`{"layers": [4, 2, 1], ` + base + `, "learning_rate": 1e400}`, "learning_rate"},
		{`{"layers": [4, 2, 1], ` + base + `, "biases": [[0, 0]]}`, "biases has 1 layers but layers needs 2"},
		{`{"layers": [4, 2, 1], ` + base + `, "biases": [[0, 0, 0], [0]]}`, "biases[0] has 3 values but layer 1 has 2 nodes"},
		{`{"layers": [4, 2.5, 1], ` + base + `}`, "layers"},
		{`{"layers": [4, 2, 1], "weights": [[[0.4, 0.1, 0.4, 0.2], [0.2, 0.11, 0.05, 0.44]], [[0.6, 0.4]]], "inputs": [0.5, 0.56, 0.3], "targets": [1]}`, "inputs has 3 values but layer 0 has 4 nodes"},
		{`{"layers": [4, 2, 1], "weights": [[[0.4, 0.1, 0.4, 0.2], [0.2, 0.11, 0.05, 0.44]], [[0.6, 0.4]]], "inputs": [0.5, 0.56, 0.3, 0], "targets": [1, 0]}`, "targets has 2 values but layer 2 has 1 nodes"},
		{`{"layers": [4, 2, 1], "weights": [[[0.4, 0.1, 0.4, 0.2], [0.2, 0.11, 0.05, 0.44]], [[0.6, 0.4]]], "targets": [1]}`, "inputs is missing"},
		{`{"layers": [4, 2, 1], "weights": "x", "inputs": [0.5, 0.56, 0.3, 0], "targets": [1]}`, `weights must be a list of lists of lists of numbers, not the text "x"`},
		{`{"layers": [4, 2, 1], ` + base + `, "weights": [[[1]]]}`, "weights is given twice"},
		{`{"layers": [1, 1], "weights": [[[null]]], "inputs": [1], "targets": [1]}`, "weights[0][0][0] is null: give a number"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [null], "targets": [1]}`, "inputs[0] is null"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [1], "targets": [1], "learning_rate": null}`, "learning_rate is null"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [1], "targets": [1], "loss": null}`, "loss is null: give a string"},
		{`{"layers": [1, 1], "weights": [[[1]]], "biases": [[null]], "inputs": [1], "targets": [1]}`, "biases[0][0] is null"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [1], "targets": [1], "Learning_Rate": 0.7}`, `unknown field "Learning_Rate": field names are lower case, write "learning_rate"`},
		{`{"layers": [1, 1], "weights": [[0.5]], "inputs": [1], "targets": [1]}`, "weights[0][0] must be a list of numbers, not the number 0.5"},
		{`{"layers": [1, 2], "weights": [[[1], [2]]], "inputs": [1], "targets": [1, "NaN"]}`, `targets[1] must be a number, not the text "NaN"`},
		{`{"layers": [1, 1], "weights": [[[1e400]]], "inputs": [1], "targets": [1]}`, "weights[0][0][0] is 1e400, too large"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [1], "targets": [1], "name": 5}`, "name must be a string, not the number 5"},
		{`{"layers": [1, 1], "weights": [[[1]]], "inputs": [true], "targets": [1]}`, "inputs[0] must be a number, not the value true"},
		{`{"layers": [4, 2, 1], ` + base + `} {}`, "unexpected data after the network object"},
		{"{\n\"layers\": [4, 2, 1],\n\"weights\": [[[0.4,]]]}", "line 3: malformed JSON"},
		{`[1, 2]`, "must hold one JSON object"},
	}
	for _, c := range cases {
		_, err := ParseNetwork([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseNetwork(%.60s): error %v, want it to contain %q", c.json, err, c.want)
		}
	}
}

func FuzzParseNetwork(f *testing.F) {
	f.Add([]byte(paperJSON))
	f.Add([]byte(`{"layers":[1,1],"weights":[[[2]]],"biases":[[0.5]],"inputs":[1],"targets":[0]}`))
	f.Add([]byte(`{"layers":[2,2,2],"activation":["tanh","relu"],"loss":"mse","weights":[[[1,2],[3,4]],[[5,6],[7,8]]],"inputs":[1,2],"targets":[0,1]}`))
	f.Add([]byte(`{"name":"a\u001b]0;x\u0007","notes":"b\n\tc\u202e","layers":[1,1],"weights":[[[1]]],"inputs":[1],"targets":[1]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseNetwork(data)
		if err != nil {
			if n != nil {
				t.Fatal("a network returned with an error")
			}
			return
		}
		if err := n.Validate(); err != nil {
			t.Fatalf("parsed network is invalid: %v", err)
		}
		for _, r := range n.Name + n.Notes {
			if controlName(r) != "" && r != '\t' && r != '\n' {
				t.Fatalf("a control character U+%04X passed", r)
			}
		}
		if len(n.Sizes) > 6 {
			return
		}
		tr := NewTrace(n)
		tr.Compute(n)
		out, err := MarshalNetwork(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseNetwork(out); err != nil {
			t.Fatalf("saved network does not parse: %v\n%s", err, out)
		}
	})
}
