package lessons

import (
	"fmt"
	"strconv"
	"strings"

	"nnmath/digits"
	"nnmath/mnist"
)

func buildDigitsAsk(s *Session, width int) Page {
	if p, ok := digitsWaiting(s); !ok {
		return p
	}
	d := &s.MNIST
	c := &d.Canvas
	seen, drawn := c.Seen()
	right := []string{"what the network sees"}
	if drawn {
		right = append(right, picture(seen, "┌┐└┘")...)
	} else {
		right = append(right, picture(make([]float64, mnist.Pixels), "┌┐└┘")...)
	}
	left := append([]string{"your drawing"}, canvasLines(c)...)
	fig := sideBySide(left, right, 3)
	if blockWidth(fig) > width {
		fig = append(left, right...)
	}
	intro := []Block{Fig(fig)}
	intro = append(intro, Text(answerText(s, seen, drawn)))
	if k, ok := d.WrongImage(); ok {
		intro = append(intro, Text(fmt.Sprintf("Test picture %d, labelled %d: one of the %d the network gets wrong.",
			k, d.Data.Test.Labels[k], d.WrongCount())))
	} else if n := d.WrongCount(); n > 0 {
		intro = append(intro, Text(fmt.Sprintf("The network gets %d of the %s test pictures wrong: %s and %s show them.",
			n, thousands(d.Data.Test.Len()), s.Key(PrevWrong), s.Key(NextWrong))))
	}
	intro = append(intro,
		Text("Draw with the mouse: click and drag, the right button rubs out. Or with the keys: the arrows move "+
			"the cursor, "+s.Key(CanvasPen)+" puts the pen down or lifts it (down, the arrows draw), "+s.Key(CanvasErase)+
			" rubs out under the cursor, "+s.Key(CanvasClear)+" clears, "+s.Key(CanvasRandom)+" puts a test digit on the canvas."),
		Text("Before it answers, the drawing is prepared as MNIST's pictures were: cut to the ink, scaled so that its "+
			"longer side is "+strconv.Itoa(mnist.Box)+" pixels and placed so that its centre of mass is in the middle."),
		questionBlock(s))
	return Page{Intro: intro}
}

// answerText is the network's answer for the drawing as it sees it.
func answerText(s *Session, seen []float64, drawn bool) string {
	d := &s.MNIST
	r := d.Run()
	switch {
	case r.Net == nil:
		return "No network has been trained for " + questionWords(d.Ten) + " yet: " + lessonName(IDDigitsTraining) + " trains one."
	case !drawn:
		return "Draw a digit: the network answers as you draw."
	}
	n := r.Net
	h, out := make([]float64, n.Hidden), make([]float64, n.Outputs)
	n.Forward(seen, h, out)
	trained := ""
	if !r.Finished {
		trained = " (as trained so far: epoch " + strconv.Itoa(r.Epoch+1) + ")"
	}
	a := digits.Answer(out)
	if n.Outputs == 1 {
		verdict := "no, not a 4"
		if a == digits.Four {
			verdict = "yes, a 4"
		}
		return fmt.Sprintf("Is it a 4? %s: out = %s, and 0.5 or more means a 4%s.", verdict, s.F(out[0]), trained)
	}
	parts := make([]string, len(out))
	for k, o := range out {
		parts[k] = strconv.Itoa(k) + ": " + s.F(o)
	}
	return fmt.Sprintf("Which digit? %d: its output, %s, is the largest%s. All ten: %s.", a, s.F(out[a]), trained, strings.Join(parts, ", "))
}
