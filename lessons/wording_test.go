package lessons

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// stepTitled returns the first step whose title starts with title.
func stepTitled(t *testing.T, p Page, title string) Step {
	t.Helper()
	for _, st := range p.Steps {
		if strings.HasPrefix(st.Title, title) {
			return st
		}
	}
	t.Fatalf("no step %q", title)
	return Step{}
}

// formulaLine writes a step's formula line as the screen does.
func formulaLine(st Step) string {
	var parts []string
	for _, x := range []string{st.Formula, st.Numbers, st.Result} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, " = ")
}

// An 8-layer network past MaxChainPaths names the true number of paths.
func TestChainNamesEveryPath(t *testing.T) {
	s := NewSession(variedNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.Tanh))
	text := testnet.PageText(lessonByID(t, IDChainHidden).Build(s, 80))
	for _, want := range []string{"along 2048 different paths", "There are 2048 paths"} {
		if !strings.Contains(text, want) {
			t.Errorf("chain-hidden lacks %q:\n%s", want, text)
		}
	}
	// 16 layers of 512 nodes: 512^14 paths from the first hidden layer, more than an int holds.
	sizes := make([]int, 16)
	for i := range sizes {
		sizes[i] = 512
	}
	n := &mathcore.Network{Sizes: sizes}
	c := mathcore.Chain{Layer: 1}
	c.PathCount, c.PathCountOverflow = mathcore.CountPaths(sizes, 1)
	if got, want := pathCountWords(n, c), "about 8.5·10^37"; got != want || math.Pow(512, 14) < 8.5e37 {
		t.Errorf("16 layers of 512: %q, want %q", got, want)
	}
}

// Every activation's slope reads right as formula, substitution and
// result, as its own step and as a factor of a product.
func TestActivationSlopesReadRight(t *testing.T) {
	acts := []mathcore.Activation{mathcore.Sigmoid, mathcore.Tanh, mathcore.ReLU, mathcore.Linear}
	for _, a := range acts {
		for _, sizes := range [][]int{{3, 4, 4, 2}, {3, 4, 4, 4, 4, 4, 4, 2}} {
			s := NewSession(variedNet(t, sizes, mathcore.HalfSSE, a, mathcore.ReLU, mathcore.Tanh, a))
			where := a.String() + "/" + strconv.Itoa(len(sizes)) + " layers"
			var pages []Page
			for _, p := range s.Net.Params() {
				s.Selected = p
				pages = append(pages, lessonByID(t, IDChainHidden).Build(s, 80))
			}
			pages = append(pages, lessonByID(t, IDChainOutput).Build(s, 80), lessonByID(t, IDSigmoid).Build(s, 80))
			for _, p := range pages {
				for _, st := range p.Steps {
					line := formulaLine(st)
					switch {
					case strings.Contains(st.Numbers, " if ") || strings.Contains(line, "else 0 = net"):
						t.Errorf("%s: relu's slope substituted as a condition: %q", where, line)
					case strings.Contains(line, " · 1 - "):
						t.Errorf("%s: tanh's slope without brackets in a product: %q", where, line)
					case strings.Contains(line, "else 0") && !strings.Contains(line, "because net_"):
						t.Errorf("%s: relu's slope without its reason: %q", where, line)
					case strings.HasSuffix(st.Formula, "= 1") && st.Result != "":
						t.Errorf("%s: linear slope with a result: %q", where, line)
					}
				}
			}
		}
	}
	// The report's cases, one by one.
	s := NewSession(variedNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.Tanh))
	st := stepTitled(t, lessonByID(t, IDChainHidden).Build(s, 80), "Through the activation")
	if !strings.HasSuffix(st.Formula, "· (1 - out_ha1^2)") || !strings.Contains(st.Numbers, "· (1 - ") {
		t.Errorf("tanh, layer by layer: %q", formulaLine(st))
	}
	s = NewSession(variedNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.ReLU))
	st = stepTitled(t, lessonByID(t, IDChainHidden).Build(s, 80), "Through the activation")
	if !strings.HasSuffix(st.Formula, "· dout_ha1/dnet_ha1") || !(strings.HasSuffix(st.Numbers, " · 1") ||
		strings.HasSuffix(st.Numbers, " · 0")) || !strings.Contains(st.Text[0], "net_ha1 = ") {
		t.Errorf("relu, layer by layer: %q %q", st.Text, formulaLine(st))
	}
	s = NewSession(network(t, "3-4-4-2 tanh relu"))
	st = stepTitled(t, lessonByID(t, IDSigmoid).Build(s, 80), "The slope of relu")
	if want := "dout_hb1/dnet_hb1 = 1 if net_hb1 > 0, else 0 = 1, because net_hb1 = " + netText(s, 2, 0) + " > 0"; formulaLine(st) != want {
		t.Errorf("sigmoid lesson, relu: %q, want %q", formulaLine(st), want)
	}
	s = NewSession(variedNet(t, []int{2, 3, 1}, mathcore.HalfSSE, mathcore.ReLU, mathcore.Linear))
	st = stepTitled(t, lessonByID(t, IDChainOutput).Build(s, 80), "The slope of the activation")
	if formulaLine(st) != "dout/dnet_o = 1" {
		t.Errorf("linear output: %q", formulaLine(st))
	}
}

