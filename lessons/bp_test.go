package lessons

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nnmath/mathcore"
)

// bpNets are the networks every backprop lesson must build for.
var bpNets = map[string]string{
	"2-2-2 biases": `{"layers":[2,2,2],"weights":[[[0.15,0.2],[0.25,0.3]],[[0.4,0.45],[0.5,0.55]]],
		"biases":[[0.35,0.35],[0.6,0.6]],"inputs":[0.05,0.1],"targets":[0.01,0.99],"learning_rate":0.5}`,
	"3-4-4-2 tanh relu": `{"layers":[3,4,4,2],"activation":["tanh","relu","sigmoid"],
		"weights":[[[0.1,-0.2,0.3],[0.4,0.5,-0.6],[-0.7,0.8,0.9],[0.15,0.25,-0.35]],
		[[0.2,0.1,-0.1,0.3],[-0.2,0.4,0.5,0.1],[0.3,-0.3,0.2,0.6],[0.1,0.2,0.3,0.4]],
		[[0.5,-0.4,0.3,0.2],[-0.1,0.2,0.6,-0.5]]],
		"inputs":[1,0.5,-0.5],"targets":[1,0],"loss":"mse"}`,
	"1-1": `{"layers":[1,1],"weights":[[[2]]],"inputs":[1],"targets":[0]}`,
}

