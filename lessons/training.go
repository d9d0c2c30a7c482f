package lessons

import "nnmath/mathcore"

// Training limits.
const (
	TrainLimit  = 2000  // the training lesson stops by itself after this many steps
	TrainTarget = 0.001 // ... or once the loss is below this
)

// trainSpeeds are the steps taken per animation tick, slowest first.
var trainSpeeds = [...]int{1, 2, 5, 10, 20, 50}

// TrainState is the training lesson's run: a copy of the network trained
// step by step, the loss after each step, and whether it is running.
type TrainState struct {
	Net        *mathcore.Network // the network being trained; nil before the first run
	Losses     []float64         // the loss before training, then after each step
	Running    bool              // steps are being taken on each tick
	SpeedIndex int               // index into trainSpeeds
	trace      *mathcore.Trace
}

// Steps returns how many training steps have been taken.
func (t TrainState) Steps() int { return max(0, len(t.Losses)-1) }

// Done reports whether training has stopped by itself: the step limit was
// reached or the loss is below TrainTarget.
func (t TrainState) Done() bool {
	n := len(t.Losses)
	return n > 0 && (t.Steps() >= TrainLimit || t.Losses[n-1] < TrainTarget)
}

// Speed returns the steps taken per tick.
func (t TrainState) Speed() int { return trainSpeeds[t.SpeedIndex] }

// StartTraining starts a new run from the current network.
func (s *Session) StartTraining() {
	tr := &s.Training
	tr.Net = s.Net.Clone()
	tr.trace = mathcore.NewTrace(tr.Net)
	tr.Losses = append(tr.Losses[:0], tr.trace.LossFor(tr.Net, tr.Net.Inputs, tr.Net.Targets))
	tr.Running = true
}

// ToggleTraining pauses or resumes the run, starting one if there is none
// or the last one is done.
func (s *Session) ToggleTraining() {
	if s.Training.Net == nil || s.Training.Done() {
		s.StartTraining()
		return
	}
	s.Training.Running = !s.Training.Running
}

// TrainTick takes the steps of one animation tick while the run is going,
// and stops the run when it is done. It reports whether anything changed.
func (s *Session) TrainTick() bool {
	tr := &s.Training
	if !tr.Running || tr.Net == nil {
		return false
	}
	for k := 0; k < tr.Speed() && !tr.Done(); k++ {
		mathcore.Step(tr.Net, tr.trace)
		tr.Losses = append(tr.Losses, tr.trace.LossFor(tr.Net, tr.Net.Inputs, tr.Net.Targets))
	}
	if tr.Done() {
		tr.Running = false
	}
	return true
}

// TrainSpeed makes training faster (delta 1) or slower (delta -1). It
// reports whether the speed changed.
func (s *Session) TrainSpeed(delta int) bool {
	i := s.Training.SpeedIndex + delta
	if i < 0 || i >= len(trainSpeeds) {
		return false
	}
	s.Training.SpeedIndex = i
	return true
}
