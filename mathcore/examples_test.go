package mathcore

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// textbookByHand computes the textbook 2-2-2 network's forward pass,
// backward pass and update with scalar formulas written out in the
// textbook's own labels (its w2 is i2→h1, its w6 is h2→o1), independently
// of Trace.
type textbookByHand struct {
	outH1, outH2, outO1, outO2, loss   float64
	deltaO1, deltaO2, deltaH1, deltaH2 float64
	grad                               map[string]float64 // by the textbook's labels w1..w8
}

func textbookHand() textbookByHand {
	sig := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	i1, i2 := 0.05, 0.10
	w1, w2, w3, w4 := 0.15, 0.20, 0.25, 0.30 // w1 i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2
	w5, w6, w7, w8 := 0.40, 0.45, 0.50, 0.55 // w5 h1→o1, w6 h2→o1, w7 h1→o2, w8 h2→o2
	b1, b2 := 0.35, 0.60
	y1, y2 := 0.01, 0.99
	var r textbookByHand
	r.outH1 = sig(w1*i1 + w2*i2 + b1)
	r.outH2 = sig(w3*i1 + w4*i2 + b1)
	r.outO1 = sig(w5*r.outH1 + w6*r.outH2 + b2)
	r.outO2 = sig(w7*r.outH1 + w8*r.outH2 + b2)
	r.loss = 0.5*(y1-r.outO1)*(y1-r.outO1) + 0.5*(y2-r.outO2)*(y2-r.outO2)
	r.deltaO1 = -(y1 - r.outO1) * r.outO1 * (1 - r.outO1)
	r.deltaO2 = -(y2 - r.outO2) * r.outO2 * (1 - r.outO2)
	r.deltaH1 = (w5*r.deltaO1 + w7*r.deltaO2) * r.outH1 * (1 - r.outH1)
	r.deltaH2 = (w6*r.deltaO1 + w8*r.deltaO2) * r.outH2 * (1 - r.outH2)
	r.grad = map[string]float64{
		"w1": r.deltaH1 * i1, "w2": r.deltaH1 * i2, "w3": r.deltaH2 * i1, "w4": r.deltaH2 * i2,
		"w5": r.deltaO1 * r.outH1, "w6": r.deltaO1 * r.outH2, "w7": r.deltaO2 * r.outH1, "w8": r.deltaO2 * r.outH2,
	}
	return r
}

// ourLabel maps the textbook's weight labels to this project's.
var ourLabel = map[string]string{"w1": "w1", "w2": "w3", "w3": "w2", "w4": "w4", "w5": "w5", "w6": "w7", "w7": "w6", "w8": "w8"}

func TestTextbookAgainstHandComputation(t *testing.T) {
	n := Textbook()
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := NewTrace(n)
	tr.Compute(n)
	h := textbookHand()
	const tol = 1e-9
	check := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.12f, want %.12f", name, got, want)
		}
	}
	check("out_h1", tr.Out[1][0], h.outH1)
	check("out_h2", tr.Out[1][1], h.outH2)
	check("out_o1", tr.Out[2][0], h.outO1)
	check("out_o2", tr.Out[2][1], h.outO2)
	check("J", tr.Loss, h.loss)
	check("δ_o1", tr.Delta[2][0], h.deltaO1)
	check("δ_o2", tr.Delta[2][1], h.deltaO2)
	check("δ_h1", tr.Delta[1][0], h.deltaH1)
	check("δ_h2", tr.Delta[1][1], h.deltaH2)
	for theirs, ours := range ourLabel {
		p, ok := n.ParamByLabel(ours)
		if !ok {
			t.Fatalf("no %s", ours)
		}
		check("dJ/d"+ours, tr.Gradient(p), h.grad[theirs])
		check(ours+" new", tr.Updated(p), n.Value(p)-0.5*h.grad[theirs])
	}
	for k := 1; k <= 4; k++ { // biases: their gradient is the δ of their node
		p, _ := n.ParamByLabel("b" + strconv.Itoa(k))
		check(n.ParamLabel(p), tr.Gradient(p), tr.Delta[p.Layer+1][p.To])
	}
}

