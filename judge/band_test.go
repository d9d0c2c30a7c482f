package judge

import (
	"math"
	"slices"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// TestUpdateJudgedOnStep: an updated weight is judged on its step, so the
// paper's printed values, an update with the wrong sign and no update at
// all are never correct.
func TestUpdateJudgedOnStep(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	cases := []struct {
		name   string
		answer float64
		want   Verdict
		slip   SlipID // "" for none
		says   string
	}{
		{"w9_new", 0.6049268894, Correct, "", "within 0.00005"},
		{"w9_new", 0.6049, Correct, "", "judged on its step |η · dJ/dw9| = 0.004927"},
		{"w9_new", 0.60497, Correct, "", ""},
		{"w9_new", 0.605, Close, "", "rounded to 3 significant figures"},
		{"w1_new", 0.401, Close, "", "Write it as 0.4006"},
		{"w9_new", 0.6054, Close, "", "Keep 4 significant figures"},
		{"w9_new", 0.6055, Incorrect, "", "No common slip"},
		{"w9_new", 0.603, Incorrect, PaperValue, "paper"},
		{"w9_new", 0.5951, Incorrect, UpdateSign, "+"},
		{"w9_new", 0.6493, Incorrect, MissingEta, "η"},
		{"w9_new", 0.6, Incorrect, NoStep, "w9 before the update"},
		{"w1_new", 0.4006, Correct, "", "0.0006017"},
		{"w1_new", 0.40060, Correct, "", ""},
		{"w1_new", 0.4016, Incorrect, PaperValue, "dJ/dout as -1"},
		{"w1_new", 0.4, Incorrect, NoStep, "w1 before the update"},
		{"w1_new", 0.3994, Incorrect, UpdateSign, "+"},
	}
	for _, c := range cases {
		res := j.Check(mustLookup(t, j, c.name), c.answer)
		var slip SlipID
		if res.Diagnosis != nil {
			slip = res.Diagnosis.Slip
		}
		if res.Verdict != c.want || slip != c.slip || !strings.Contains(res.Explanation, c.says) {
			t.Errorf("%s = %v: %v, slip %q; want %v, slip %q, saying %q\n%s", c.name, c.answer, res.Verdict, slip, c.want, c.slip, c.says, res.Explanation)
		}
	}
}

// TestUpdateBand checks the band of an updated parameter at its edges,
// with the default tolerance and a wider one.
func TestUpdateBand(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	q := mustLookup(t, j, "w9_new")
	exact := j.Exact(q)
	step := 0.1 * 0.0492688944
	b := j.Band(q, exact)
	if math.Abs(b.Step-step) > 1e-10 || math.Abs(b.Correct-5e-5) > 1e-15 || math.Abs(b.Close-5e-4) > 1e-15 {
		t.Errorf("band %+v, want step %v, correct 5e-5 (the 4th figure), close 5e-4 (the 3rd)", b, step)
	}
	for _, c := range []struct {
		d    float64
		want Verdict
	}{{4.99e-5, Correct}, {-4.99e-5, Correct}, {5.01e-5, Close}, {4.99e-4, Close}, {5.01e-4, Incorrect}} {
		if got := j.Grade(q, exact+c.d, exact); got != c.want {
			t.Errorf("exact %+g: %v, want %v", c.d, got, c.want)
		}
	}
	// --tolerance 0.05: 5% of the step is wider than the 4th figure.
	j.Tolerance = 0.05
	if b := j.Band(q, exact); math.Abs(b.Correct-0.05*step) > 1e-12 {
		t.Errorf("tolerance 0.05: correct band %v, want %v", b.Correct, 0.05*step)
	}
	j.Tolerance = DefaultTolerance
	// A big step: 1% of the step is wider than the 4th figure.
	n := mathcore.Paper()
	n.LearningRate = 10
	big := mustJudge(t, n)
	q = mustLookup(t, big, "w9_new")
	if b := big.Band(q, big.Exact(q)); math.Abs(b.Correct-0.01*0.492688944) > 1e-9 {
		t.Errorf("eta 10: correct band %v, want 1%% of the step", b.Correct)
	}
	// Other quantities keep the relative band.
	q = mustLookup(t, j, "dJ/dw9")
	if b := j.Band(q, -0.05); math.Abs(b.Correct-0.0005) > 1e-15 || math.Abs(b.Close-0.0025) > 1e-15 || b.Step != 0 {
		t.Errorf("dJ/dw9 band %+v", b)
	}
}

// TestUpdateOnRandomNetworks: on every network no update, an update with
// the wrong sign and an update without eta are never correct whenever
// the step is larger than the 4th significant figure.
func TestUpdateOnRandomNetworks(t *testing.T) {
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		for _, q := range j.Quantities() {
			if q.Kind != KindNew {
				continue
			}
			old, exact := n.Value(q.Param), j.Exact(q)
			step := exact - old
			if math.Abs(step) <= 2*HalfUnit(exact, 4) {
				continue
			}
			for what, a := range map[string]float64{"no update": old, "update sign": old - step} {
				if v := j.Check(q, a).Verdict; v == Correct {
					t.Errorf("%s: %s = %v (%s) judged %v; exact %v", label, q.Name, a, what, v, exact)
				}
			}
			if res := j.Check(q, exact+0.9*HalfUnit(exact, 4)); res.Verdict != Correct {
				t.Errorf("%s: %s within the 4th figure judged %v", label, q.Name, res.Verdict)
			}
		}
	}
}

