package lessons

import (
	"image"

	"nnmath/digits"
	"nnmath/mnist"
)

// DigitsState is what the three digits lessons share: the MNIST data once
// loaded, the question asked, a training run per question and the canvas.
// The tui trains off its Update loop and copies each report of progress
// in here with Progress; the lessons only read it.
type DigitsState struct {
	Data    *mnist.Data // nil until loaded
	LoadErr error       // why the data could not be loaded
	Ten     bool        // "Which digit?" (ten outputs) instead of "Is it a 4?"
	Runs    [2]DigitsRun
	Canvas  Canvas
	Wrong   int // the position, among the test images the network gets wrong, of the one on the canvas; -1 for none
	pick    int // the last test image RandomTestDigit chose
}

// DigitsRun is one training run, as its last report of progress left it.
type DigitsRun struct {
	Config   digits.Config
	Started  bool           // a run has been started
	Running  bool           // it is training (not paused, not finished)
	Finished bool           // it has trained every epoch
	Epoch    int            // epochs finished
	Done     int            // images of the current epoch trained on
	Total    int            // images in an epoch
	Losses   []float64      // the average loss of the epoch so far, at each report within an epoch
	Epochs   []EpochFigures // the figures of each finished epoch
	Net      *digits.Net    // the network as it was at the last report
	Last     *digits.Report // the test report of the last finished epoch
	wrong    []int          // the test images Last gets wrong
}

// EpochFigures are the figures of one finished epoch on the test images.
type EpochFigures struct {
	Loss, Accuracy, Precision, Recall, F1 float64
}

// Progress is one report of a training run's progress.
type Progress struct {
	Ten       bool
	Epoch     int // epochs finished
	Done      int
	Total     int
	Loss      float64        // the average loss of the epoch so far (or of the epoch just finished)
	Net       *digits.Net    // a copy of the network
	Report    *digits.Report // the test report, when an epoch has just finished
	Finished  bool           // every epoch is done
	Overflown bool           // the weights overflowed: the run stops
}

// question returns the question index: 0 for "Is it a 4?", 1 for "Which digit?".
func (d *DigitsState) question() int {
	if d.Ten {
		return 1
	}
	return 0
}

// Run returns the run of the question asked.
func (d *DigitsState) Run() *DigitsRun { return &d.Runs[d.question()] }

// Outputs returns the number of outputs of the question asked: 1 or 10.
func (d *DigitsState) Outputs() int {
	if d.Ten {
		return 10
	}
	return 1
}

// SetData records the loaded data set, or why it could not be loaded.
func (s *Session) SetData(d *mnist.Data, err error) {
	s.MNIST.Data, s.MNIST.LoadErr = d, err
}

// StartDigitsRun records that a run of cfg begins for the question asked.
func (s *Session) StartDigitsRun(cfg digits.Config) {
	*s.MNIST.Run() = DigitsRun{Config: cfg, Started: true, Running: true}
}

// PauseDigitsRun pauses or resumes the run of the question asked.
func (s *Session) PauseDigitsRun(running bool) { s.MNIST.Run().Running = running }

// Progress records a report of progress of a run.
func (s *Session) Progress(p Progress) {
	r := &s.MNIST.Runs[0]
	if p.Ten {
		r = &s.MNIST.Runs[1]
	}
	r.Epoch, r.Done, r.Total, r.Net = p.Epoch, p.Done, p.Total, p.Net
	if p.Report != nil {
		r.Last = p.Report
		r.Epochs = append(r.Epochs, EpochFigures{Loss: p.Loss, Accuracy: p.Report.Accuracy,
			Precision: p.Report.Precision, Recall: p.Report.Recall, F1: p.Report.F1})
		r.wrong = r.wrong[:0]
		if s.MNIST.Data != nil {
			for k := range p.Report.Answers {
				if p.Report.Wrong(&s.MNIST.Data.Test, k) {
					r.wrong = append(r.wrong, k)
				}
			}
		}
		s.MNIST.Wrong = -1
	} else {
		r.Losses = append(r.Losses, p.Loss)
	}
	if p.Finished || p.Overflown {
		r.Running, r.Finished = false, p.Finished
	}
	if p.Finished {
		r.Done = r.Total // the last epoch is whole, not the next one empty
	}
}

// SwitchQuestion switches between "Is it a 4?" and "Which digit?"; each
// keeps its own run.
func (s *Session) SwitchQuestion() {
	s.MNIST.Ten = !s.MNIST.Ten
	s.MNIST.Wrong = -1
}

// Canvas is the 28x28 drawing of the ask lesson, with a cursor on a cell
// of two pixels, one above the other (a half-block character on screen).
type Canvas struct {
	Ink  [mnist.Pixels]float64 // the darkness of each pixel, from 0 to 1
	X, Y int                   // the cursor: column 0..27, cell row 0..13
	Pen  bool                  // moving the cursor draws
}