// The values the textbook printed, each to the digits it printed, in its
// own labels.
func TestTextbookPrintedValues(t *testing.T) {
	n := Textbook()
	tr := NewTrace(n)
	tr.Compute(n)
	w := func(theirs string) Param {
		p, ok := n.ParamByLabel(ourLabel[theirs])
		if !ok {
			t.Fatalf("no %s", theirs)
		}
		return p
	}
	cases := []struct {
		name    string
		got     float64
		printed string
		off     int // how many units of the last printed digit the textbook's rounding moved it
	}{
		{"net_h1", tr.Net[1][0], "0.3775", 0},
		{"out_h1", tr.Out[1][0], "0.593269992", 0},
		{"out_h2", tr.Out[1][1], "0.596884378", 0},
		{"net_o1", tr.Net[2][0], "1.105905967", 0},
		{"out_o1", tr.Out[2][0], "0.75136507", 0},
		{"out_o2", tr.Out[2][1], "0.772928465", 0},
		{"J", tr.Loss, "0.298371109", 0},
		{"dJ/dout_o1", tr.DOut[2][0], "0.74136507", 0},
		{"dout_o1/dnet_o1", tr.DAct[2][0], "0.186815602", 0},
		{"δ_o1", tr.Delta[2][0], "0.138498562", 0},
		{"dJ/dw5", tr.Gradient(w("w5")), "0.082167041", 0},
		{"w5 new", tr.Updated(w("w5")), "0.35891648", 0},
		{"w6 new", tr.Updated(w("w6")), "0.408666186", 0},
		{"w7 new", tr.Updated(w("w7")), "0.511301270", 0},
		{"w8 new", tr.Updated(w("w8")), "0.561370121", 0},
		{"w5·δ_o1", n.Value(w("w5")) * tr.Delta[2][0], "0.055399425", 0},
		// The textbook multiplied rounded factors here: its last digit is one off.
		{"w7·δ_o2", n.Value(w("w7")) * tr.Delta[2][1], "-0.019049119", 1},
		{"dJ/dout_h1", tr.DOut[1][0], "0.036350306", 0},
		{"dout_h1/dnet_h1", tr.DAct[1][0], "0.241300709", 0},
		{"dJ/dw1", tr.Gradient(w("w1")), "0.000438568", 0},
		{"w1 new", tr.Updated(w("w1")), "0.149780716", 0},
		{"w2 new", tr.Updated(w("w2")), "0.19956143", 0},
		{"w3 new", tr.Updated(w("w3")), "0.24975114", 0},
		{"w4 new", tr.Updated(w("w4")), "0.29950229", 0},
	}
	for _, c := range cases {
		want, err := strconv.ParseFloat(c.printed, 64)
		if err != nil {
			t.Fatal(err)
		}
		digits := len(c.printed) - strings.Index(c.printed, ".") - 1
		if tol := (0.5 + float64(c.off)) * math.Pow(10, -float64(digits)); math.Abs(c.got-want) > tol*(1+1e-9) {
			t.Errorf("%s = %.12f, printed %s", c.name, c.got, c.printed)
		}
	}
}

func TestExamples(t *testing.T) {
	for _, e := range Examples() {
		n, err := NewExample(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Validate(); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
		if n2, _ := NewExample(e.Name); n2 == n {
			t.Errorf("%s: NewExample returns the same network twice", e.Name)
		}
	}
	if n, _ := NewExample(DefaultExample); !IsPaper(n) {
		t.Error("the default example is not the paper's network")
	}
	_, err := NewExample("mazur")
	if err == nil || !strings.Contains(err.Error(), "paper, textbook") {
		t.Errorf("unknown example: %v, want an error listing the names", err)
	}
}
