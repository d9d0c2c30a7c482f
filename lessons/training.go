package lessons

import (
	"math"
	"strconv"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// Training limits: the paper's network, at its learning rate, gets below
// TrainTarget in about 2700 steps.
const (
	TrainLimit  = 5000  // the training lesson stops by itself after this many steps
	TrainTarget = 0.001 // ... or once the loss is below this
)

// trainSpeeds are the steps taken per animation tick, slowest first; a run
// starts at trainDefaultSpeed, which takes the paper's network to its target
// in about ten seconds.
var trainSpeeds = [...]int{1, 2, 5, 10, 20, 50, 100}

const trainDefaultSpeed = 4

// TrainState is the training lesson's run: a copy of the network trained
// step by step, the loss after each step, and whether it is running.
type TrainState struct {
	Net        *mathcore.Network // the network being trained; nil before the first run
	From       *mathcore.Network // the network the run started from
	Losses     []float64         // the loss before training, then after each step
	Running    bool              // steps are being taken on each tick
	Diverged   bool              // the run stopped because a step would overflow
	SpeedIndex int               // steps faster (TrainFaster) or slower (TrainSlower) than trainDefaultSpeed in trainSpeeds
	trace      *mathcore.Trace
	last       *mathcore.Network // the network before the newest step

	// The set of drawings a network that reads a 2x2 drawing trains on
	// (see Session.TrainsOnSet), which the learner edits.
	Set       []Drawing
	Pick      int               // the drawing chosen for editing
	PickPixel int               // its pixel chosen for editing
	Outputs   [][]float64       // Outputs[i]: drawing i's output before training, then after each step
	onSet     []mathcore.Sample // the set as samples, in the set's order
	order     []mathcore.Sample // the same, turned so that the next step's drawing comes first
}

// Steps returns how many training steps have been taken.
func (t TrainState) Steps() int { return max(0, len(t.Losses)-1) }

// Done reports whether training has stopped by itself: the step limit was
// reached, the loss is below TrainTarget, or the values diverged.
func (t TrainState) Done() bool {
	n := len(t.Losses)
	return n > 0 && (t.Diverged || t.Steps() >= TrainLimit || t.Losses[n-1] < TrainTarget)
}

// Speed returns the steps taken per tick.
func (t TrainState) Speed() int { return trainSpeeds[trainDefaultSpeed+t.SpeedIndex] }

// StartTraining starts a new run from the current network.
func (s *Session) StartTraining() {
	tr := &s.Training
	tr.Net = s.Net.Clone()
	tr.From = s.Net.Clone()
	tr.last = s.Net.Clone()
	tr.trace = mathcore.NewTrace(tr.Net)
	tr.Losses = append(tr.Losses[:0], tr.trace.LossFor(tr.Net, tr.Net.Inputs, tr.Net.Targets))
	tr.Running = true
	tr.Diverged = false
	tr.onSet, tr.Outputs = nil, nil
	if s.TrainsOnSet() {
		tr.onSet = tr.samples()
		tr.order = append([]mathcore.Sample(nil), tr.onSet...)
		tr.Outputs = make([][]float64, len(tr.Set))
		tr.Losses[0] = tr.recordOutputs()
	}
}

// recordOutputs appends each drawing's output for the network being
// trained, and returns the loss averaged over the set.
func (tr *TrainState) recordOutputs() float64 {
	sum := 0.0
	for i, smp := range tr.onSet {
		sum += tr.trace.LossFor(tr.Net, smp.Inputs, smp.Targets)
		tr.Outputs[i] = append(tr.Outputs[i], tr.trace.Outputs()[0])
	}
	return sum / float64(len(tr.onSet))
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
		tr.last.CopyParams(tr.Net)
		losses, err := mathcore.Train(tr.Net, tr.trace, tr.order, 1, tr.Losses)
		// Train refuses a step whose loss or weights overflow; the trace it
		// leaves (the slopes of the step, the forward pass after it) also
		// tells a value that overflows on the way, such as a net that
		// saturates its sigmoid.
		if err != nil || tr.trace.Overflow(tr.Net) != nil {
			tr.Net.CopyParams(tr.last) // keep the last values that can be shown
			tr.Diverged = true
			break
		}
		tr.Losses = losses
		if tr.onSet != nil {
			tr.recordOutputs()
			first := tr.order[0] // Train steps on the first sample: the next drawing goes first
			copy(tr.order, tr.order[1:])
			tr.order[len(tr.order)-1] = first
		}
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
	if k := trainDefaultSpeed + i; k < 0 || k >= len(trainSpeeds) {
		return false
	}
	s.Training.SpeedIndex = i
	return true
}

func buildTraining(s *Session, width int) Page {
	if s.TrainsOnSet() {
		return buildSetTraining(s, width)
	}
	tr := &s.Training
	intro := []Block{
		Text("Training is nothing more than the update of the last lesson, repeated: compute the outputs, " +
			"the slopes, step every weight, and again. Each step makes the loss a little smaller, until the " +
			"output is close to its target, if it can get there."),
		Text("It stops by itself when the loss is below " + numtext.FormatSig(TrainTarget, 1) + " or after " + strconv.Itoa(TrainLimit) +
			" steps. Training works on a copy: the network of the other lessons keeps its values."),
	}
	if stuck := s.stuckWords(s.Net); stuck != "" {
		intro = append(intro, Text("Here not every output can: "+stuck))
	}
	if _, unreachable := mathcore.BestLoss(s.Net); unreachable {
		intro = append(intro, Text(s.reachWords()+" So the loss never gets below "+
			numtext.FormatSig(TrainTarget, 1)+", and training runs to its step limit."))
	}
	run := s.Key(ToggleTraining)
	if tr.Net == nil {
		intro = append(intro,
			Text("Press "+run+" to start. "+capitalize(run)+" pauses and resumes, "+s.Key(TrainFaster)+" and "+
				s.Key(TrainSlower)+" change the speed."),
			Fig(wrapText("Starting loss J = "+s.V(func(t *mathcore.Trace) float64 { return t.Loss })+", learning rate η = "+s.eta(), width)),
		)
		return Page{Intro: intro}
	}
	intro = append(intro, Fig(s.runStatus(width)), Fig(lossPlot(tr.Losses, width)))
	t := mathcore.NewTrace(tr.Net)
	t.Compute(tr.Net)
	L := tr.Net.Output()
	rows := [][]string{{"", "output", "target"}}
	for k := range tr.Net.Sizes[L] {
		rows = append(rows, []string{tr.Net.OutSymbol(L, k), s.F(t.Out[L][k]), s.F(tr.Net.Targets[k])})
	}
	intro = append(intro, Fig(fitLines(tableLines(rows), width)))
	if tr.Done() {
		intro = append(intro, s.doneBlocks(width)...)
	}
	intro = append(intro, Text("Press "+s.Key(KeepTrained)+" to take the trained weights into the session: "+
		"every lesson then shows the trained network, and "+s.Key(RestoreStart)+" restores the start."))
	return Page{Intro: intro}
}

// doneBlocks say why a finished run stopped, and list the weights it found.
func (s *Session) doneBlocks(width int) []Block {
	tr := &s.Training
	last := tr.Losses[len(tr.Losses)-1]
	head := "Done after " + plural(tr.Steps(), "step")
	why := "The loss, " + s.belowText(last, TrainTarget) + ", is below " + numtext.FormatSig(TrainTarget, 1) +
		": the output is close enough to its target."
	if tr.onSet != nil {
		why = "The loss, " + s.belowText(last, TrainTarget) + ", is below " + numtext.FormatSig(TrainTarget, 1) +
			": every drawing's output is close to its target."
	}
	switch {
	case tr.Diverged:
		head = "Diverged after " + plural(tr.Steps(), "step")
		why = "The next step would make the values too large to compute: each step overshot further " +
			"than the last. The learning rate η = " + s.etaShow(tr.Net.LearningRate) + " is too large for " +
			"this network; a smaller one converges."
	case last > tr.Losses[0]:
		why = "The step limit is reached and the loss grew from " + s.F(tr.Losses[0]) + " to " + s.F(last) +
			": the steps overshoot. A smaller learning rate would bring it down."
	case last >= TrainTarget && unreachableFrom(tr.Net):
		best, _ := mathcore.BestLoss(tr.Net)
		why = "The step limit is reached. The loss is " + s.F(last) + "; with a target out of reach, it " +
			"can never go below " + s.F(best) + "."
	case last >= TrainTarget && s.stuckWords(tr.Net) != "":
		why = "The step limit is reached. The loss is still " + s.F(last) + ". " + s.stuckWords(tr.Net) +
			" A larger learning rate would not help; other starting weights, with that net input above 0, would."
	case last >= TrainTarget:
		why = "The step limit is reached. The loss is still " + s.F(last) + ": a larger learning rate, " +
			"or different starting weights, would get further."
	}
	return []Block{Head(head), Text(why), Text("The weights it found, next to where they started:"),
		Fig(finalWeights(s, tr.From, tr.Net, width))}
}

// lossPlot draws the losses over the steps, under a caption.
func lossPlot(losses []float64, width int) []string {
	n := len(losses)
	top := 0.0
	for _, l := range losses {
		if finiteF(l) {
			top = max(top, l)
		}
	}
	xmax := float64(max(n-1, 10))
	p := NewPlot(min(width, 72), 12, 0, xmax, 0, top*1.05)
	p.Func(func(x float64) float64 {
		i := int(math.Round(x))
		if i < 0 || i >= n {
			return math.NaN()
		}
		return losses[i]
	})
	p.Mark(float64(n-1), losses[n-1], '●')
	return fitLines(append([]string{"loss J over the steps"}, p.Lines()...), width)
}

// finalWeights lists every parameter before and after training.
func finalWeights(s *Session, from, trained *mathcore.Network, width int) []string {
	rows := [][]string{{"", "start", "trained"}}
	for _, p := range trained.Params() {
		rows = append(rows, []string{trained.ParamLabel(p), s.F(from.Value(p)), s.F(trained.Value(p))})
	}
	return fitLines(tableLines(rows), width)
}

// TrainToEnd runs training from the current network until it stops by
// itself, as `nnmath print` shows it.
func (s *Session) TrainToEnd() {
	s.StartTraining()
	for s.Training.Running {
		s.TrainTick()
	}
}

// unreachableFrom reports whether a target of n lies outside the range of
// its output activation.
func unreachableFrom(n *mathcore.Network) bool {
	_, out := mathcore.BestLoss(n)
	return out
}

// belowText writes x, which is below limit, with the fewest significant
// figures (the session's at least) that still show it below limit.
func (s *Session) belowText(x, limit float64) string {
	for sig := s.Digits; sig < 17; sig++ {
		if v, err := strconv.ParseFloat(numtext.FormatSig(x, sig), 64); err == nil && v < limit {
			return s.figures(x, sig)
		}
	}
	return s.figures(x, 17)
}