func TestHalfUnit(t *testing.T) {
	for _, c := range []struct {
		x    float64
		sig  int
		want float64
	}{{0.6049, 4, 5e-5}, {0.6049, 3, 5e-4}, {-0.4006, 4, 5e-5}, {12.5, 4, 0.005}, {1, 4, 5e-4}, {0, 4, 0}, {math.Inf(1), 4, 0}} {
		if got := HalfUnit(c.x, c.sig); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("HalfUnit(%v, %d) = %v, want %v", c.x, c.sig, got, c.want)
		}
	}
}

// TestCloseIsNoSlip: a close answer is rounding, not a slip; it gets the
// advice to carry more figures and no diagnosis.
func TestCloseIsNoSlip(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	for name, a := range map[string]float64{"dJ/dw9": -0.04877, "out_h1": 0.5990, "w9_new": 0.605} {
		res := j.Check(mustLookup(t, j, name), a)
		if res.Verdict != Close || res.Diagnosis != nil || strings.Contains(res.Explanation, "Slip") ||
			!strings.Contains(res.Explanation, "significant figures") {
			t.Errorf("%s = %v: %v %+v\n%s", name, a, res.Verdict, res.Diagnosis, res.Explanation)
		}
	}
}

func TestZeroExact(t *testing.T) {
	// A dead ReLU: every gradient into it is zero, computed as -1 · 0 = -0.
	j := mustJudge(t, testnet.DeadReLU())
	for _, q := range j.Quantities() {
		if x := j.Exact(q); x == 0 && math.Signbit(x) {
			t.Errorf("%s: exact value -0", q.Name)
		}
	}
	res := j.Check(mustLookup(t, j, "dJ/dw1"), 0)
	if res.Verdict != Correct || !strings.Contains(res.Explanation, "the exact value is 0.") {
		t.Errorf("dJ/dw1 = 0: %v %q", res.Verdict, res.Explanation)
	}
	res = j.Check(mustLookup(t, j, "dJ/dw1"), 0.5)
	if strings.Contains(res.Explanation, "1%") {
		t.Errorf("dJ/dw1 = 0.5: %q", res.Explanation)
	}
}

