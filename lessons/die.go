package lessons

import "nnmath/mathcore"

// DieState is the die lesson's drawing: which of the dots a..g are filled.
type DieState struct {
	Dots mathcore.DieDots
}

// newDieState starts on the paper's example [1,0,0,1,0,0,1], a three.
func newDieState() DieState {
	d, _ := mathcore.DieFaceDots(3)
	return DieState{Dots: d}
}

// ToggleDot fills or clears dot i (0 for a .. 6 for g).
func (s *Session) ToggleDot(i int) {
	if i >= 0 && i < len(s.Die.Dots) {
		s.Die.Dots[i] = !s.Die.Dots[i]
	}
}

// SetFace draws face f (1..6); other values are ignored.
func (s *Session) SetFace(f int) {
	if d, err := mathcore.DieFaceDots(f); err == nil {
		s.Die.Dots = d
	}
}

// StepFace draws the next (delta 1) or previous (delta -1) face, wrapping
// from 6 to 1; dots that are no face go to 1 (or 6 going back).
func (s *Session) StepFace(delta int) {
	f, ok := s.Die.Dots.Face()
	switch {
	case !ok && delta > 0:
		f = 1
	case !ok:
		f = 6
	default:
		f = (f-1+delta+6)%6 + 1
	}
	s.SetFace(f)
}