// bpNetwork returns the named test network, or the paper's for "paper".
func bpNetwork(t testing.TB, name string) *mathcore.Network {
	t.Helper()
	switch name {
	case "paper":
		return mathcore.Paper()
	case "64-16-1":
		return bpBig()
	}
	n, err := mathcore.ParseNetwork([]byte(bpNets[name]))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

// bpBig returns a 64-16-1 network with small varied weights.
func bpBig() *mathcore.Network {
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

var bpNetNames = []string{"paper", "2-2-2 biases", "3-4-4-2 tanh relu", "64-16-1", "1-1"}

var bpIDs = []string{"partial", "descent", "chain-output", "chain-hidden", "update", "training", "slips", "matrix"}

// lessonByID returns the lesson with the given ID, or no lesson.
func lessonByID(id string) Lesson {
	all := All()
	i, ok := Find(all, id)
	if !ok {
		return Lesson{}
	}
	return all[i]
}

// bpLesson returns the lesson with the given ID.
func bpLesson(t testing.TB, id string) Lesson {
	t.Helper()
	for _, l := range All() {
		if l.ID == id {
			return l
		}
	}
	t.Fatalf("no lesson %q", id)
	return Lesson{}
}

// bpLines returns every line of a page as the tui could show it: figures
// and asides as they are, and the prose and formulas for the NaN check.
func bpLines(p Page) (figures, text []string) {
	for _, b := range p.Intro {
		if b.Kind == Figure {
			figures = append(figures, b.Lines...)
		} else {
			text = append(text, b.Lines...)
		}
	}
	figures = append(figures, p.Aside...)
	for _, st := range p.Steps {
		figures = append(figures, st.Figure...)
		text = append(text, st.Title, st.Formula, st.Numbers, st.Result, st.Note)
		text = append(text, st.Text...)
		text = append(text, st.After...)
	}
	text = append(text, p.Skip)
	return figures, text
}

// bpCheckPage fails when a figure line is wider than width or any text
// shows NaN or Inf.
func bpCheckPage(t *testing.T, where string, p Page, width int) {
	t.Helper()
	figs, text := bpLines(p)
	for _, l := range figs {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s: figure line %d wide > %d: %q", where, w, width, l)
		}
	}
	for _, l := range append(figs, text...) {
		if strings.Contains(l, "NaN") || strings.Contains(l, "Inf") || strings.Contains(l, "undefined") || strings.Contains(l, "overflow") {
			t.Errorf("%s: non-finite number in %q", where, l)
		}
	}
}

func TestBackpropLessonsBuildForEveryNetwork(t *testing.T) {
	for _, name := range bpNetNames {
		for _, id := range bpIDs {
			for _, width := range []int{60, 80, 140, 200} {
				s := NewSession(bpNetwork(t, name))
				l := bpLesson(t, id)
				where := name + "/" + id + "/" + strconv.Itoa(width)
				bpCheckPage(t, where, l.Build(s, width), width)
				// The states the keys reach: a selection, an update, a training run.
				s.SelectParam(1)
				s.SelectSlip(3)
				s.MovePoint(-9, -9)
				s.ApplyUpdate()
				s.StartTraining()
				for range 3 {
					s.TrainTick()
				}
				bpCheckPage(t, where+" after keys", l.Build(s, width), width)
			}
		}
	}
}

func TestBackpropOrder(t *testing.T) {
	var got []string
	for _, l := range All()[6:] {
		got = append(got, l.ID)
		if l.Title == "" || l.Summary == "" || l.Build == nil {
			t.Errorf("lesson %q is incomplete", l.ID)
		}
	}
	if strings.Join(got, " ") != strings.Join(bpIDs, " ") {
		t.Errorf("backprop lessons = %v, want %v", got, bpIDs)
	}
}

// bpHas reports whether some step's formula line reads "name = ... = want".
func bpHas(p Page, name, want string) bool {
	for _, st := range p.Steps {
		if strings.HasPrefix(st.Formula, name+" = ") && st.Result == want {
			return true
		}
	}
	return false
}

func TestChainOutputShowsExactGradient(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w9, _ := s.Net.ParamByLabel("w9")
	p := bpLesson(t, "chain-output").Build(s, 80)
	if want := s.F(s.Trace.Gradient(w9)); !bpHas(p, "dJ/dw9", want) || want != "-0.0493" {
		t.Errorf("chain-output does not show dJ/dw9 = %s", want)
	}
	if !bpNoteHas(p, "-0.033") {
		t.Error("chain-output lacks the paper's -0.033 note")
	}
	// The paper's shape with other values: the slips in formulas stay, the
	// paper's printed numbers go.
	s.Change(func(n *mathcore.Network) { n.Weights[1][0][0] = 0.7 })
	p = bpLesson(t, "chain-output").Build(s, 80)
	for _, printed := range []string{"0.64", "-0.36", "0.2306", "0.2304", "0.407", "-0.033", "0.603"} {
		if bpNoteHas(p, printed) {
			t.Errorf("edited network: a note quotes the paper's %s", printed)
		}
	}
	for _, slip := range []string{"1/2·(y - out)^2", "e^x/(1 + e^x)", "net_h1 and net_h2"} {
		if !bpNoteHas(p, slip) {
			t.Errorf("edited network of the paper's shape: the note on %q is gone", slip)
		}
	}
	// Another shape: no notes.
	s = NewSession(bpNetwork(t, "2-2-2 biases"))
	for _, id := range []string{"chain-output", "chain-hidden", "update", "sigmoid", "loss"} {
		if bpNoteHas(bpLesson(t, id).Build(s, 80), "") {
			t.Errorf("%s: notes shown for a network that is not the paper's shape", id)
		}
	}
}

func bpNoteHas(p Page, sub string) bool {
	for _, st := range p.Steps {
		if st.Note != "" && strings.Contains(st.Note, sub) {
			return true
		}
	}
	return false
}

func TestChainHiddenShowsSelectedGradient(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w1 := mathcore.Param{}
	p := bpLesson(t, "chain-hidden").Build(s, 80)
	if want := s.F(s.Trace.Gradient(w1)); !bpHas(p, "dJ/dw1", want) || want != "-0.0060" {
		t.Errorf("chain-hidden does not show dJ/dw1 = %s", want)
	}
	if !bpNoteHas(p, "-1") {
		t.Error("chain-hidden lacks the paper's dJ/dout = -1 note")
	}
	s.SelectParam(1) // w2
	w2, _ := s.Net.ParamByLabel("w2")
	p = bpLesson(t, "chain-hidden").Build(s, 80)
	if want := s.F(s.Trace.Gradient(w2)); !bpHas(p, "dJ/dw2", want) {
		t.Errorf("after SelectParam chain-hidden does not show dJ/dw2 = %s", want)
	}
	// Several paths: the sum over paths; every parameter of every network.
	for _, name := range bpNetNames {
		s := NewSession(bpNetwork(t, name))
		for range s.Net.Params() {
			p := bpLesson(t, "chain-hidden").Build(s, 80)
			sel := s.selected()
			if p.Skip != "" {
				if s.ParamChoices() != 1 || s.Net.Layers() != 2 || !strings.Contains(strings.ToLower(p.Skip), "lesson 9") {
					t.Errorf("%s: chain-hidden skipped: %q", name, p.Skip)
				}
				continue
			}
			if want := s.F(s.Trace.Gradient(sel)); !bpHas(p, "dJ/d"+s.Net.ParamLabel(sel), want) {
				t.Errorf("%s: chain for %s does not end in %s", name, s.Net.ParamLabel(sel), want)
			}
			s.SelectParam(1)
		}
	}
}

func TestChainLayerByLayerBeyondMaxPaths(t *testing.T) {
	// 2-9-9-2: w1 has 9·2 = 18 paths; 2-8-8-8-2 has 8·8·2 = 128 > MaxChainPaths.
	sizes := []int{2, 8, 8, 8, 2}
	n := &mathcore.Network{Sizes: sizes, Loss: mathcore.HalfSSE, Inputs: []float64{0.3, 0.7}, Targets: []float64{1, 0}, LearningRate: 0.1}
	for l := 0; l+1 < len(sizes); l++ {
		n.Activations = append(n.Activations, mathcore.Sigmoid)
		m := make([][]float64, sizes[l+1])
		for j := range m {
			m[j] = make([]float64, sizes[l])
			for i := range m[j] {
				m[j][i] = float64((i+2*j+l)%7-3) / 10
			}
		}
		n.Weights = append(n.Weights, m)
	}
	s := NewSession(n)
	p := bpLesson(t, "chain-hidden").Build(s, 80)
	if want := s.F(s.Trace.Gradient(mathcore.Param{})); !bpHas(p, "dJ/dw1", want) {
		t.Errorf("layer-by-layer chain does not end in dJ/dw1 = %s", want)
	}
	bpCheckPage(t, "2-8-8-8-2", p, 80)
}

func TestUpdateRoundTrip(t *testing.T) {
	for _, name := range bpNetNames {
		s := NewSession(bpNetwork(t, name))
		before := s.Net.Clone()
		s.ApplyUpdate()
		s.ApplyUpdate()
		if s.Updates.Steps() != 2 {
			t.Fatalf("%s: Steps = %d after two updates", name, s.Updates.Steps())
		}
		s.UndoUpdate()
		s.UndoUpdate()
		if s.UndoUpdate() {
			t.Errorf("%s: UndoUpdate with nothing to undo reported true", name)
		}
		for _, p := range before.Params() {
			if s.Net.Value(p) != before.Value(p) {
				t.Errorf("%s: %s = %v after undo, want %v", name, s.Net.ParamLabel(p), s.Net.Value(p), before.Value(p))
			}
		}
	}
}

func TestUpdateShowsStepCountAndNewW9(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.Change(func(n *mathcore.Network) { n.LearningRate = 0.5 })
	p := bpLesson(t, "update").Build(s, 80)
	if !bpHas(p, "w9_new", "0.6246▲") && !bpHas(p, "w9_new", "0.6246") {
		t.Error("update lesson with η = 0.5 does not show w9_new = 0.6246")
	}
	s.ApplyUpdate()
	p = bpLesson(t, "update").Build(s, 80)
	found := false
	for _, b := range p.Intro {
		for _, l := range b.Lines {
			found = found || strings.Contains(l, "Steps applied so far: 1")
		}
	}
	if !found {
		t.Error("update lesson does not count the applied step")
	}
}

func TestTrainingReachesDone(t *testing.T) {
	for _, name := range bpNetNames {
		s := NewSession(bpNetwork(t, name))
		s.ToggleTraining()
		for k := 0; k < TrainLimit+10 && !s.Training.Done(); k++ {
			s.TrainTick()
		}
		if !s.Training.Done() || s.Training.Running {
			t.Errorf("%s: training not done after the limit (steps %d)", name, s.Training.Steps())
		}
		p := bpLesson(t, "training").Build(s, 80)
		bpCheckPage(t, name+"/training done", p, 80)
		heads := 0
		for _, b := range p.Intro {
			if b.Kind == Heading && strings.HasPrefix(b.Lines[0], "Done after") {
				heads++
			}
		}
		if heads != 1 {
			t.Errorf("%s: done training page lacks its heading", name)
		}
	}
}

func TestDescentStopsAtDivergenceAndConvergence(t *testing.T) {
	s := NewSession(mathcore.Paper())
	for s.ScaleEta(1) {
	}
	p := bpLesson(t, "descent").Build(s, 80)
	last := p.Steps[len(p.Steps)-1]
	if last.Title != "Diverged" {
		t.Errorf("largest η: last step %q, want Diverged", last.Title)
	}
	bpCheckPage(t, "descent diverged", p, 80)
	for s.ScaleEta(-1) {
	}
	p = bpLesson(t, "descent").Build(s, 80)
	if n := len(p.Steps); n != descentMaxSteps+1 || !strings.Contains(p.Steps[n-1].Text[0], "crawling") {
		t.Errorf("smallest η: %d steps, last %q", n, p.Steps[n-1].Title)
	}
	s.Descent = newDescentState()
	p = bpLesson(t, "descent").Build(s, 80)
	if last := p.Steps[len(p.Steps)-1]; last.Title != "Converged" {
		t.Errorf("default η: last step %q, want Converged", last.Title)
	}
	for i := range len(descentEtas) {
		s.Descent.EtaIndex = i
		for _, w0 := range []float64{-2.5, -1, 0.17, 1, 2, 2.5} {
			s.Descent.Start = w0
			bpCheckPage(t, "descent", bpLesson(t, "descent").Build(s, 60), 60)
		}
	}
}

func TestSlipSelection(t *testing.T) {
	ids := map[string]bool{}
	for _, l := range All() {
		ids[l.ID] = true
	}
	s := NewSession(mathcore.Paper())
	for k := range 2 * len(slipLessonIDs) {
		if !ids[s.SlipLesson()] {
			t.Errorf("slip %d opens %q, which is no lesson", s.Slip, s.SlipLesson())
		}
		if s.Slip != k%len(slipLessonIDs) {
			t.Errorf("Slip = %d after %d moves", s.Slip, k)
		}
		s.SelectSlip(1)
	}
	s.Slip = 0
	s.SelectSlip(-1)
	if s.Slip != len(slipLessonIDs)-1 {
		t.Errorf("SelectSlip(-1) from the first = %d, want the last", s.Slip)
	}
	if got := len(paperSlips(s)); got != len(slipLessonIDs) {
		t.Errorf("%d slips, %d lesson IDs", got, len(slipLessonIDs))
	}
	p := bpLesson(t, "slips").Build(s, 80)
	marked := 0
	for _, b := range p.Intro {
		if b.Kind == Figure && strings.HasPrefix(b.Lines[0], "▶") {
			marked++
		}
	}
	if marked != 1 {
		t.Errorf("%d slips marked with ▶, want 1", marked)
	}
}

func TestBackpropLessonsFitAtEveryPrecision(t *testing.T) {
	for _, name := range bpNetNames {
		for _, digits := range []int{1, 10} {
			s := NewSession(bpNetwork(t, name))
			s.Digits = digits
			s.StartTraining()
			for range 5 {
				s.TrainTick()
			}
			for _, id := range bpIDs {
				bpCheckPage(t, name+"/"+id+"/digits "+strconv.Itoa(digits), bpLesson(t, id).Build(s, 60), 60)
			}
		}
	}
}

func BenchmarkBackpropBuild(b *testing.B) {
	s := NewSession(mathcore.Paper())
	for _, id := range bpIDs {
		l := bpLesson(b, id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Build(s, 80)
			}
		})
	}
}
