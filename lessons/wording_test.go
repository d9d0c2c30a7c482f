package lessons

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"nnmath/mathcore"
)

// wordNet returns a network with every weight layer of the given sizes
// filled with small varied weights and the given activation(s).
func wordNet(t *testing.T, sizes []int, loss mathcore.Loss, acts ...mathcore.Activation) *mathcore.Network {
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

// wordText returns all the text of a page, one line per piece.
func wordText(p Page) string {
	var b strings.Builder
	for _, l := range markLines(p) {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	b.WriteString(p.Skip)
	return b.String()
}

// wordStep returns the first step whose title starts with title.
func wordStep(t *testing.T, p Page, title string) Step {
	t.Helper()
	for _, st := range p.Steps {
		if strings.HasPrefix(st.Title, title) {
			return st
		}
	}
	t.Fatalf("no step %q", title)
	return Step{}
}

// wordLine writes a step's formula line as the screen does.
func wordLine(st Step) string {
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
	s := NewSession(wordNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.Tanh))
	text := wordText(lessonByID(IDChainHidden).Build(s, 80))
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
			s := NewSession(wordNet(t, sizes, mathcore.HalfSSE, a, mathcore.ReLU, mathcore.Tanh, a))
			where := a.String() + "/" + strconv.Itoa(len(sizes)) + " layers"
			var pages []Page
			for _, p := range s.Net.Params() {
				s.Selected = p
				pages = append(pages, lessonByID(IDChainHidden).Build(s, 80))
			}
			pages = append(pages, lessonByID(IDChainOutput).Build(s, 80), lessonByID(IDSigmoid).Build(s, 80))
			for _, p := range pages {
				for _, st := range p.Steps {
					line := wordLine(st)
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
	s := NewSession(wordNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.Tanh))
	st := wordStep(t, lessonByID(IDChainHidden).Build(s, 80), "Through the activation")
	if !strings.HasSuffix(st.Formula, "· (1 - out_ha1^2)") || !strings.Contains(st.Numbers, "· (1 - ") {
		t.Errorf("tanh, layer by layer: %q", wordLine(st))
	}
	s = NewSession(wordNet(t, []int{3, 4, 4, 4, 4, 4, 4, 2}, mathcore.HalfSSE, mathcore.ReLU))
	st = wordStep(t, lessonByID(IDChainHidden).Build(s, 80), "Through the activation")
	if !strings.HasSuffix(st.Formula, "· dout_ha1/dnet_ha1") || !(strings.HasSuffix(st.Numbers, " · 1") ||
		strings.HasSuffix(st.Numbers, " · 0")) || !strings.Contains(st.Text[0], "net_ha1 = ") {
		t.Errorf("relu, layer by layer: %q %q", st.Text, wordLine(st))
	}
	s = NewSession(bpNetwork(t, "3-4-4-2 tanh relu"))
	st = wordStep(t, lessonByID(IDSigmoid).Build(s, 80), "The slope of relu")
	if want := "dout_hb1/dnet_hb1 = 1 if net_hb1 > 0, else 0 = 1, because net_hb1 = " + netText(s, 2, 0) + " > 0"; wordLine(st) != want {
		t.Errorf("sigmoid lesson, relu: %q, want %q", wordLine(st), want)
	}
	s = NewSession(wordNet(t, []int{2, 3, 1}, mathcore.HalfSSE, mathcore.ReLU, mathcore.Linear))
	st = wordStep(t, lessonByID(IDChainOutput).Build(s, 80), "The slope of the activation")
	if wordLine(st) != "dout/dnet_o = 1" {
		t.Errorf("linear output: %q", wordLine(st))
	}
}

// A network too small for a claim does not make it.
func TestSmallNetworksAreDescribedTruly(t *testing.T) {
	s := NewSession(bpNetwork(t, "1-1"))
	p := lessonByID(IDChainHidden).Build(s, 80)
	if !strings.Contains(p.Skip, "no hidden weights") || !strings.Contains(p.Skip, "Lesson 9") {
		t.Errorf("1-1 chain-hidden: %q", p.Skip)
	}
	if s.ParamChoices() != 1 {
		t.Errorf("1-1: ParamChoices = %d", s.ParamChoices())
	}
	up := wordText(lessonByID(IDUpdate).Build(s, 80))
	for _, bad := range []string{"all 1 parameters", "(and bias)", "next lessons"} {
		if strings.Contains(up, bad) {
			t.Errorf("1-1 update lesson says %q", bad)
		}
	}
	if ov := wordText(lessonByID(IDOverview).Build(s, 80)); strings.Contains(ov, "work like hidden nodes") ||
		!strings.Contains(ov, "no hidden layer") {
		t.Errorf("1-1 overview:\n%s", ov)
	}
	// With a bias, there are two parameters to choose from, and still no hidden weight.
	n := bpNetwork(t, "1-1")
	n.Biases = [][]float64{{0.5}}
	s = NewSession(n)
	p = lessonByID(IDChainHidden).Build(s, 80)
	if text := wordText(p); p.Skip != "" || !strings.Contains(text, "no hidden weights") || !strings.Contains(text, "Pick any other weight or bias") {
		t.Errorf("1-1 with a bias:\n%s", text)
	}
	for name, every := range map[string]string{"paper": "For every weight:", "2-2-2 biases": "For every weight and bias:"} {
		up := wordText(lessonByID(IDUpdate).Build(NewSession(bpNetwork(t, name)), 80))
		if !strings.Contains(up, every) || strings.Contains(up, "(and bias)") {
			t.Errorf("%s: the update rule does not say %q", name, every)
		}
	}
}

// The update step says where the update is applied, in each lesson.
func TestUpdateStepWordedPerLesson(t *testing.T) {
	s := NewSession(mathcore.Paper())
	for _, l := range []Lesson{lessonByID(IDChainOutput), lessonByID(IDChainHidden), lessonByID(IDUpdate)} {
		p := l.Build(s, 80)
		for _, st := range p.Steps {
			if !strings.HasPrefix(st.Title, "The new ") {
				continue
			}
			text := strings.Join(st.Text, " ")
			if strings.Contains(text, "next lessons") || (l.ID == "update") == strings.Contains(text, "Lesson 11") {
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
		s := NewSession(wordNet(t, []int{2, 2, tc.outputs}, tc.loss, mathcore.Sigmoid))
		st := wordStep(t, lessonByID(IDChainOutput).Build(s, 80), "How J reacts")
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
	s := NewSession(bpNetwork(t, "2-2-2 biases"))
	p := lessonByID(IDMatrix).Build(s, 140)
	for i, want := range []string{"net_h = W1·i + B1", "net_o = W2·out_h + B2"} {
		if p.Steps[i].Formula != want {
			t.Errorf("step %d: %q, want %q", i+1, p.Steps[i].Formula, want)
		}
	}
	if text := wordText(p); strings.Contains(text, "+ b1") || strings.Contains(text, "+ b2") {
		t.Errorf("a bias vector is still called b1 or b2:\n%s", text)
	}
}

// Where the rounded numbers of a sum miss its rounded result, the page says
// so once; with enough decimals it does not.
func TestRoundingRemark(t *testing.T) {
	s := NewSession(bpNetwork(t, "2-2-2 biases"))
	count := func() int { return strings.Count(wordText(lessonByID(IDChainHidden).Build(s, 80)), "(Rounded to ") }
	st := wordStep(t, lessonByID(IDChainHidden).Build(s, 80), "Add the paths")
	if got := count(); got != 1 || !strings.HasPrefix(st.After[0], "(Rounded to 4 decimals") {
		t.Errorf("2-2-2, dJ/dw1 = %s = %s: %d remarks, after %q", st.Numbers, st.Result, got, st.After)
	}
	s.Digits = 10
	if got := count(); got != 0 {
		t.Errorf("2-2-2 at 10 decimals: %d remarks", got)
	}
	s = NewSession(mathcore.Paper())
	if text := wordText(lessonByID(IDChainOutput).Build(s, 80)); strings.Contains(text, "(Rounded to ") {
		t.Errorf("the paper's chain for w9 adds up, yet has the remark:\n%s", text)
	}
}
