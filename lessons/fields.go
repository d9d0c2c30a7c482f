package lessons

import (
	"fmt"
	"math"
	"strconv"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// Limits on values a learner can enter.
const (
	MaxMagnitude = 1e6 // largest |value| of a weight, bias, input or target
	MaxEta       = 10  // largest learning rate
	PixelStep    = 0.1 // how much one key press darkens or lightens a pixel
)

// Field is one number of the network the learner can edit: an input, a
// weight, a bias, a target or the learning rate.
type Field struct {
	Label string // "i1", "w9", "b1", "y" (or "y1".. with several outputs), "eta"
	Group string // "Inputs" (or "Pixels"), "Weights", "Biases", "Targets" or "Learning rate"
	Get   func(n *mathcore.Network) float64
	Set   func(n *mathcore.Network, v float64)
}

// Fields returns the editable numbers of n in the panel's order: inputs,
// weights (w1, w2, ..), biases, targets, learning rate.
func Fields(n *mathcore.Network) []Field {
	var fs []Field
	for i := range n.Inputs {
		fs = append(fs, Field{Label: n.NodeLabel(0, i), Group: "Inputs",
			Get: func(n *mathcore.Network) float64 { return n.Inputs[i] },
			Set: func(n *mathcore.Network, v float64) { n.Inputs[i] = v }})
	}
	for _, p := range n.Params() {
		group := "Weights"
		if p.Bias {
			group = "Biases"
		}
		fs = append(fs, Field{Label: n.ParamLabel(p), Group: group,
			Get: func(n *mathcore.Network) float64 { return n.Value(p) },
			Set: func(n *mathcore.Network, v float64) { n.SetValue(p, v) }})
	}
	for k := range n.Targets {
		label := "y"
		if len(n.Targets) > 1 {
			label = fmt.Sprintf("y%d", k+1)
		}
		fs = append(fs, Field{Label: label, Group: "Targets",
			Get: func(n *mathcore.Network) float64 { return n.Targets[k] },
			Set: func(n *mathcore.Network, v float64) { n.Targets[k] = v }})
	}
	fs = append(fs, Field{Label: "eta", Group: "Learning rate",
		Get: func(n *mathcore.Network) float64 { return n.LearningRate },
		Set: func(n *mathcore.Network, v float64) { n.LearningRate = v }})
	return fs
}

// Symbol is the field's name as a learner reads it: its label, but η for
// the learning rate.
func (f Field) Symbol() string {
	if f.Label == "eta" {
		return "η"
	}
	return f.Label
}

// AsPixel returns input field f read as a pixel of the image lesson: its
// value is a darkness, from 0 (white) to 1 (black). Other fields are
// returned as they are.
func (f Field) AsPixel() Field {
	if f.Group == "Inputs" {
		f.Group = "Pixels"
	}
	return f
}

// Check reports why v cannot be the value of f, or nil when it can.
func (f Field) Check(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%s must be a finite number", f.Symbol())
	case f.Group == "Pixels" && (v < 0 || v > 1):
		return fmt.Errorf("%s is a pixel: its darkness must be between 0 (white) and 1 (black)", f.Label)
	case f.Group == "Learning rate" && (v <= 0 || v > MaxEta):
		return fmt.Errorf("the learning rate must be above 0 and at most %d", MaxEta)
	case math.Abs(v) > MaxMagnitude:
		return fmt.Errorf("%s must be between -1e6 and 1e6", f.Label)
	}
	return nil
}

// Edit sets field f to the number written in text, and recomputes. When
// text is not a number or is out of range it returns an error that says
// why, and nothing changes.
func (s *Session) Edit(f Field, text string) error {
	v, err := numtext.Parse(text)
	if err != nil {
		return err
	}
	return s.SetField(f, v)
}

// Nudge adds delta to field f, and recomputes; out of range, nothing changes.
// The sum is rounded to 12 significant figures, so that nudges land on round
// decimals (0.1 + 0.1 + 0.1 is 0.3, and 0.01 - 0.01 is 0).
func (s *Session) Nudge(f Field, delta float64) error {
	v, err := strconv.ParseFloat(strconv.FormatFloat(f.Get(s.Net)+delta, 'g', 12, 64), 64)
	if err != nil {
		return err
	}
	return s.SetField(f, v)
}

// SetField sets field f to v, and recomputes; out of range, nothing changes.
// An edit ends the update steps that U can take back, since taking one back
// restores every weight as it was before the step, the edit included.
func (s *Session) SetField(f Field, v float64) error {
	if err := f.Check(v); err != nil {
		return err
	}
	probe := s.Net.Clone()
	f.Set(probe, v)
	if err := mathcore.CheckFinite(probe); err != nil {
		return fmt.Errorf("%s = %s is refused: %w", f.Symbol(), numtext.FormatSig(v, 4), err)
	}
	s.Change(func(n *mathcore.Network) { f.Set(n, v) })
	s.Updates = UpdateState{} // U would take the edit back with the step
	return nil
}

// SelectPixel moves the image lesson's selected pixel (input) forward
// (delta 1) or back (delta -1), wrapping around.
func (s *Session) SelectPixel(delta int) {
	n := len(s.Net.Inputs)
	s.Pixel = ((s.Pixel+delta)%n + n) % n
}

// ShadePixel darkens (delta 1) or lightens (delta -1) the selected pixel by
// PixelStep, keeping its darkness in [0, 1].
func (s *Session) ShadePixel(delta int) {
	i := min(s.Pixel, len(s.Net.Inputs)-1)
	v := clamp(math.Round((s.Net.Inputs[i]+float64(delta)*PixelStep)*1e9)/1e9, 0, 1)
	if v != s.Net.Inputs[i] {
		s.Change(func(n *mathcore.Network) { n.Inputs[i] = v })
		s.Updates = UpdateState{} // U would take the edit back with the step
	}
}

// Saturated returns the labels of the sigmoid and tanh nodes whose output
// is pinned at its limit, so that their slope, and every gradient through
// them, is 0.
func (s *Session) Saturated() []string {
	var out []string
	for l := 1; l < len(s.Net.Sizes); l++ {
		a := s.Net.Activations[l-1]
		if a != mathcore.Sigmoid && a != mathcore.Tanh {
			continue
		}
		for j, d := range s.Trace.DAct[l] {
			if d == 0 {
				out = append(out, s.Net.NodeLabel(l, j))
			}
		}
	}
	return out
}