func TestUnknownNameNotes(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	for _, name := range []string{"dJ/db1", "b1_new", "new_b2", "dJ/db"} {
		_, err := j.Lookup(name)
		u, ok := err.(*UnknownQuantityError)
		if !ok || u.Note != "this network has no biases" || !strings.Contains(err.Error(), "no biases") {
			t.Errorf("Lookup(%q): %v", name, err)
		}
	}
	if _, err := j.Lookup("dJ/dw99"); strings.Contains(err.Error(), "biases") {
		t.Errorf("dJ/dw99: %v", err)
	}
	// With biases, a missing bias gets no such note.
	bj := mustJudge(t, testnet.Random(3, testnet.Spec{Sizes: []int{3, 2, 2}, Loss: mathcore.HalfSSE, Biases: true}))
	if _, err := bj.Lookup("dJ/db9"); err == nil || strings.Contains(err.Error(), "no biases") {
		t.Errorf("dJ/db9 with biases: %v", err)
	}
	// Several outputs: a bare out or y_hat suggests the output nodes first.
	for name, want := range map[string][]string{
		"y_hat":       {"out_o1", "out_o2"},
		"out":         {"out_o1", "out_o2"},
		"dJ/dy_hat":   {"dJ/dout_o1", "dJ/dout_o2"},
		"dout/dnet_o": {"dout_o1/dnet_o1", "dout_o2/dnet_o2"},
		"net_o":       {"net_o1", "net_o2"},
	} {
		_, err := bj.Lookup(name)
		u, ok := err.(*UnknownQuantityError)
		if !ok || len(u.Nearest) < 2 || !slices.Equal(u.Nearest[:2], want) || len(u.Nearest) > 5 {
			t.Errorf("Lookup(%q) on 3-2-2: %v, want %v first", name, err, want)
		}
	}
}

// TestSmallUpdates: when the step is small next to the weight, an answer
// must still move the right way and by about the step; when the step is too
// small to show in 4 significant figures, it must be written out.
func TestSmallUpdates(t *testing.T) {
	for _, c := range []struct {
		eta    float64
		answer float64
		want   Verdict
		slip   SlipID
		says   string
	}{
		// w1 = 0.15, step -0.0002193 at eta 0.5: half a unit in the 4th figure is 0.00005.
		{0.5, 0.1498, Correct, "", ""},
		{0.5, 0.149781, Correct, "", ""},
		{0.5, 0.1497, Close, "", ""},
		{0.5, 0.150219, Incorrect, UpdateSign, ""},
		{0.5, 0.149561, Incorrect, MissingEta, ""},
		{0.5, 0.15, Incorrect, NoStep, "before the update"},
		// At eta 0.05 the step, -0.00002193, is below the 4th figure.
		{0.05, 0.149978, Correct, "", "0.14997807"},
		{0.05, 0.1500, Close, "", "still equals w1 = 0.15"}, // the new value at 4 figures
		{0.05, 0.150022, Incorrect, UpdateSign, ""},
		{0.05, 0.14998, Close, "", "0.14998 is w1_new rounded to 5 significant figures"},
	} {
		n := testnet.TwoTwoTwo()
		n.LearningRate = c.eta
		j := mustJudge(t, n)
		res := j.Check(mustLookup(t, j, "w1_new"), c.answer)
		var slip SlipID
		if res.Diagnosis != nil {
			slip = res.Diagnosis.Slip
		}
		if res.Verdict != c.want || slip != c.slip || !strings.Contains(res.Explanation, c.says) {
			t.Errorf("eta %v, w1_new = %v: %v, slip %q; want %v, slip %q, saying %q\n%s",
				c.eta, c.answer, res.Verdict, slip, c.want, c.slip, c.says, res.Explanation)
		}
	}
}

func TestSigFigures(t *testing.T) {
	for x, want := range map[float64]int{0.15: 2, 0.150219: 6, 0.704481: 6, -0.0493: 3, 0: 1, 120: 2, 1e-7: 1} {
		if got := sigFigures(x); got != want {
			t.Errorf("sigFigures(%v) = %d, want %d", x, got, want)
		}
	}
}

// TestNonFiniteAnswerOnATinyStep: Check is exported, so a NaN or infinite
// answer must give Incorrect, not a panic, also where the step is tiny.
func TestNonFiniteAnswerOnATinyStep(t *testing.T) {
	n := mathcore.Paper()
	n.LearningRate = 1e-7
	j := mustJudge(t, n)
	for _, a := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if res := j.Check(mustLookup(t, j, "w9_new"), a); res.Verdict != Incorrect {
			t.Errorf("w9_new = %v: %v", a, res.Verdict)
		}
	}
}
