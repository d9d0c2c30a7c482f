package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
)

// This file holds the training lesson's set of 2x2 drawings: 4s with
// target 1 and other drawings with target 0, which the learner can edit,
// and the two drawings kept out of training to show what the network learnt.

// Drawing is one 2x2 drawing of the training set: the darkness of each
// pixel, row by row (the network's four inputs), and the output wanted.
type Drawing struct {
	Pixels [4]float64
	Target float64
}

// MaxDrawings is how many drawings the set may hold.
const MaxDrawings = 8

// defaultDrawings returns the set a session starts with: the paper's 4
// and two more 4s (the bottom-right pixel blank), and three drawings that
// are not 4s (the bottom-right pixel dark).
func defaultDrawings() []Drawing {
	return []Drawing{
		{Pixels: [4]float64{0.5, 0.56, 0.3, 0}, Target: 1},
		{Pixels: [4]float64{0.9, 0.8, 0.7, 0.1}, Target: 1},
		{Pixels: [4]float64{0.6, 0.9, 0.5, 0}, Target: 1},
		{Pixels: [4]float64{0.1, 0.9, 0.1, 0.9}, Target: 0},
		{Pixels: [4]float64{0.1, 0.1, 0.9, 0.9}, Target: 0},
		{Pixels: [4]float64{0.9, 0.1, 0.1, 0.9}, Target: 0},
	}
}

// UnseenDrawings are the drawings the network never trains on, shown at
// the end: a new 4 and a new drawing that is not a 4.
func UnseenDrawings() []Drawing {
	return []Drawing{
		{Pixels: [4]float64{0.8, 0.6, 0.7, 0.2}, Target: 1},
		{Pixels: [4]float64{0.2, 0.7, 0.3, 0.8}, Target: 0},
	}
}

// TrainsOnSet reports whether the training lesson trains on the set of
// drawings: for a network that reads a 2x2 drawing and gives one output.
// Other networks train on their own sample.
func (s *Session) TrainsOnSet() bool { return HasImage(s.Net) && s.Net.Sizes[s.Net.Output()] == 1 }

// samples returns the set as training samples.
func (t *TrainState) samples() []mathcore.Sample {
	out := make([]mathcore.Sample, len(t.Set))
	for i, d := range t.Set {
		out[i] = mathcore.Sample{Inputs: d.Pixels[:], Targets: []float64{d.Target}}
	}
	return out
}

// editSet changes the set with edit and drops the run, whose plots belong
// to the set before the change: the next run trains on the new set.
func (s *Session) editSet(edit func(t *TrainState)) {
	t := &s.Training
	edit(t)
	t.Pick = min(max(t.Pick, 0), len(t.Set)-1)
	t.Net, t.Losses, t.Outputs, t.Running, t.Diverged = nil, nil, nil, false, false
}

// SelectDrawing moves to the next (delta 1) or previous (-1) drawing of the set.
func (s *Session) SelectDrawing(delta int) {
	t := &s.Training
	t.Pick = (t.Pick + delta + len(t.Set)) % len(t.Set)
}

// SelectDrawingPixel moves to the next (delta 1) or previous (-1) pixel of
// the chosen drawing.
func (s *Session) SelectDrawingPixel(delta int) {
	t := &s.Training
	t.PickPixel = (t.PickPixel + delta + 4) % 4
}

// drawingShades are the darknesses a pixel of the set takes in turn.
var drawingShades = []float64{0, 0.25, 0.5, 0.75, 1}

// ShadeDrawingPixel makes the chosen pixel of the chosen drawing the next
// shade darker, from black back to white.
func (s *Session) ShadeDrawingPixel() {
	s.editSet(func(t *TrainState) {
		px := &t.Set[t.Pick].Pixels[t.PickPixel]
		next := drawingShades[0]
		for _, v := range drawingShades {
			if v > *px+1e-9 {
				next = v
				break
			}
		}
		*px = next
	})
}

// ToggleDrawingTarget makes the chosen drawing's target 1 if it was 0, and
// 0 otherwise.
func (s *Session) ToggleDrawingTarget() {
	s.editSet(func(t *TrainState) {
		d := &t.Set[t.Pick]
		if d.Target >= 0.5 {
			d.Target = 0
		} else {
			d.Target = 1
		}
	})
}

