package lessons

import (
	"slices"
	"strconv"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// This file builds the training lesson for a network that reads a 2x2
// drawing: training on the set of drawings, their outputs plotted as the
// run goes, and two drawings it never saw.

// sparkWidth is the widest an output's history is drawn.
const sparkWidth = 40

func buildSetTraining(s *Session, width int) Page {
	tr := &s.Training
	intro := []Block{
		Text("Trained on one drawing with target 1, a network only learns to say yes. Here it learns from a " +
			"set of 2x2 drawings: 4s, with target 1, and drawings that are not 4s, with target 0. Each step is " +
			"one weight update (" + lessonName(IDUpdate) + ") for one drawing, taking the drawings in turn; " +
			"the loss J shown is J averaged over the whole set."),
	}
	edit := Text("Edit the set: " + s.Key(PrevDrawing) + " " + s.Key(NextDrawing) + " choose a drawing, " +
		s.Key(PrevDrawingPixel) + " " + s.Key(NextDrawingPixel) + " a pixel, " + s.Key(ShadeDrawingPixel) +
		" shades it, " + s.Key(ToggleDrawingTarget) + " flips its target, " + s.Key(AddDrawing) + " adds a copy, " +
		s.Key(RemoveDrawing) + " removes it. A changed set starts the next run afresh. Training works on a " +
		"copy: the network of the other lessons keeps its values.")
	run := s.Key(ToggleTraining)
	if tr.Net == nil {
		avg := averageLoss(s.Net, tr.samples())
		return Page{Intro: append(intro,
			Fig(s.setFigure(s.Net, width)), edit,
			Text("Press "+run+" to start. "+capitalize(run)+" pauses and resumes, "+s.Key(TrainFaster)+" and "+
				s.Key(TrainSlower)+" change the speed. It stops by itself when the average loss is below "+
				numtext.FormatSig(TrainTarget, 1)+" or after "+strconv.Itoa(TrainLimit)+" steps."),
			Fig(wrapText("Starting loss J (average over "+plural(len(tr.Set), "drawing")+") = "+s.F(avg)+
				", learning rate η = "+s.eta(), width)))}
	}
	// What moves comes first, so that it is in view while the run goes.
	intro = append(intro, Fig(s.runStatus(width)), Fig(s.outputSparks(width)), Fig(lossPlot(tr.Losses, width)),
		Fig(s.setFigure(tr.Net, width)), edit)
	if tr.Done() {
		intro = append(intro, s.doneBlocks(width)...)
	}
	intro = append(intro, Head("Two drawings it has never seen"))
	intro = append(intro, s.unseenBlocks(width)...)
	intro = append(intro, Text("Press "+s.Key(KeepTrained)+" to take the trained weights into the session: "+
		"every lesson then shows the trained network, and "+s.Key(RestoreStart)+" restores the start."))
	return Page{Intro: intro}
}

// averageLoss is n's loss averaged over samples.
func averageLoss(n *mathcore.Network, samples []mathcore.Sample) float64 {
	t := mathcore.NewTrace(n)
	sum := 0.0
	for _, smp := range samples {
		sum += t.LossFor(n, smp.Inputs, smp.Targets)
	}
	return sum / float64(len(samples))
}

// outputSparks draws each drawing's output over the run, beside its target.
func (s *Session) outputSparks(width int) []string {
	tr := &s.Training
	lines := []string{"each drawing's output over the steps (▁ 0 … █ 1)"}
	w := min(sparkWidth, width-24)
	for i, outs := range tr.Outputs {
		lines = append(lines, padRight(strconv.Itoa(i+1)+" "+targetWords(tr.Set[i].Target), 8)+"y = "+
			strconv.Itoa(int(tr.Set[i].Target))+"  "+spark(outs, w)+"  "+s.F(outs[len(outs)-1]))
	}
	return fitLines(lines, width)
}

// unseenBlocks shows the drawings kept out of training, with the output the
// network gave them before the run and gives them now.
func (s *Session) unseenBlocks(width int) []Block {
	tr := &s.Training
	var cells [][]string
	var words []string
	t := mathcore.NewTrace(tr.Net)
	for _, d := range UnseenDrawings() {
		t.LossFor(tr.From, d.Pixels[:], []float64{d.Target})
		was := t.Outputs()[0]
		t.LossFor(tr.Net, d.Pixels[:], []float64{d.Target})
		now := t.Outputs()[0]
		cell := append(drawingLines(d, -1), targetWords(d.Target), "before "+s.F(was), "now    "+s.F(now))
		cells = append(cells, padCell(cell, blockWidth(cell)+3))
		verdict := "above 0.5: it calls it a 4"
		if now <= 0.5 {
			verdict = "not above 0.5: it says it is not a 4"
		}
		right := (now > 0.5) == (d.Target >= 0.5)
		answer := "right"
		if !right {
			answer = "wrong"
		}
		name := "The new 4"
		if d.Target < 0.5 {
			name = "The new drawing that is not a 4"
		}
		words = append(words, name+" gets "+s.F(now)+", "+verdict+" ("+answer+").")
	}
	text := words[0] + " " + words[1]
	return []Block{Fig(fitLines(joinBlocks(cells), width)), Text(text)}
}

// runStatus is the run's step, state, speed and average loss.
func (s *Session) runStatus(width int) []string {
	tr := &s.Training
	run := s.Key(ToggleTraining)
	state := "paused (" + run + " resumes)"
	switch {
	case tr.Done():
		state = "done (" + run + " starts again)"
	case tr.Running:
		state = "running (" + run + " pauses)"
	}
	last := tr.Losses[len(tr.Losses)-1]
	// Wrapped rather than cut, so that no number is cut short.
	return slices.Concat(
		wrapText("Step "+strconv.Itoa(tr.Steps())+" of at most "+strconv.Itoa(TrainLimit)+" · "+state, width),
		wrapText("Speed: "+plural(tr.Speed(), "step")+" per tick", width),
		wrapText("Loss J = "+s.F(last)+" (it started at "+s.F(tr.Losses[0])+")", width),
	)
}
