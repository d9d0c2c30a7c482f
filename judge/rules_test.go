package judge

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
	"nnmath/numtext"
)

// fourFigures returns x written with 4 significant figures, read back.
func fourFigures(t *testing.T, x float64) float64 {
	v, err := numtext.Parse(numtext.FormatSig(x, 4))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFourFiguresAreCorrect: on many random networks of every kind, every
// quantity's exact value written with 4 significant figures is correct;
// only a new value whose step does not show in 4 figures (it equals the
// old value at 4 figures) is close, never incorrect.
func TestFourFiguresAreCorrect(t *testing.T) {
	checked := 0
	for _, k := range testnet.JudgeKinds() {
		for seed := range uint64(12) {
			n := testnet.Random(500+seed, k.Spec)
			if seed%3 == 2 {
				n.LearningRate = 1e-4 // tiny steps
			}
			j := mustJudge(t, n)
			for _, q := range j.Quantities() {
				exact := j.Exact(q)
				a := fourFigures(t, exact)
				res := j.Check(q, a)
				checked++
				hidden := q.Kind == KindNew && a == fourFigures(t, n.Value(q.Param)) && exact != n.Value(q.Param)
				switch {
				case hidden && res.Verdict != Close:
					t.Errorf("%s #%d: %s = %v (exact %v, old %v): %v, want close\n%s", k.Name, seed, q.Name, a, exact, n.Value(q.Param), res.Verdict, res.Explanation)
				case !hidden && res.Verdict != Correct:
					t.Errorf("%s #%d: %s = %v (exact %v): %v\n%s", k.Name, seed, q.Name, a, exact, res.Verdict, res.Explanation)
				}
			}
		}
	}
	t.Logf("%d answers at 4 significant figures", checked)
}

// sc3 returns the paper's network with i1 = 3e-4: dJ/dw1 is -3.845e-6.
func sc3() *mathcore.Network {
	n := mathcore.Paper()
	n.Inputs[0] = 3e-4
	return n
}

// TestTinyStep: on sc3 an updated weight that does not move, or moves the
// wrong way, is never correct, and a tiny gradient is judged relatively.
func TestTinyStep(t *testing.T) {
	j := mustJudge(t, sc3())
	g := mustLookup(t, j, "dJ/dw1")
	if x := j.Exact(g); x > -3.84e-6 || x < -3.85e-6 {
		t.Fatalf("sc3: dJ/dw1 = %v, want -3.845e-6", x)
	}
	cases := []struct {
		name   string
		answer float64
		want   Verdict
		slip   SlipID
		says   string
	}{
		{"w1_new", 0.3999996, Incorrect, UpdateSign, ""}, // the wrong way
		{"w1_new", 0.4, Close, "", "Write it with enough figures"},
		{"w1_new", 0.40000038, Close, "", ""}, // its step is 1.2% off
		{"w1_new", 0.4000003845, Correct, "", ""},
		{"w1_new", 0.40001, Incorrect, "", ""}, // a step 26 times too large
		{"dJ/dw1", 0, Incorrect, EarlyRounding, "significant figures"},
		{"dJ/dw1", -3.0e-6, Incorrect, "", ""},
		{"dJ/dw1", -3.845e-6, Correct, "", ""},
		{"dJ/dw1", -3.8e-6, Close, "", ""},
	}
	for _, c := range cases {
		res := j.Check(mustLookup(t, j, c.name), c.answer)
		var slip SlipID
		if res.Diagnosis != nil {
			slip = res.Diagnosis.Slip
		}
		if res.Verdict != c.want || (c.slip != "" && slip != c.slip) || !strings.Contains(res.Explanation, c.says) ||
			strings.Contains(res.Explanation, "does not move") {
			t.Errorf("sc3 %s = %v: %v, slip %q; want %v, slip %q, saying %q\n%s", c.name, c.answer, res.Verdict, slip, c.want, c.slip, c.says, res.Explanation)
		}
	}
	// A tiny exact value is matched relatively; 0 matches only an exact 0.
	if GradeValue(0, -6.65e-7, DefaultTolerance) == Correct || GradeValue(-3.0e-6, -3.845e-6, DefaultTolerance) == Correct {
		t.Error("a tiny value is judged absolutely")
	}
}

// TestZeroStepAtFourFigures: with dJ/dw7 = 0 the weight does not move;
// its value at 4 figures is correct, and no advice repeats the answer.
func TestZeroStepAtFourFigures(t *testing.T) {
	n := mathcore.Paper()
	p, ok := n.ParamByLabel("w7")
	if !ok {
		t.Fatal("no w7")
	}
	n.SetValue(p, 0.2345678)
	j := mustJudge(t, n)
	if g := j.Exact(mustLookup(t, j, "dJ/dw7")); g != 0 {
		t.Fatalf("dJ/dw7 = %v, want 0", g)
	}
	for _, a := range []float64{0.2346, 0.2345678, 0.23457} {
		res := j.Check(mustLookup(t, j, "w7_new"), a)
		if res.Verdict != Correct || !strings.Contains(res.Explanation, "does not move") {
			t.Errorf("w7_new = %v: %v\n%s", a, res.Verdict, res.Explanation)
		}
	}
	for _, a := range []float64{0.235, 0.2344, 0.23} {
		res := j.Check(mustLookup(t, j, "w7_new"), a)
		if strings.Contains(res.Explanation, "Write it as "+strconv.FormatFloat(a, 'g', -1, 64)+":") {
			t.Errorf("w7_new = %v: the advice repeats the answer\n%s", a, res.Explanation)
		}
	}
}

// TestAdviceNeverRepeatsTheAnswer: on random networks with tiny steps, no
// advice to write a new value some way writes it as the learner did.
func TestAdviceNeverRepeatsTheAnswer(t *testing.T) {
	write := regexp.MustCompile(`(Write it as|as) (-?[0-9.]+):`)
	for seed := range uint64(10) {
		n := testnet.Random(seed, testnet.Spec{Sizes: []int{2, 3, 2}, Loss: mathcore.HalfSSE, Biases: true})
		n.LearningRate = 1e-5
		j := mustJudge(t, n)
		for _, q := range j.Quantities() {
			if q.Kind != KindNew {
				continue
			}
			for _, figs := range []int{2, 3, 4, 5} {
				a, _ := numtext.Parse(numtext.FormatSig(j.Exact(q), figs))
				res := j.Check(q, a)
				for _, m := range write.FindAllStringSubmatch(res.Explanation, -1) {
					if v, err := strconv.ParseFloat(m[2], 64); err == nil && v == a {
						t.Errorf("#%d %s = %v: %q", seed, q.Name, a, res.Explanation)
					}
				}
			}
		}
	}
}

// TestExplanationsSpeakWords: a learner's explanation names no slip id and
// no file-format word; the ids stay in Diagnosis.Slip.
func TestExplanationsSpeakWords(t *testing.T) {
	banned := []string{"half_sse", "sigma", "paper_value", "Slip "}
	for _, id := range Slips {
		if strings.Contains(string(id), "_") {
			banned = append(banned, string(id))
		}
	}
	eta := regexp.MustCompile(`\beta\b`)
	for kind, ns := range judgeNetworks(1) {
		for _, n := range ns {
			j := mustJudge(t, n)
			for _, id := range tableIDs() {
				for _, c := range planters[id](n, j) {
					res := j.Check(c.q, c.answer)
					for _, w := range banned {
						if strings.Contains(res.Explanation, w) {
							t.Errorf("%s: %s = %v: %q in %q", kind, c.q.Name, c.answer, w, res.Explanation)
						}
					}
					if eta.MatchString(res.Explanation) {
						t.Errorf("%s: %s = %v: eta in %q", kind, c.q.Name, c.answer, res.Explanation)
					}
				}
			}
		}
	}
}