// CanvasRows is the number of cell rows of the canvas: two pixels each.
const CanvasRows = mnist.Side / 2

// MoveCursor moves the canvas cursor by (dx, dy) cells, drawing on the way
// when the pen is down.
func (s *Session) MoveCursor(dx, dy int) {
	c := &s.MNIST.Canvas
	c.X = max(0, min(mnist.Side-1, c.X+dx))
	c.Y = max(0, min(CanvasRows-1, c.Y+dy))
	if c.Pen {
		c.brush(c.X, c.Y, true)
	}
}

// TogglePen lifts or puts down the pen; put down, it draws at the cursor.
func (s *Session) TogglePen() {
	c := &s.MNIST.Canvas
	c.Pen = !c.Pen
	if c.Pen {
		c.brush(c.X, c.Y, true)
	}
}

// PaintAt moves the cursor to cell (x, y) and draws there, or erases when
// erase is true: a click or drag of the mouse.
func (s *Session) PaintAt(x, y int, erase bool) {
	if x < 0 || y < 0 || x >= mnist.Side || y >= CanvasRows {
		return
	}
	c := &s.MNIST.Canvas
	c.X, c.Y = x, y
	c.brush(x, y, !erase)
	s.MNIST.Wrong = -1
}

// EraseAtCursor rubs out the cell under the cursor and its neighbours.
func (s *Session) EraseAtCursor() {
	c := &s.MNIST.Canvas
	c.Pen = false
	c.brush(c.X, c.Y, false)
}

// ClearCanvas rubs out the whole drawing.
func (s *Session) ClearCanvas() {
	s.MNIST.Canvas.Ink = [mnist.Pixels]float64{}
	s.MNIST.Canvas.Pen = false
	s.MNIST.Wrong = -1
}

// brush inks cell (x, y) fully and its neighbours half (a stroke about as
// thick as MNIST's), or rubs them out.
func (c *Canvas) brush(x, y int, ink bool) {
	set := func(px, py int, v float64) {
		if px < 0 || py < 0 || px >= mnist.Side || py >= mnist.Side {
			return
		}
		i := py*mnist.Side + px
		if !ink {
			c.Ink[i] = 0
		} else {
			c.Ink[i] = max(c.Ink[i], v)
		}
	}
	for _, py := range []int{2 * y, 2*y + 1} {
		set(x, py, 1)
		set(x-1, py, 0.5)
		set(x+1, py, 0.5)
	}
	set(x, 2*y-1, 0.5)
	set(x, 2*y+2, 0.5)
}

// LoadTestDigit puts test image k on the canvas.
func (s *Session) LoadTestDigit(k int) {
	d := s.MNIST.Data
	if d == nil || k < 0 || k >= d.Test.Len() {
		return
	}
	c := &s.MNIST.Canvas
	digits.Darkness(c.Ink[:], d.Test.Image(k))
	c.Pen = false
}

// RandomTestDigit puts a test image on the canvas, a different one each
// time (the sequence is the same in every session).
func (s *Session) RandomTestDigit() {
	if s.MNIST.Data == nil {
		return
	}
	s.MNIST.pick = (s.MNIST.pick*7919 + 4409) % s.MNIST.Data.Test.Len()
	s.MNIST.Wrong = -1
	s.LoadTestDigit(s.MNIST.pick)
}

// StepWrong puts on the canvas the next (delta 1) or previous (delta -1)
// test image the network gets wrong.
func (s *Session) StepWrong(delta int) {
	w := s.MNIST.Run().wrong
	if len(w) == 0 {
		return
	}
	i := s.MNIST.Wrong + delta
	if s.MNIST.Wrong < 0 && delta < 0 {
		i = len(w) - 1
	}
	i = (i%len(w) + len(w)) % len(w)
	s.MNIST.Wrong = i
	s.LoadTestDigit(w[i])
}

// WrongCount returns how many test images the last report of the question
// asked gets wrong.
func (d *DigitsState) WrongCount() int { return len(d.Run().wrong) }

// WrongImage returns the index of the test image on the canvas when it is
// one the network gets wrong, and false otherwise.
func (d *DigitsState) WrongImage() (int, bool) {
	w := d.Run().wrong
	if d.Wrong < 0 || d.Wrong >= len(w) {
		return 0, false
	}
	return w[d.Wrong], true
}

// Seen returns the canvas as the network sees it: converted the MNIST way
// (scaled into 20x20 and centred by its mass), as darkness from 0 to 1, and
// false when nothing is drawn.
func (c *Canvas) Seen() ([]float64, bool) {
	g := image.NewGray(image.Rect(0, 0, mnist.Side, mnist.Side))
	for i, v := range c.Ink {
		g.Pix[i] = uint8(255 - 255*v + 0.5)
	}
	img, err := mnist.ConvertDrawing(g)
	if err != nil {
		return nil, false
	}
	x := make([]float64, mnist.Pixels)
	digits.Darkness(x, img)
	return x, true
}
