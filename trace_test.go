package main

import (
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"nnmath/export"
	"nnmath/internal/testnet"
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

// TestHostileFilesRefused checks that every command refuses, with exit 2
// and a message naming the field and code point, a network file whose text
// holds a control character, and writes nothing raw to the terminal.
func TestHostileFilesRefused(t *testing.T) {
	path := writeNet(t, `{"name":"x\u001b]0;pwned\u0007","layers":[1,1],"weights":[[[1]]],"inputs":[1],"targets":[1]}`)
	for _, args := range [][]string{
		{"print", "--net", path}, {"trace", "--net", path}, {"trace", "--json", "--net", path},
		{"export", "--net", path}, {"check", "--net", path, "w1", "0.1"}, {"--net", path},
	} {
		code, out, stderr := runArgs(args...)
		if code != exitUsage || strings.ContainsAny(out+stderr, "\x1b\x07") ||
			!strings.Contains(stderr, "name contains the control character U+001B (ESC)") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
}

// TestEndlessFilesRefused checks that a device, a pipe or a file larger
// than mathcore.MaxFileSize is refused quickly, in little memory.
func TestEndlessFilesRefused(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 1<<40); err != nil {
		t.Fatal(err)
	}
	zeros := fifo(t, func(w *os.File) { w.Write(make([]byte, 1<<20)) })
	for _, path := range []string{"/dev/zero", huge, zeros} {
		start := time.Now()
		code, _, stderr := runArgs("trace", "--net", path)
		if d := time.Since(start); code != exitUsage || d > time.Second || !strings.Contains(stderr, path+": ") {
			t.Errorf("%s: exit %d after %v: %s", path, code, d, stderr)
		}
	}
	if testing.Short() {
		return
	}
	spaces := fifo(t, func(w *os.File) {
		b := []byte(strings.Repeat(" ", 1<<20))
		for i := 0; i <= mathcore.MaxFileSize>>20; i++ {
			if _, err := w.Write(b); err != nil {
				return
			}
		}
	})
	if code, _, stderr := runArgs("trace", "--net", spaces); code != exitUsage || !strings.Contains(stderr, "larger than 160 MiB") {
		t.Errorf("a pipe past the limit: exit %d: %s", code, stderr)
	}
}

// fifo returns the path of a named pipe that write fills, then closes.
func fifo(t *testing.T, write func(w *os.File)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pipe.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		write(w)
	}()
	return path
}

// TestTraceJSONWide checks that path_count is exact past 2^53 and past
// int64, that chains are left out of a network of more than
// export.MaxListedParams parameters unless --chains asks for them, and that
// the streamed JSON is the same either way.
func TestTraceJSONWide(t *testing.T) {
	sizes := make([]int, mathcore.MaxLayers)
	for l := range sizes {
		sizes[l] = 30
	}
	n := testnet.Random(1, testnet.Spec{Sizes: sizes, Values: testnet.Thousandths})
	data, err := mathcore.MarshalNetwork(n)
	if err != nil {
		t.Fatal(err)
	}
	path := writeNet(t, string(data))
	decode := func(args ...string) map[string]json.RawMessage {
		code, out, stderr := runArgs(append([]string{"trace", "--json", "--net", path}, args...)...)
		var doc map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &doc); code != exitOK || err != nil {
			t.Fatalf("exit %d, %v: %s", code, err, stderr)
		}
		return doc
	}
	plain, full := decode(), decode("--chains")
	if _, ok := plain["chains"]; ok || len(n.Params()) <= export.MaxListedParams {
		t.Errorf("chains written for %d parameters without --chains", len(n.Params()))
	}
	for k, v := range plain {
		if string(full[k]) != string(v) {
			t.Errorf("%s differs with --chains", k)
		}
	}
	var chains []struct {
		Param     string          `json:"param"`
		PathCount json.RawMessage `json:"path_count"`
	}
	if err := json.Unmarshal(full["chains"], &chains); err != nil {
		t.Fatal(err)
	}
	// 30^14 and 30^13, both past int64; a float64 would write 4.782969e+20.
	want := map[string]string{"w1": "478296900000000000000", "w900": "478296900000000000000", "w901": "15943230000000000000"}
	for _, c := range chains {
		if w, ok := want[c.Param]; ok && string(c.PathCount) != w {
			t.Errorf("%s: path_count %s, want %s", c.Param, c.PathCount, w)
		}
	}
}

// BenchmarkWide runs trace --json and export, from reading the file to
// writing the last byte, on a 512-512-4 network, the widest two-layer
// network a file may hold.
func BenchmarkWide(b *testing.B) {
	n := testnet.Random(1, testnet.Spec{Sizes: []int{512, 512, 4}, Biases: true})
	data, err := mathcore.MarshalNetwork(n)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "wide.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, args := range [][]string{{"trace", "--json"}, {"trace", "--json", "--chains"}, {"export"}} {
		b.Run(strings.Join(args, " "), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run(append(args, "--net", path), io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// trace --width fits every line to the width, on the paper's network and on
// a wider one; without it the tables keep their own width.
func TestTraceWidth(t *testing.T) {
	wide := writeNet(t, string(mustMarshal(t, testnet.Random(3, testnet.Spec{Sizes: []int{5, 4, 3}, Biases: true}))))
	for _, args := range [][]string{{"trace", "--width", "60"}, {"trace", "--width", "40", "--net", wide}} {
		code, out, stderr := runArgs(args...)
		if code != exitOK || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		for _, l := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(l); n > 60 || (args[2] == "40" && n > 40) {
				t.Errorf("%v: a line of %d columns: %q", args, n, l)
			}
		}
		if !strings.Contains(out, "gradient") || !strings.Contains(out, "Loss") {
			t.Errorf("%v: the trace lost its parts:\n%s", args, out)
		}
	}
	if code, _, stderr := runArgs("trace", "--width", "20"); code != exitUsage || !strings.Contains(stderr, "--width") {
		t.Errorf("--width 20: exit %d, %q", code, stderr)
	}
}

func mustMarshal(t *testing.T, n *mathcore.Network) []byte {
	t.Helper()
	data, err := mathcore.MarshalNetwork(n)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A node of hundreds of inputs does not pad every row of the forward pass
// to the length of its sum: without --width the table is then written a
// row at a time, as with it; a small network's table stays one table.
func TestTraceOfManyInputsIsNotPadded(t *testing.T) {
	n := testnet.Random(1, testnet.Spec{Sizes: []int{600, 2, 1}})
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	var b strings.Builder
	writeTrace(&b, n, tr, 4, 0)
	longest := 0
	for _, l := range strings.Split(b.String(), "\n") {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	if longest > 2*wideTableWidth {
		t.Errorf("a line of %d columns in the trace of a 600-input network", longest)
	}
	var small strings.Builder
	p := mathcore.Paper()
	tp := mathcore.NewTrace(p)
	tp.Compute(p)
	writeTrace(&small, p, tp, 4, 0)
	if !strings.Contains(small.String(), "  node  net = sum of w·x (+ b)") {
		t.Errorf("the paper's trace is no longer one table:\n%s", small.String())
	}
}
