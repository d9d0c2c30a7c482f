package lessons

import (
	"math"
	"strings"
	"testing"

	"nnmath/digits"
	"nnmath/internal/testnet"
	"nnmath/mathcore"
	"nnmath/mnist"
)

// digitsSession returns a session with the digits loaded.
func digitsSession(t *testing.T) *Session {
	t.Helper()
	d, err := mnist.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(mathcore.Paper())
	s.SetData(d, nil)
	return s
}

// TestDigitsPagesBuild builds the three lessons before the data is read,
// then at every width before, during and after a short run, on both
// questions.
func TestDigitsPagesBuild(t *testing.T) {
	ids := []string{IDDigitsIntro, IDDigitsTraining, IDDigitsAsk}
	waiting := NewSession(mathcore.Paper())
	for _, id := range ids {
		if p := lessonByID(t, id).Build(waiting, 80); len(p.Intro) == 0 || !strings.Contains(p.Intro[0].Lines[0], "Reading") {
			t.Errorf("%s: no word of the data being read", id)
		}
	}
	s := digitsSession(t)
	set := &mnist.Set{Images: s.MNIST.Data.Train.Images[:300*mnist.Pixels], Labels: s.MNIST.Data.Train.Labels[:300]}
	for _, ten := range []bool{false, true} {
		if s.MNIST.Ten != ten {
			s.Do(SwitchQuestion, 0)
		}
		check := func(stage string) {
			for _, id := range ids {
				for _, w := range []int{60, 80, 140, 200} {
					checkPage(t, id+"/"+stage, lessonByID(t, id).Build(s, w), w)
				}
			}
		}
		check("before")
		cfg := digits.Config{Hidden: 4, Outputs: s.MNIST.Outputs(), Epochs: 2, LearningRate: 3, Batch: 10, Seed: 1}
		tr, err := digits.NewTrainer(set, cfg)
		if err != nil {
			t.Fatal(err)
		}
		s.StartDigitsRun(cfg)
		for !tr.Done() {
			p := Progress{Ten: ten}
			if tr.Train(100) {
				p.Loss = tr.FinishEpoch()
				p.Report = digits.Evaluate(tr.Net(), &s.MNIST.Data.Test, 0)
			} else {
				p.Loss = tr.AverageLoss()
			}
			p.Epoch, p.Net, p.Finished = tr.Epoch(), tr.Net().Clone(), tr.Done()
			p.Done, p.Total = tr.Progress()
			s.Progress(p)
			check("during")
		}
		r := s.MNIST.Run()
		if !r.Finished || r.Running || len(r.Epochs) != 2 || s.MNIST.WrongCount() == 0 {
			t.Fatalf("after the run: %+v", r)
		}
		s.Do(NextWrong, 0)
		if k, ok := s.MNIST.WrongImage(); !ok || !r.Last.Wrong(&s.MNIST.Data.Test, k) {
			t.Errorf("NextWrong shows test image %d, which the network gets right", k)
		}
		check("after")
	}
}

// TestDigitsIntroChain checks the chain the 28x28 lesson shows: its five
// factors multiply to mathcore's gradient, which finite differences confirm.
func TestDigitsIntroChain(t *testing.T) {
	s := digitsSession(t)
	n := introNetwork(s.MNIST.Data)
	tr := mathcore.NewTrace(n)
	tr.Compute(n)
	i := brightPixel(n.Inputs)
	p := mathcore.Param{Layer: 0, From: i, To: 0}
	product := tr.DOut[2][0] * tr.DAct[2][0] * n.Weights[1][0][0] * tr.DAct[1][0] * n.Inputs[i]
	if g := tr.Chain(n, p).Gradient; math.Abs(product-g) > 1e-15 {
		t.Errorf("five factors give %v, the chain %v", product, g)
	}
	if fd := mathcore.NumericalGradient(n, p, 1e-6); math.Abs(fd-product) > 1e-9 {
		t.Errorf("five factors give %v, finite differences %v", product, fd)
	}
	page := buildDigitsIntro(s, 80)
	if len(page.Steps) != 5 || !strings.Contains(page.Steps[4].Result, s.F(product)) {
		t.Errorf("the chain step shows %q, want %s", page.Steps[4].Result, s.F(product))
	}
}

// TestCanvas draws, erases and clears with the canvas actions.
func TestCanvas(t *testing.T) {
	s := digitsSession(t)
	c := &s.MNIST.Canvas
	x, y := c.X, c.Y
	s.Do(CanvasPen, 0)
	for range 3 {
		s.Do(CanvasDown, 0)
	}
	s.Do(CanvasPen, 0)
	s.Do(CanvasRight, 0) // pen up: no ink
	for k := 0; k <= 3; k++ {
		if c.Ink[(2*(y+k))*mnist.Side+x] != 1 {
			t.Errorf("cell (%d, %d) not inked by the pen", x, y+k)
		}
	}
	if c.Ink[(2*(y+3))*mnist.Side+x+2] != 0 {
		t.Error("moving with the pen up drew")
	}
	if _, ok := c.Seen(); !ok {
		t.Error("a drawn stroke is seen as blank")
	}
	s.Do(CanvasLeft, 0)
	s.Do(CanvasErase, 0)
	if c.Ink[(2*(y+3))*mnist.Side+x] != 0 {
		t.Error("erase left ink under the cursor")
	}
	s.PaintAt(-1, 3, false)
	s.PaintAt(mnist.Side, 3, false)
	s.PaintAt(0, CanvasRows, false)
	s.PaintAt(0, 0, false)
	if c.X != 0 || c.Y != 0 || c.Ink[0] != 1 {
		t.Error("PaintAt(0, 0) did not ink the corner")
	}
	s.Do(CanvasClear, 0)
	if _, ok := c.Seen(); ok {
		t.Error("a cleared canvas is not blank")
	}
	for range 50 {
		s.Do(CanvasUp, 0)
		s.Do(CanvasLeft, 0)
	}
	if c.X != 0 || c.Y != 0 {
		t.Errorf("the cursor left the canvas: %d, %d", c.X, c.Y)
	}
	s.Do(CanvasRandom, 0)
	if _, ok := c.Seen(); !ok {
		t.Error("a test digit on the canvas is seen as blank")
	}
}

// A program with no key for training (plain text) is told where training
// runs instead of being shown a key it cannot press.
func TestDigitsTrainingWithoutTheKey(t *testing.T) {
	s := digitsSession(t)
	s.Keys = func(a Action) string {
		if a == TrainDigits {
			return ""
		}
		return "k"
	}
	for _, ten := range []bool{false, true} {
		if s.MNIST.Ten != ten {
			s.Do(SwitchQuestion, 0)
		}
		text := testnet.PageText(lessonByID(t, IDDigitsTraining).Build(s, 80))
		want := "nnmath digits train"
		if ten {
			want += " --outputs 10"
		}
		if strings.Contains(text, "⟨") || !strings.Contains(strings.ReplaceAll(text, "\n", " "), want+" runs the same") {
			t.Errorf("ten outputs %v: the page says\n%s", ten, text)
		}
	}
}