// AddDrawing adds a copy of the chosen drawing after it, chosen in its
// turn, for the learner to change; it reports false when the set is full.
func (s *Session) AddDrawing() bool {
	if len(s.Training.Set) >= MaxDrawings {
		return false
	}
	s.editSet(func(t *TrainState) {
		d := t.Set[t.Pick]
		t.Set = append(t.Set[:t.Pick+1], append([]Drawing{d}, t.Set[t.Pick+1:]...)...)
		t.Pick++
	})
	return true
}

// RemoveDrawing takes the chosen drawing out of the set, which keeps at
// least two; it reports false when it cannot.
func (s *Session) RemoveDrawing() bool {
	if len(s.Training.Set) <= 2 {
		return false
	}
	s.editSet(func(t *TrainState) {
		t.Set = append(t.Set[:t.Pick], t.Set[t.Pick+1:]...)
	})
	return true
}

// KeepTrained puts the trained weights into the session's network, so that
// every lesson shows the trained network (r restores the start). It
// reports false when there is no run to take them from.
func (s *Session) KeepTrained() bool {
	tr := s.Training.Net
	if tr == nil || !sameShape(tr, s.Net) {
		return false
	}
	s.Change(func(n *mathcore.Network) { n.CopyParams(tr) })
	return true
}

// drawingLines draws drawing d as two rows of two pixels, each pixel two
// columns of shade; pick is the pixel to mark with ▸ (-1 for none).
func drawingLines(d Drawing, pick int) []string {
	px := func(i int) string {
		sh := imageShade(d.Pixels[i])
		if i == pick {
			return "▸" + sh
		}
		return sh + sh
	}
	return []string{"┌────┐", "│" + px(0) + px(1) + "│", "│" + px(2) + px(3) + "│", "└────┘"}
}

// targetWords names a target the way the set uses it: "4" for 1, "not 4" for 0.
func targetWords(y float64) string {
	if y >= 0.5 {
		return "a 4"
	}
	return "not 4"
}

// spark draws the values, each between 0 and 1, as a line of width
// block characters, sampling the values evenly.
func spark(vals []float64, width int) string {
	const bars = "▁▂▃▄▅▆▇█"
	runes := []rune(bars)
	if len(vals) == 0 || width < 1 {
		return ""
	}
	var b strings.Builder
	n := min(width, len(vals))
	for c := range n {
		v := vals[c*(len(vals)-1)/max(n-1, 1)]
		k := int(v * float64(len(runes)))
		b.WriteRune(runes[min(max(k, 0), len(runes)-1)])
	}
	return b.String()
}

// setFigure draws the set side by side: each drawing, its number (the
// chosen one marked), its target and its output for net, when there is one.
func (s *Session) setFigure(net *mathcore.Network, width int) []string {
	t := &s.Training
	var trace *mathcore.Trace
	if net != nil {
		trace = mathcore.NewTrace(net)
	}
	var cells [][]string
	for i, d := range t.Set {
		pick, head := -1, " "+strconv.Itoa(i+1)
		if i == t.Pick {
			pick, head = t.PickPixel, "▸"+strconv.Itoa(i+1)
		}
		cell := append([]string{head}, drawingLines(d, pick)...)
		cell = append(cell, targetWords(d.Target), "y = "+strconv.Itoa(int(d.Target)))
		if trace != nil {
			trace.LossFor(net, d.Pixels[:], []float64{d.Target})
			cell = append(cell, "out "+s.F(trace.Outputs()[0]))
		}
		cells = append(cells, cell)
	}
	var lines []string
	var row [][]string
	rowW := 0
	flush := func() {
		if len(row) > 0 {
			lines = append(lines, joinBlocks(row)...)
			lines = append(lines, "")
		}
		row, rowW = nil, 0
	}
	for _, c := range cells {
		w := blockWidth(c) + 2
		if rowW+w+len(row) > width && len(row) > 0 { // joinBlocks puts a space between cells
			flush()
		}
		row = append(row, append([]string(nil), padCell(c, w)...))
		rowW += w
	}
	flush()
	return fitLines(lines[:len(lines)-1], width)
}

// padCell pads every line of a cell to w columns, so that cells side by
// side keep their columns.
func padCell(c []string, w int) []string {
	out := make([]string, len(c))
	for i, l := range c {
		out[i] = padRight(l, w)
	}
	return out
}
