package lessons

import (
	"strconv"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

var learningIDs = []string{IDPartial, IDDescent, IDChainOutput, IDChainHidden, IDBackward, IDUpdate, IDTraining, IDSlips, IDMatrix}

func TestBackpropLessonsBuildForEveryNetwork(t *testing.T) {
	for _, name := range learningNetNames {
		for _, id := range learningIDs {
			for _, width := range []int{60, 80, 140, 200} {
				s := NewSession(network(t, name))
				l := lessonByID(t, id)
				where := name + "/" + id + "/" + strconv.Itoa(width)
				checkPage(t, where, l.Build(s, width), width)
				// The states the keys reach: a selection, an update, a training run.
				s.SelectParam(1)
				s.SelectSlip(3)
				s.MovePoint(-9, -9)
				s.ApplyUpdate()
				s.StartTraining()
				for range 3 {
					s.TrainTick()
				}
				checkPage(t, where+" after keys", l.Build(s, width), width)
			}
		}
	}
}

func TestBackpropOrder(t *testing.T) {
	var got []string
	for _, l := range All()[6 : 6+len(learningIDs)] {
		got = append(got, l.ID)
		if l.Title == "" || l.Summary == "" || l.Build == nil {
			t.Errorf("lesson %q is incomplete", l.ID)
		}
	}
	if strings.Join(got, " ") != strings.Join(learningIDs, " ") {
		t.Errorf("backprop lessons = %v, want %v", got, learningIDs)
	}
}

func TestUpdateRoundTrip(t *testing.T) {
	for _, name := range learningNetNames {
		s := NewSession(network(t, name))
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
	p := lessonByID(t, IDUpdate).Build(s, 80)
	if !hasResult(p, "w9_new", "0.6246▲") && !hasResult(p, "w9_new", "0.6246") {
		t.Error("update lesson with η = 0.5 does not show w9_new = 0.6246")
	}
	s.ApplyUpdate()
	p = lessonByID(t, IDUpdate).Build(s, 80)
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
	for _, name := range learningNetNames {
		s := NewSession(network(t, name))
		s.ToggleTraining()
		for k := 0; k < TrainLimit+10 && !s.Training.Done(); k++ {
			s.TrainTick()
		}
		if !s.Training.Done() || s.Training.Running {
			t.Errorf("%s: training not done after the limit (steps %d)", name, s.Training.Steps())
		}
		p := lessonByID(t, IDTraining).Build(s, 80)
		checkPage(t, name+"/training done", p, 80)
		if countBlocks(p, Heading, "Done after") != 1 {
			t.Errorf("%s: done training page lacks its heading", name)
		}
	}
}

func TestDescentStopsAtDivergenceAndConvergence(t *testing.T) {
	s := NewSession(mathcore.Paper())
	for s.ScaleEta(1) {
	}
	s.RunDescent()
	p := lessonByID(t, IDDescent).Build(s, 80)
	last := p.Steps[len(p.Steps)-1]
	if last.Title != "Diverged" {
		t.Errorf("largest η: last step %q, want Diverged", last.Title)
	}
	checkPage(t, "descent diverged", p, 80)
	for s.ScaleEta(-1) {
	}
	s.RunDescent()
	p = lessonByID(t, IDDescent).Build(s, 80)
	if last := p.Steps[len(p.Steps)-1]; s.Descent.Taken != descentMaxSteps || !strings.Contains(last.Text[0], "crawling") {
		t.Errorf("smallest η: %d steps, last %q", s.Descent.Taken, last.Text)
	}
	s.Descent = newDescentState()
	s.RunDescent()
	p = lessonByID(t, IDDescent).Build(s, 80)
	if last := p.Steps[len(p.Steps)-1]; last.Title != "Converged" || !strings.Contains(last.Text[0], "less than 0.00005") {
		t.Errorf("default η: last step %q, want Converged by the stop rule", last.Title)
	}
	// Stepping: one step at a time, up to the end and no further; running
	// again at the end starts over.
	s.Descent = newDescentState()
	s.StepDescent()
	s.StepDescent()
	if s.Descent.Taken != 2 {
		t.Errorf("two steps: %d taken", s.Descent.Taken)
	}
	if text := testnet.PageText(lessonByID(t, IDDescent).Build(s, 80)); !strings.Contains(text, "2 steps taken") {
		t.Errorf("after two steps the page does not say so:\n%s", text)
	}
	s.RunDescent()
	end := s.Descent.Taken
	s.StepDescent()
	if s.Descent.Taken != end {
		t.Errorf("a step past the end: %d, want %d", s.Descent.Taken, end)
	}
	s.RunDescent()
	if s.Descent.Taken != 0 {
		t.Errorf("running again at the end: %d taken, want 0", s.Descent.Taken)
	}
	for i := range len(descentEtas) {
		s.Descent.EtaIndex = i
		for _, w0 := range []float64{-2.5, -1, 0.17, 1, 2, 2.5} {
			s.Descent.Start = w0
			s.Descent.Taken = descentMaxSteps
			checkPage(t, "descent", lessonByID(t, IDDescent).Build(s, 60), 60)
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
	p := lessonByID(t, IDSlips).Build(s, 80)
	if marked := countBlocks(p, Figure, "▶"); marked != 1 {
		t.Errorf("%d slips marked with ▶, want 1", marked)
	}
}

func TestBackpropLessonsFitAtEveryPrecision(t *testing.T) {
	for _, name := range learningNetNames {
		for _, digits := range []int{1, 10} {
			s := NewSession(network(t, name))
			s.Digits = digits
			s.StartTraining()
			for range 5 {
				s.TrainTick()
			}
			for _, id := range learningIDs {
				checkPage(t, name+"/"+id+"/digits "+strconv.Itoa(digits), lessonByID(t, id).Build(s, 60), 60)
			}
		}
	}
}

func BenchmarkBackpropBuild(b *testing.B) {
	s := NewSession(mathcore.Paper())
	for _, id := range learningIDs {
		l := lessonByID(b, id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Build(s, 80)
			}
		})
	}
}

// countBlocks counts the blocks of p's intro of the given kind whose first
// line starts with prefix.
func countBlocks(p Page, kind BlockKind, prefix string) int {
	n := 0
	for _, b := range p.Intro {
		if b.Kind == kind && strings.HasPrefix(b.Lines[0], prefix) {
			n++
		}
	}
	return n
}
