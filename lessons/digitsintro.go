package lessons

import (
	"strconv"
	"strings"

	"nnmath/digits"
	"nnmath/mathcore"
	"nnmath/mnist"
	"nnmath/numtext"
)

// introSeed is the seed of the small network the 28x28 lesson computes with.
const introSeed = 1

// firstFour returns the index of the first training image of a 4.
func firstFour(d *mnist.Data) int {
	for k, l := range d.Train.Labels {
		if l == digits.Four {
			return k
		}
	}
	return 0
}

// digitsWaiting returns the page of a digits lesson while the data loads,
// or why it could not be loaded; ok is true once the data is there.
func digitsWaiting(s *Session) (Page, bool) {
	switch {
	case s.MNIST.LoadErr != nil:
		return Page{Skip: "The digits could not be read: " + s.MNIST.LoadErr.Error()}, false
	case s.MNIST.Data == nil:
		return Page{Intro: []Block{Text("Reading the 70,000 handwritten digits…")}}, false
	}
	return Page{}, true
}

// introNetwork returns the paper's network shape with 784 inputs: two
// sigmoid hidden nodes and one sigmoid output, no biases, weights drawn
// from introSeed, η = 0.1, with a real 4 as its sample.
func introNetwork(d *mnist.Data) *mathcore.Network {
	x := make([]float64, digits.Inputs)
	digits.Darkness(x, d.Train.Image(firstFour(d)))
	n := digits.NewNet(2, 1, introSeed).Network(x, digits.Four, 0.1)
	n.Biases = nil
	return n
}

// brightPixel returns the darkest pixel of x, the first of equals: the
// pixel whose weight the chain follows.
func brightPixel(x []float64) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}

func buildDigitsIntro(s *Session, width int) Page {
	if p, ok := digitsWaiting(s); !ok {
		return p
	}
	d := s.MNIST.Data
	n := introNetwork(d)
	t := mathcore.NewTrace(n)
	t.Compute(n)
	x := n.Inputs
	nonzero := 0
	for _, v := range x {
		if v != 0 {
			nonzero++
		}
	}
	intro := []Block{
		Text("The paper asks whether a 2x2 drawing is a 4. Real handwriting needs more pixels: the MNIST " +
			"digits are " + strconv.Itoa(mnist.Side) + "x" + strconv.Itoa(mnist.Side) + " pictures, " + thousands(mnist.TrainSize) + " to learn from and " + thousands(mnist.TestSize) + " kept apart to test with. Here is the first " +
			"4 of the training pictures, two pixels to a character:"),
		Fig(fitLines(picture(x, "┌┐└┘"), width)),
		Text("Nothing else changes. Read row by row, as in " + lessonName(IDImage) + ", its darknesses are the " +
			"input vector, " + strconv.Itoa(mnist.Pixels) + " numbers instead of 4; " + strconv.Itoa(mnist.Pixels-nonzero) + " of them are 0 (blank paper) and " +
			strconv.Itoa(nonzero) + " are not. The network has the paper's shape: two sigmoid hidden nodes and one " +
			"sigmoid output, no biases, target 1 for a 4, with weights drawn at random."),
	}
	return Page{Intro: intro, Steps: digitsIntroSteps(s, n, t, nonzero)}
}