// A network too small for a claim does not make it.
func TestSmallNetworksAreDescribedTruly(t *testing.T) {
	s := NewSession(network(t, "1-1"))
	p := lessonByID(t, IDChainHidden).Build(s, 80)
	if !strings.Contains(p.Skip, "no hidden weights") || !strings.Contains(p.Skip, "Lesson 9") {
		t.Errorf("1-1 chain-hidden: %q", p.Skip)
	}
	if s.ParamChoices() != 1 {
		t.Errorf("1-1: ParamChoices = %d", s.ParamChoices())
	}
	up := testnet.PageText(lessonByID(t, IDUpdate).Build(s, 80))
	for _, bad := range []string{"all 1 parameters", "(and bias)", "next lessons"} {
		if strings.Contains(up, bad) {
			t.Errorf("1-1 update lesson says %q", bad)
		}
	}
	if ov := testnet.PageText(lessonByID(t, IDOverview).Build(s, 80)); strings.Contains(ov, "work like hidden nodes") ||
		!strings.Contains(ov, "no hidden layer") {
		t.Errorf("1-1 overview:\n%s", ov)
	}
	// With a bias, there are two parameters to choose from, and still no hidden weight.
	n := network(t, "1-1")
	n.Biases = [][]float64{{0.5}}
	s = NewSession(n)
	p = lessonByID(t, IDChainHidden).Build(s, 80)
	if text := testnet.PageText(p); p.Skip != "" || !strings.Contains(text, "no hidden weights") || !strings.Contains(text, "Pick any other weight or bias") {
		t.Errorf("1-1 with a bias:\n%s", text)
	}
	for name, every := range map[string]string{"paper": "For every weight:", "2-2-2 biases": "For every weight and bias:"} {
		up := testnet.PageText(lessonByID(t, IDUpdate).Build(NewSession(network(t, name)), 80))
		if !strings.Contains(up, every) || strings.Contains(up, "(and bias)") {
			t.Errorf("%s: the update rule does not say %q", name, every)
		}
	}
}

// The update step says where the update is applied, in each lesson.
func TestUpdateStepWordedPerLesson(t *testing.T) {
	s := NewSession(mathcore.Paper())
	for _, l := range []Lesson{lessonByID(t, IDChainOutput), lessonByID(t, IDChainHidden), lessonByID(t, IDUpdate)} {
		p := l.Build(s, 80)
		for _, st := range p.Steps {
			if !strings.HasPrefix(st.Title, "The new ") {
				continue
			}
			text := strings.Join(st.Text, " ")
			if strings.Contains(text, "next lessons") || (l.ID == IDUpdate) == strings.Contains(text, capitalize(lessonName(IDUpdate))) {
				t.Errorf("%s: %q", l.ID, text)
			}
		}
	}
}

// dJ/dout is worded for the network's loss.
func TestLossSlopeWordedPerLoss(t *testing.T) {
	for _, tc := range []struct {
		loss    mathcore.Loss
		outputs int
		want    string
	}{
		{mathcore.HalfSSE, 1, "is minus the error y - out:"},
		{mathcore.MSE, 1, "is -2 times the error y - out:"},
		{mathcore.MSE, 2, "is -(2/2) times the error y1 - out_o1"},
	} {
		s := NewSession(variedNet(t, []int{2, 2, tc.outputs}, tc.loss, mathcore.Sigmoid))
		st := stepTitled(t, lessonByID(t, IDChainOutput).Build(s, 80), "How J reacts")
		if !strings.Contains(st.Text[0], tc.want) {
			t.Errorf("%v, %d outputs: %q", tc.loss, tc.outputs, st.Text[0])
		}
		if f := strings.SplitN(st.Formula, " = ", 2)[1]; tc.loss == mathcore.MSE && !strings.HasPrefix(f, "-2·") && !strings.HasPrefix(f, "-(2/") {
			t.Errorf("%v: formula %q", tc.loss, st.Formula)
		}
	}
}

// The matrix lesson names bias vectors apart from the single biases b1, b2.
func TestMatrixBiasVectorNames(t *testing.T) {
	s := NewSession(network(t, "2-2-2 biases"))
	p := lessonByID(t, IDMatrix).Build(s, 140)
	for i, want := range []string{"net_h = W1·i + B1", "net_o = W2·out_h + B2"} {
		if p.Steps[i].Formula != want {
			t.Errorf("step %d: %q, want %q", i+1, p.Steps[i].Formula, want)
		}
	}
	if text := testnet.PageText(p); strings.Contains(text, "+ b1") || strings.Contains(text, "+ b2") {
		t.Errorf("a bias vector is still called b1 or b2:\n%s", text)
	}
}

