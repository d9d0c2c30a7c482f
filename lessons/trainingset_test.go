package lessons

import (
	"math"
	"testing"

	"nnmath/mathcore"
)

// Trained on the set of drawings, the paper's network answers a 4 it never
// saw above 0.5 and a drawing that is not a 4 below it.
func TestSetTrainingLearnsFours(t *testing.T) {
	s := NewSession(mathcore.Paper())
	if !s.TrainsOnSet() {
		t.Fatal("the paper's network does not train on the set")
	}
	s.TrainToEnd()
	tr := mathcore.NewTrace(s.Training.Net)
	for _, d := range UnseenDrawings() {
		tr.LossFor(s.Training.Net, d.Pixels[:], []float64{d.Target})
		out := tr.Outputs()[0]
		if (out > 0.5) != (d.Target == 1) {
			t.Errorf("unseen drawing %v (target %v): output %v", d.Pixels, d.Target, out)
		}
	}
	for i, d := range s.Training.Set {
		tr.LossFor(s.Training.Net, d.Pixels[:], []float64{d.Target})
		if out := tr.Outputs()[0]; (out > 0.5) != (d.Target == 1) {
			t.Errorf("drawing %d (target %v): output %v after training", i+1, d.Target, out)
		}
	}
}

// The run takes the drawings in turn, one step each, and its loss is J
// averaged over the set: the same as mathcore.Train on the set's samples.
func TestSetTrainingStepsInTurn(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.StartTraining()
	s.Training.SpeedIndex = -trainDefaultSpeed // one step per tick
	k := len(s.Training.Set) + 2
	for range k {
		s.TrainTick()
	}
	want := mathcore.Paper()
	var samples []mathcore.Sample
	sum := 0.0
	tr := mathcore.NewTrace(want)
	for _, d := range s.Training.Set {
		samples = append(samples, mathcore.Sample{Inputs: d.Pixels[:], Targets: []float64{d.Target}})
		sum += tr.LossFor(want, d.Pixels[:], []float64{d.Target})
	}
	if got := s.Training.Losses[0]; math.Abs(got-sum/float64(len(samples))) > 1e-15 {
		t.Errorf("starting loss %v, want the average %v", got, sum/float64(len(samples)))
	}
	losses, err := mathcore.Train(want, tr, samples, k, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range want.Params() {
		if got := s.Training.Net.Value(p); got != want.Value(p) {
			t.Errorf("%s = %v after %d steps, want %v", want.ParamLabel(p), got, k, want.Value(p))
		}
	}
	if got := s.Training.Losses[k]; got != losses[k-1] {
		t.Errorf("loss after %d steps %v, want %v", k, got, losses[k-1])
	}
	if got := len(s.Training.Outputs[0]); got != k+1 {
		t.Errorf("%d outputs recorded for drawing 1, want %d", got, k+1)
	}
}

// The set is edited pixel by pixel and target by target, keeps 2 to
// MaxDrawings drawings, and an edit drops the run.
func TestEditSet(t *testing.T) {
	s := NewSession(mathcore.Paper())
	s.StartTraining()
	s.SelectDrawing(-1) // wraps to the last
	if last := len(s.Training.Set) - 1; s.Training.Pick != last {
		t.Fatalf("pick %d, want %d", s.Training.Pick, last)
	}
	s.SelectDrawingPixel(-1) // wraps to the fourth pixel
	before := s.Training.Set[s.Training.Pick].Pixels[3]
	s.ShadeDrawingPixel()
	if after := s.Training.Set[s.Training.Pick].Pixels[3]; after != 1 || before != 0.9 {
		t.Errorf("shading 0.9 gave %v, want 1", after)
	}
	if s.Training.Net != nil {
		t.Error("an edit kept the run of the old set")
	}
	s.ShadeDrawingPixel()
	if got := s.Training.Set[s.Training.Pick].Pixels[3]; got != 0 {
		t.Errorf("shading black gave %v, want white 0", got)
	}
	s.ToggleDrawingTarget()
	if got := s.Training.Set[s.Training.Pick].Target; got != 1 {
		t.Errorf("flipped target %v, want 1", got)
	}
	for s.AddDrawing() {
	}
	if len(s.Training.Set) != MaxDrawings {
		t.Errorf("%d drawings after adding, want at most %d", len(s.Training.Set), MaxDrawings)
	}
	for s.RemoveDrawing() {
	}
	if len(s.Training.Set) != 2 {
		t.Errorf("%d drawings after removing, want at least 2", len(s.Training.Set))
	}
	if err := s.Do(RemoveDrawing, 0); err == nil {
		t.Error("removing below two drawings is not refused")
	}
}

// The trained weights go into the session with one action; r restores the start.
func TestKeepTrained(t *testing.T) {
	s := NewSession(mathcore.Paper())
	if err := s.Do(KeepTrained, 0); err == nil {
		t.Error("keeping weights before any run is not refused")
	}
	s.TrainToEnd()
	if err := s.Do(KeepTrained, 0); err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Net.Params() {
		if s.Net.Value(p) != s.Training.Net.Value(p) {
			t.Fatalf("%s not taken from the trained network", s.Net.ParamLabel(p))
		}
	}
	if s.markOf(func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Weights[1][0][0] }) == "" {
		t.Error("the kept weights are not marked as changed")
	}
	s.Do(RestoreStart, 0)
	if !mathcore.IsPaper(s.Net) {
		t.Error("r does not restore the paper's values after keeping the trained weights")
	}
}

// A network that does not read a 2x2 drawing trains on its own sample.
func TestOwnSampleTraining(t *testing.T) {
	s := NewSession(mathcore.Textbook())
	if s.TrainsOnSet() {
		t.Fatal("the 2-2-2 network trains on the set of 2x2 drawings")
	}
	s.TrainToEnd()
	if s.Training.Outputs != nil || s.Training.Steps() == 0 {
		t.Errorf("own-sample run: %d steps, outputs %v", s.Training.Steps(), s.Training.Outputs)
	}
}
