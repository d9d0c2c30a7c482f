package main

// The --json form of nnmath trace, streamed piece by piece.

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// traceHead is the start of the --json form of a trace: the network.
type traceHead struct {
	Name         string    `json:"name,omitempty"`
	Notes        string    `json:"notes,omitempty"`
	Sizes        []int     `json:"sizes"`
	Activations  []string  `json:"activations"`
	LossFunction string    `json:"loss_function"`
	LearningRate float64   `json:"learning_rate"`
	Targets      []float64 `json:"targets"`
}

// traceLayer is one layer of the --json form; its products are written
// after it, row by row.
type traceLayer struct {
	Name   string    `json:"name"`
	Labels []string  `json:"labels"`
	Sum    []float64 `json:"sum,omitempty"`
	Net    []float64 `json:"net"`
	Out    []float64 `json:"out"`
	DOut   []float64 `json:"dJ_dout,omitempty"`
	DAct   []float64 `json:"dout_dnet,omitempty"`
}

type traceChain struct {
	Param        string        `json:"param"`
	Value        float64       `json:"value"`
	PathCount    json.Number   `json:"path_count"`      // exact however large
	Paths        [][]traceFact `json:"paths,omitempty"` // omitted past mathcore.MaxChainPaths paths
	LayerByLayer []traceFact   `json:"layer_by_layer"`  // dJ/dout · dout/dnet · dnet/dparam of the node fed
	Gradient     float64       `json:"gradient"`
	New          float64       `json:"new"`
}

type traceFact struct {
	Symbol string  `json:"symbol"`
	Value  float64 `json:"value"`
}

// writeTraceJSON writes the trace as one JSON object, indented by two
// spaces, piece by piece, so that a wide network's numbers stream out in
// little memory: the network (traceHead), layers, loss, gradients,
// updated and, when withChains, chains.
func writeTraceJSON(w io.Writer, n *mathcore.Network, t *mathcore.Trace, withChains bool) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	head := traceHead{Name: n.Name, Notes: n.Notes, Sizes: n.Sizes, LossFunction: n.Loss.String(), LearningRate: n.LearningRate, Targets: n.Targets}
	for _, a := range n.Activations {
		head.Activations = append(head.Activations, a.String())
	}
	jw.openObject(0, head)
	jw.key(1, "layers")
	jw.list(1, len(n.Sizes), func(l int) { jw.layer(2, n, t, l) })
	jw.key(1, "loss")
	jw.value(1, t.Loss)
	jw.key(1, "gradients")
	jw.params(1, t.GradW, t.GradB)
	jw.key(1, "updated")
	jw.params(1, t.NewW, t.NewB)
	if withChains {
		jw.key(1, "chains")
		ps := n.Params()
		jw.list(1, len(ps), func(i int) { jw.value(2, chainJSON(n, t, ps[i])) })
	}
	jw.raw("\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// chainJSON returns the --json form of the chain of p.
func chainJSON(n *mathcore.Network, t *mathcore.Trace, p mathcore.Param) traceChain {
	c := t.Chain(n, p)
	count := strconv.Itoa(c.PathCount)
	if c.PathCountOverflow {
		count = mathcore.PathCountDecimal(n.Sizes, c.Layer)
	}
	tc := traceChain{Param: n.ParamLabel(p), Value: c.Old, PathCount: json.Number(count), Gradient: c.Gradient, New: c.New}
	syms := layerSymbols(n, c)
	tc.LayerByLayer = []traceFact{{syms[0], c.DOut}, {syms[1], c.DAct}, {syms[2], c.Local}}
	for _, path := range c.Paths {
		fs := make([]traceFact, len(path.Factors))
		for i, f := range path.Factors {
			fs[i] = traceFact{n.FactorSymbol(f), f.Value}
		}
		tc.Paths = append(tc.Paths, fs)
	}
	return tc
}

// jsonWriter writes JSON as encoding/json indents it (two spaces a
// level), one piece at a time; it keeps the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// indent returns the indentation of a line at depth d.
func indent(d int) string { return strings.Repeat("  ", d) }

// value writes v, whose first line is already placed at depth d.
func (jw *jsonWriter) value(d int, v any) {
	if jw.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, indent(d), "  ")
	if err != nil {
		jw.err = err
		return
	}
	_, jw.err = jw.w.Write(b)
}

// openObject writes the object v at depth d without its closing brace, so
// that keys can follow it.
func (jw *jsonWriter) openObject(d int, v any) {
	b, err := json.MarshalIndent(v, indent(d), "  ")
	if err != nil {
		jw.err = err
		return
	}
	jw.raw(strings.TrimSuffix(string(b), "\n"+indent(d)+"}"))
}

// key starts the next key of an object at depth d-1.
func (jw *jsonWriter) key(d int, name string) {
	jw.raw(",\n" + indent(d) + `"` + name + `": `)
}

// list writes a list of count elements at depth d, elem writing each.
func (jw *jsonWriter) list(d, count int, elem func(i int)) {
	if count == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("[")
	for i := range count {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n" + indent(d+1))
		elem(i)
	}
	jw.raw("\n" + indent(d) + "]")
}

// matrices writes weights-shaped numbers at depth d, a row at a time.
func (jw *jsonWriter) matrices(d int, m [][][]float64) {
	if m == nil {
		jw.raw("null")
		return
	}
	jw.list(d, len(m), func(l int) { jw.list(d+1, len(m[l]), func(j int) { jw.value(d+2, m[l][j]) }) })
}

// params writes gradients or updated values of weights and biases.
func (jw *jsonWriter) params(d int, w [][][]float64, b [][]float64) {
	jw.raw("{\n" + indent(d+1) + `"weights": `)
	jw.matrices(d+1, w)
	jw.key(d+1, "biases")
	jw.value(d+1, b)
	jw.raw("\n" + indent(d) + "}")
}

// layer writes layer l of the trace, its products row by row.
func (jw *jsonWriter) layer(d int, n *mathcore.Network, t *mathcore.Trace, l int) {
	ly := traceLayer{Name: n.LayerName(l), Out: t.Out[l]}
	for j := 0; j < n.Sizes[l]; j++ {
		ly.Labels = append(ly.Labels, n.NodeLabel(l, j))
	}
	if l == 0 {
		jw.value(d, ly)
		return
	}
	ly.Sum, ly.Net, ly.DOut, ly.DAct = t.Sum[l], t.Net[l], t.DOut[l], t.DAct[l]
	jw.openObject(d, ly)
	jw.key(d+1, "products")
	jw.list(d+1, len(t.Products[l-1]), func(j int) { jw.value(d+2, t.Products[l-1][j]) })
	jw.raw("\n" + indent(d) + "}")
}