// Where the rounded numbers of a step miss its rounded result, the page
// says so, once a page at most.
func TestRoundingRemark(t *testing.T) {
	seen := 0
	for seed := range uint64(3) {
		for _, k := range testnet.JudgeKinds() {
			s := NewSession(testnet.Random(seed, k.Spec))
			for _, id := range []string{IDDot, IDSigmoid, IDLoss, IDChainOutput, IDChainHidden, IDUpdate} {
				got := strings.Count(testnet.PageText(lessonByID(t, id).Build(s, 80)), "(Rounded to 4 significant figures")
				if got > 1 {
					t.Errorf("%s, seed %d, %s: %d remarks", k.Name, seed, id, got)
				}
				seen += got
			}
		}
	}
	if seen == 0 {
		t.Error("no page has the rounding remark")
	}
	s := NewSession(mathcore.Paper())
	if text := testnet.PageText(lessonByID(t, IDChainOutput).Build(s, 80)); strings.Contains(text, "(Rounded to ") {
		t.Errorf("the paper's chain for w9 adds up, yet has the remark:\n%s", text)
	}
}

// The zero slopes of w7 and w8 are explained by their input i4 = 0 where
// they appear: in the table of every weight and in the chain of w7.
func TestZeroInputExplained(t *testing.T) {
	s := NewSession(mathcore.Paper())
	if text := testnet.PageText(lessonByID(t, IDUpdate).Build(s, 100)); !strings.Contains(text, "dJ/dw7 and dJ/dw8 are 0 because their input i4 is 0") {
		t.Errorf("the update table does not explain the zero slopes:\n%s", text)
	}
	for s.Net.ParamLabel(s.Selected) != "w7" {
		s.SelectParam(1)
	}
	if text := testnet.PageText(lessonByID(t, IDChainHidden).Build(s, 100)); !strings.Contains(text, "w7's input i4 is 0") {
		t.Errorf("the chain of w7 does not explain its zero slope:\n%s", text)
	}
	s = NewSession(mathcore.Paper())
	s.Change(func(n *mathcore.Network) { n.Inputs[3] = 0.2 })
	if text := testnet.PageText(lessonByID(t, IDUpdate).Build(s, 100)); strings.Contains(text, "because their input") {
		t.Errorf("with i4 = 0.2 the update table still explains zero slopes:\n%s", text)
	}
}

// Once edited, the paper's network says it is edited from the paper's
// example and drops the note on the paper's numbers; back at the paper's
// values it is the paper's again.
func TestEditedPaperIsNamedSo(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.Change(func(n *mathcore.Network) { n.Weights[1][0][1] = 0.5 })
	text := testnet.PageText(lessonByID(t, IDOverview).Build(s, 100))
	if !strings.Contains(text, EditedPaperName) || strings.Contains(text, "The paper's 4-2-1") || strings.Contains(text, "0.64") {
		t.Errorf("an edited paper network still claims the paper's numbers:\n%s", text)
	}
	if s.Net.Name != EditedPaperName || s.Net.Notes != "" {
		t.Errorf("the network saved would be named %q with notes %q", s.Net.Name, s.Net.Notes)
	}
	s.Change(func(n *mathcore.Network) { n.Weights[1][0][1] = 0.4 })
	if p := mathcore.Paper(); s.Net.Name != p.Name || s.Net.Notes != p.Notes {
		t.Errorf("back at the paper's values: %q, %q", s.Net.Name, s.Net.Notes)
	}
}

// A target a sigmoid (or tanh) output cannot reach is named, with the
// smallest loss training can then reach, instead of a promise to close
// the gap.
func TestUnreachableTarget(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.Change(func(n *mathcore.Network) { n.Targets[0] = 1.5 })
	text := testnet.PageText(lessonByID(t, IDLoss).Build(s, 100))
	if strings.Contains(text, "close that gap") || !strings.Contains(text, "at best come down to 0.1250") {
		t.Errorf("target 1.5 on a sigmoid output:\n%s", text)
	}
	s.TrainToEnd()
	if text := testnet.PageText(lessonByID(t, IDTraining).Build(s, 100)); !strings.Contains(text, "never go below 0.1250") {
		t.Errorf("training toward 1.5 does not say the loss cannot reach 0:\n%s", text)
	}
	s = NewSession(network(t, "2-2-2 biases"))
	if text := testnet.PageText(lessonByID(t, IDLoss).Build(s, 100)); !strings.Contains(text, "close that gap") {
		t.Errorf("reachable targets lost the promise:\n%s", text)
	}
}

// At 1 figure, notes on the paper keep enough figures to stand beside the
// paper's own, and the sign sentence agrees with the number beside it.
func TestPaperNotesAtOneFigure(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.Digits = 1
	text := testnet.PageText(lessonByID(t, IDChainOutput).Build(s, 100))
	if !strings.Contains(text, "(-0.36)·0.2306·0.407 = -0.03379") || !strings.Contains(text, "\n-0.05\n") {
		t.Errorf("at 1 figure the chain for w9 reads:\n%s", text)
	}
	if text := testnet.PageText(lessonByID(t, IDSigmoid).Build(s, 100)); !strings.Contains(text, "above one half, so 0.5440 is right") {
		t.Errorf("at 1 figure the sigmoid note reads:\n%s", text)
	}
}
