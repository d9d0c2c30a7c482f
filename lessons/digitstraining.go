package lessons

import (
	"fmt"
	"strconv"
	"strings"

	"nnmath/digits"
	"nnmath/mnist"
)

// questionWords returns the question asked, in words.
func questionWords(ten bool) string {
	if ten {
		return "“Which digit?”"
	}
	return "“Is it a 4?”"
}

// questionBlock says which question is asked and how to switch.
func questionBlock(s *Session) Block {
	d := &s.MNIST
	other := !d.Ten
	what := "one sigmoid output, the paper's question: 0.5 or more means a 4"
	if d.Ten {
		what = "ten sigmoid outputs, one per digit: the largest wins"
	}
	return Text("The question: " + questionWords(d.Ten) + " (" + what + "). " + s.Key(SwitchQuestion) +
		" switches to " + questionWords(other) + "; each question keeps its own network.")
}

// runConfig returns the configuration of the question's run: the one it
// was started with, or the default.
func runConfig(d *DigitsState) digits.Config {
	if r := d.Run(); r.Started {
		return r.Config
	}
	return digits.DefaultConfig(d.Outputs())
}

func buildDigitsTraining(s *Session, width int) Page {
	if p, ok := digitsWaiting(s); !ok {
		return p
	}
	d := &s.MNIST
	r := d.Run()
	cfg := runConfig(d)
	about := []Block{
		questionBlock(s),
		Text(fmt.Sprintf("The network: %d inputs, %d sigmoid hidden nodes, %s, with biases. A step of gradient "+
			"descent here averages the slopes of a mini-batch of %d pictures (each computed with the chain of "+
			"the earlier lessons) and moves every weight by η = %s times that average. One epoch goes through "+
			"all %s training pictures in a new order; after each, the network answers the %s test pictures, "+
			"which it never trains on.", digits.Inputs, cfg.Hidden, plural(cfg.Outputs, "output"), cfg.Batch,
			s.etaShow(cfg.LearningRate), thousands(d.Data.Train.Len()), thousands(d.Data.Test.Len()))),
	}
	if !r.Started {
		start := s.Key(TrainDigits) + " starts training (" + plural(cfg.Epochs, "epoch") + ")."
		if !s.Offers(TrainDigits) {
			cmd := "nnmath digits train"
			if d.Ten {
				cmd += " --outputs 10"
			}
			start = "Training runs live in the full-screen tutor; from a shell, " + cmd + " runs the same " +
				"training (" + plural(cfg.Epochs, "epoch") + ") and prints its figures after each epoch."
		}
		return Page{Intro: append(about, Text(start))}
	}
	// Once it trains, what moves comes first, where a small screen shows it.
	intro := []Block{Text("Training on " + questionWords(d.Ten) + ":"), progressBlock(s, r, width)}
	if len(r.Losses) > 1 {
		plot := lossPlot(r.Losses, width)
		plot[0] = "average loss J of each epoch so far, as it trains"
		intro = append(intro, Fig(plot))
	}
	if len(r.Epochs) > 0 {
		intro = append(intro, Head("On the "+thousands(d.Data.Test.Len())+" test pictures, after each epoch"), Fig(fitLines(epochTable(r), width)))
		if r.Config.Outputs == 1 {
			intro = append(intro, Text("Precision: of the pictures it calls a 4, the share that are one. Recall: of "+
				"the 4s, the share it finds. F1 is their harmonic mean, high only when both are."))
		}
	}
	if r.Net != nil {
		intro = append(intro, Head("What each hidden node looks for"),
			Text("Each hidden node's "+strconv.Itoa(mnist.Pixels)+" weights, drawn as a "+strconv.Itoa(mnist.Side)+"x"+strconv.Itoa(mnist.Side)+" picture: dark where ink raises the node's net "+
				"input (the darker, the more), blank where ink lowers it or does not matter. They start as noise "+
				"and take shape as it trains."),
			Fig(hiddenPictures(r.Net, width)))
	}
	if r.Finished {
		intro = append(intro, Text("Done. "+capitalize(lessonName(IDDigitsAsk))+" lets you draw a digit and ask it. "+
			"The network stays in this session, and the save key of the help bar writes it as a network file "+
			"that every command of nnmath opens with --net."))
	}
	return Page{Intro: append(intro, about...)}
}

// progressBlock shows where the run is: a bar over the epoch, and what it is doing.
func progressBlock(s *Session, r *DigitsRun, width int) Block {
	frac := 0.0
	if r.Total > 0 {
		frac = float64(r.Done) / float64(r.Total)
	}
	state := "paused: " + s.Key(TrainDigits) + " resumes"
	switch {
	case r.Finished:
		state = "finished"
	case r.Running:
		state = "training: " + s.Key(TrainDigits) + " pauses"
	}
	epoch := min(r.Epoch+1, r.Config.Epochs)
	return ProgressBar(frac, fitLines([]string{
		fmt.Sprintf("epoch %d of %d: %s of %s pictures (%.0f%%); %s", epoch, r.Config.Epochs,
			thousands(r.Done), thousands(r.Total), 100*frac, state),
	}, width))
}

// thousands writes n with commas between thousands: 60,000.
func thousands(n int) string {
	t := strconv.Itoa(n)
	for i := len(t) - 3; i > 0; i -= 3 {
		t = t[:i] + "," + t[i:]
	}
	return t
}

// epochTable lists the test figures of every finished epoch.
func epochTable(r *DigitsRun) []string {
	rows := [][]string{{"epoch", "loss J", "accuracy"}}
	if r.Config.Outputs == 1 {
		rows[0] = append(rows[0], "precision", "recall", "F1 of 4")
	}
	for e, f := range r.Epochs {
		row := []string{strconv.Itoa(e + 1), strconv.FormatFloat(f.Loss, 'f', 5, 64), pct(f.Accuracy)}
		if r.Config.Outputs == 1 {
			row = append(row, pct(f.Precision), pct(f.Recall), strconv.FormatFloat(f.F1, 'f', 4, 64))
		}
		rows = append(rows, row)
	}
	lines := tableLines(rows)
	if r.Config.Outputs == 10 && r.Last != nil {
		var b strings.Builder
		b.WriteString("per digit:")
		for dg, a := range r.Last.PerDigit {
			fmt.Fprintf(&b, " %d %s", dg, pct(a))
		}
		lines = append(lines, b.String())
	}
	return lines
}

// pct writes a share as a percentage with two decimals.
func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 2, 64) + "%" }

// hiddenPictures draws the weights of as many hidden nodes as fit the width.
func hiddenPictures(n *digits.Net, width int) []string {
	const picWidth, gap = 30, 2
	count := max(1, min(n.Hidden, (width+gap)/(picWidth+gap), 6))
	w := make([]float64, digits.Inputs)
	var out []string
	for j := range count {
		n.HiddenWeights(w, j)
		pic := append([]string{padRight("h"+strconv.Itoa(j+1), picWidth)}, weightPicture(w)...)
		if out == nil {
			out = pic
			continue
		}
		out = sideBySide(out, pic, gap)
	}
	if count < n.Hidden {
		out = append(out, "(the first "+strconv.Itoa(count)+" of "+strconv.Itoa(n.Hidden)+" hidden nodes; a wider terminal shows more)")
	}
	return fitLines(out, width)
}
