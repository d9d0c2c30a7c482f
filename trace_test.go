package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"nnmath/mathcore"
)

// writeNet writes a network file into a temporary folder and returns its path.
func writeNet(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "net.json")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTraceText(t *testing.T) {
	code, out, stderr := runArgs("trace")
	if code != exitOK || stderr != "" {
		t.Fatalf("trace: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"  h1    0.4000·0.5000 + 0.1000·0.5600 + 0.4000·0.3000 + 0.2000·0.0000  0.3760  0.5929",
		"= (-0.3605) · 0.2305 · 0.6000 · 0.2414 · 0.5000 = -0.0060",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("trace lacks %q:\n%s", want, out)
		}
	}
	for k, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d ends in a space: %q", k+1, l)
		}
	}
	// The gradient and new columns stand at one place in every row.
	col := -1
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) >= 3 && strings.HasPrefix(f[0], "w") && f[1] != "=" {
			at := utf8.RuneCountInString(l[:strings.LastIndex(l, f[len(f)-1])])
			if col >= 0 && at != col {
				t.Errorf("the new value of %s stands at column %d, not %d:\n%s", f[0], at, col, out)
			}
			col = at
		}
	}
}

// traceDoc is the part of `trace --json` the tests read.
type traceDoc struct {
	Layers []struct {
		Net []float64 `json:"net"`
		Out []float64 `json:"out"`
	} `json:"layers"`
	Loss      float64 `json:"loss"`
	Gradients struct {
		Weights [][][]float64 `json:"weights"`
		Biases  [][]float64   `json:"biases"`
	} `json:"gradients"`
	Updated struct {
		Weights [][][]float64 `json:"weights"`
		Biases  [][]float64   `json:"biases"`
	} `json:"updated"`
	Chains []struct {
		Param     string `json:"param"`
		PathCount int    `json:"path_count"`
		Paths     [][]struct {
			Symbol string  `json:"symbol"`
			Value  float64 `json:"value"`
		} `json:"paths"`
		LayerByLayer []struct {
			Symbol string  `json:"symbol"`
			Value  float64 `json:"value"`
		} `json:"layer_by_layer"`
		Gradient float64 `json:"gradient"`
	} `json:"chains"`
}

func TestTraceJSON(t *testing.T) {
	code, out, _ := runArgs("trace", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if string(raw["gradients"]) == "" || !strings.Contains(string(raw["gradients"]), `"biases": null`) {
		t.Errorf("gradients of a network without biases: %s", raw["gradients"])
	}
	var doc traceDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	n := mathcore.Paper()
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	if doc.Layers[0].Net != nil || math.Abs(doc.Layers[1].Out[0]-tr.Out[1][0]) > 1e-12 || doc.Loss != tr.Loss {
		t.Errorf("layers %+v, loss %v", doc.Layers, doc.Loss)
	}
	if doc.Gradients.Weights[1][0][0] != tr.GradW[1][0][0] || doc.Updated.Weights[0][0][0] != tr.NewW[0][0][0] {
		t.Error("gradients or updated weights differ from mathcore's")
	}
	w1 := doc.Chains[0]
	if w1.Param != "w1" || w1.PathCount != 1 || len(w1.Paths) != 1 || len(w1.Paths[0]) != 5 || w1.Paths[0][0].Symbol != "dJ/dout" {
		t.Errorf("the chain of w1: %+v", w1)
	}
}

// TestTraceJSONLayerByLayer checks a network with more paths than are
// listed: each chain still carries its factors, whose product is the gradient.
func TestTraceJSONLayerByLayer(t *testing.T) {
	sizes := []int{2, 4, 4, 4, 4, 4, 1}
	var layers []string
	for l := 0; l+1 < len(sizes); l++ {
		rows := make([]string, sizes[l+1])
		for j := range rows {
			vals := make([]string, sizes[l])
			for i := range vals {
				vals[i] = []string{"0.3", "-0.2", "0.5", "0.1"}[(i+j+l)%4]
			}
			rows[j] = "[" + strings.Join(vals, ",") + "]"
		}
		layers = append(layers, "["+strings.Join(rows, ",")+"]")
	}
	path := writeNet(t, `{"layers":[2,4,4,4,4,4,1],"weights":[`+strings.Join(layers, ",")+`],"inputs":[1,0.5],"targets":[1]}`)
	code, out, stderr := runArgs("trace", "--json", "--net", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc traceDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	omitted := 0
	for _, c := range doc.Chains {
		if c.PathCount > mathcore.MaxChainPaths {
			omitted++
			if c.Paths != nil {
				t.Errorf("%s: %d paths listed past the limit", c.Param, len(c.Paths))
			}
		}
		if len(c.LayerByLayer) != 3 {
			t.Fatalf("%s: layer_by_layer %+v", c.Param, c.LayerByLayer)
		}
		p := c.LayerByLayer[0].Value * c.LayerByLayer[1].Value * c.LayerByLayer[2].Value
		if math.Abs(p-c.Gradient) > 1e-12*math.Max(1, math.Abs(c.Gradient)) {
			t.Errorf("%s: layer-by-layer product %v, gradient %v", c.Param, p, c.Gradient)
		}
	}
	if omitted == 0 {
		t.Fatal("no chain has more paths than are listed: the test network is too small")
	}
}

func TestTraceErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--inputs", ""}, "-inputs: it is empty"},
		{[]string{"--targets", " "}, "-targets: it is empty"},
		{[]string{"--net", ""}, "-net: it is empty"},
		{[]string{"--lr", "0"}, "the learning rate must be positive"},
		{[]string{"--digits", "11"}, "--digits must be 0..10"},
		{[]string{"--net", writeNet(t, `{"layers":[1,1],"weights":[[[null]]],"inputs":[1],"targets":[1]}`)}, "weights[0][0][0] is null"},
		{[]string{"--net", writeNet(t, `{"layers":[1,1],"weights":[[[1e200]]],"inputs":[1e200],"targets":[1],"activation":"linear"}`)}, "overflows"},
	} {
		code, out, stderr := runArgs(append([]string{"trace"}, c.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("trace %q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, stderr, c.want)
		}
	}
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, cmd := range commands() {
		code, out, stderr := runArgs(cmd.name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: nnmath "+cmd.name) || stderr != "" {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", cmd.name, code, out, stderr)
		}
	}
}