// digitsIntroSteps are the forward pass and one pixel's chain on n.
func digitsIntroSteps(s *Session, n *mathcore.Network, t *mathcore.Trace, nonzero int) []Step {
	x := n.Inputs
	i := brightPixel(x)
	in := n.NodeLabel(0, i)
	h1, h2, o := n.OutSymbol(1, 0), n.OutSymbol(1, 1), n.OutSymbol(2, 0)
	nh1, no := n.NetSymbol(1, 0), n.NetSymbol(2, 0)
	var terms []string
	for k, v := range x {
		if v != 0 && len(terms) < 2 {
			terms = append(terms, s.bracketed(n.Weights[0][0][k])+"·"+s.F(v))
		}
	}
	p := mathcore.Param{Layer: 0, From: i, To: 0}
	w := n.ParamLabel(p)
	c := t.Chain(n, p)
	factors := []float64{t.DOut[2][0], t.DAct[2][0], n.Weights[1][0][0], t.DAct[1][0], x[i]}
	nums := make([]string, len(factors))
	for k, f := range factors {
		nums[k] = s.bracketed(f)
	}
	return []Step{
		{
			Title: "The input vector",
			Text: []string{"Pixel " + strconv.Itoa(i+1) + " (row " + strconv.Itoa(i/mnist.Side+1) + ", column " +
				strconv.Itoa(i%mnist.Side+1) + ") is the darkest of the picture; its input node is " + in + "."},
			Formula: "[" + n.NodeLabel(0, 0) + ", …, " + in + ", …, " + n.NodeLabel(0, mnist.Pixels-1) + "]",
			Numbers: "[" + s.F(x[0]) + ", …, " + s.F(x[i]) + ", …, " + s.F(x[mnist.Pixels-1]) + "]",
		},
		{
			Title: n.NetSymbol(1, 0),
			Text: []string{"The same dot product as the paper's, " + strconv.Itoa(mnist.Pixels) + " products long. A blank pixel's product is 0, " +
				"so only " + strconv.Itoa(nonzero) + " of them count; the first two are written out."},
			Formula: n.NetSymbol(1, 0) + " = Σ w·x over the " + strconv.Itoa(mnist.Pixels) + " inputs",
			Numbers: strings.Join(terms, " + ") + " + … (" + strconv.Itoa(nonzero) + " products)",
			Result:  s.F(t.Net[1][0]),
		},
		{
			Title:   "The hidden outputs",
			Text:    []string{"Each hidden node squashes its net input with σ, as before (" + n.NetSymbol(1, 1) + " = " + s.F(t.Net[1][1]) + ")."},
			Formula: h1 + " = σ(" + n.NetSymbol(1, 0) + "),  " + h2 + " = σ(" + n.NetSymbol(1, 1) + ")",
			Numbers: "σ(" + s.F(t.Net[1][0]) + "),  σ(" + s.F(t.Net[1][1]) + ")",
			Result:  s.F(t.Out[1][0]) + ",  " + s.F(t.Out[1][1]),
		},
		{
			Title:   "The output and the loss",
			Text:    []string{"From here the network is exactly the paper's: two hidden outputs into one output node, and J against the target 1."},
			Formula: o + " = σ(" + n.NetSymbol(2, 0) + "),  J = 1/2 · (y - " + o + ")^2",
			Numbers: "σ(" + s.F(t.Net[2][0]) + "),  1/2 · (1 - " + s.F(t.Out[2][0]) + ")^2",
			Result:  s.F(t.Out[2][0]) + ",  J = " + s.F(t.Loss),
		},
		{
			Title: "The chain for one pixel's weight",
			Text: []string{w + " runs from " + in + " to " + n.NodeLabel(1, 0) + ". Its chain is the hidden-weight chain of " +
				lessonName(IDChainHidden) + ": still five factors, however many pixels there are. The last is " +
				"the pixel's own darkness, so a blank pixel's weight has slope 0 and does not move on this picture."},
			Formula: "dJ/d" + w + " = dJ/d" + o + " · d" + o + "/d" + no + " · d" + no + "/d" + h1 + " · d" + h1 + "/d" + nh1 + " · d" + nh1 + "/d" + w,
			Numbers: strings.Join(nums, " · "),
			Result:  s.F(c.Gradient),
			After: []string{"The update is the paper's too: " + w + "_new = " + w + " - η·dJ/d" + w + ", here " +
				s.F(n.Weights[0][0][i]) + " - " + s.etaShow(n.LearningRate) + "·" + s.bracketed(c.Gradient) + " = " +
				s.record(numtext.FormatStep(n.Weights[0][0][i]-n.LearningRate*c.Gradient, n.Weights[0][0][i], s.Digits),
					n.Weights[0][0][i]-n.LearningRate*c.Gradient) + ". The same five factors give each of the " +
				thousands(n.ParamCount()) + " weights its slope; " + lessonName(IDDigitsTraining) +
				", does it for " + thousands(mnist.TrainSize) + " pictures."},
		},
	}
}
