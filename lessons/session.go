package lessons

import (
	"nnmath/mathcore"
	"nnmath/mnist"
	"nnmath/numtext"
)

// DefaultDigits is how many decimals numbers show unless the learner asks
// for more or fewer.
const DefaultDigits = 4

// Session is everything the lessons read: the network being taught, its
// computed trace, the values the session started with, and each lesson's
// own settings. Lessons only read it; its methods change it.
type Session struct {
	Net    *mathcore.Network // the network as it is now, with the learner's edits
	Start  *mathcore.Network // the network the session started with
	Trace  *mathcore.Trace   // every value of Net, computed by Recompute
	Digits int               // decimals shown, 1..10

	// prevNet and prevTrace hold the values before the last change, so that
	// changed values can be marked; nil when nothing has changed yet.
	prevNet   *mathcore.Network
	prevTrace *mathcore.Trace

	Die      DieState       // the die lesson
	Partial  PartialState   // the partial-derivatives lesson
	Descent  DescentState   // the gradient-descent lesson
	Selected mathcore.Param // the weight whose chain the hidden-chain lesson shows
	Updates  UpdateState    // the weight-update lesson
	Training TrainState     // the training lesson
	Slip     int            // the slip selected in the slips lesson
	Pixel    int            // the pixel (input) selected in the image lesson
	MNIST    DigitsState    // the three digits lessons

	// Keys names the key bound to each action, for hints in lesson text
	// (see Key); nil outside the tutor.
	Keys KeyNames
}

// NewSession returns a session on a copy of n, which must be valid.
func NewSession(n *mathcore.Network) *Session {
	s := &Session{
		Net:    n.Clone(),
		Start:  n.Clone(),
		Digits: DefaultDigits,
	}
	s.Trace = mathcore.NewTrace(s.Net)
	s.Die = newDieState()
	s.Partial = newPartialState()
	s.Descent = newDescentState()
	s.Selected = mathcore.Param{} // w1: from the first input to the first node of the next layer
	s.MNIST.Wrong = -1
	s.MNIST.Canvas.X, s.MNIST.Canvas.Y = mnist.Side/2, CanvasRows/2
	s.Training.Set = defaultDrawings()
	s.Recompute()
	return s
}

// Load gives the session network n (valid) as if it had started on it:
// the start values, every lesson's settings and the marks begin afresh;
// the decimals shown and the key names stay.
func (s *Session) Load(n *mathcore.Network) {
	digits, keys := s.Digits, s.Keys
	*s = *NewSession(n)
	s.Digits, s.Keys = digits, keys
}

// Recompute computes every value of the network again. Call it after
// changing Net directly.
func (s *Session) Recompute() {
	s.Trace.Compute(s.Net)
}

// Change records the current values as the ones to compare against, lets
// edit change the network, and recomputes: every value that differs
// afterwards is marked until the next change.
func (s *Session) Change(edit func(n *mathcore.Network)) {
	if s.prevNet == nil {
		s.prevTrace = mathcore.NewTrace(s.Net)
	}
	s.prevNet = s.Net.Clone()
	s.prevTrace.Compute(s.prevNet)
	edit(s.Net)
	s.Recompute()
}

// Reset returns the network to the values the session started with.
func (s *Session) Reset() {
	s.Change(func(n *mathcore.Network) { *n = *s.Start.Clone() })
	s.Updates = UpdateState{}
}

// IsPaper reports whether the network is the paper's with the paper's
// values, so that the paper's printed numbers apply to it.
func (s *Session) IsPaper() bool { return mathcore.IsPaper(s.Net) }

// F formats x with the session's number of decimals.
func (s *Session) F(x float64) string { return numtext.Format(x, s.Digits) }

// Up and Down are the marks after a value that rose or fell with the last change.
const (
	Up   = "▲"
	Down = "▼"
)

// V formats the value that get reads from a trace, followed by Up or Down
// when it differs from its value before the last change.
func (s *Session) V(get func(t *mathcore.Trace) float64) string {
	return s.val(func(_ *mathcore.Network, t *mathcore.Trace) float64 { return get(t) })
}

// P formats the current value of parameter p, marked like V.
func (s *Session) P(p mathcore.Param) string {
	return s.val(func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Value(p) })
}

// getter reads one value from a network and its trace.
type getter func(n *mathcore.Network, t *mathcore.Trace) float64

// val formats the value get reads from the network and its trace, marked
// like V. Every number a lesson shows that depends on the network goes
// through val (or V, P, markOf), so that a changed value carries its mark
// wherever it appears.
func (s *Session) val(get getter) string {
	return s.F(get(s.Net, s.Trace)) + s.markOf(get)
}

// markOf returns Up or Down when the value get reads changed with the last
// change, and "" when it did not, when nothing has changed yet, or when the
// network changed shape (so that get cannot read the old one).
func (s *Session) markOf(get getter) string {
	if !s.hasPrev() {
		return ""
	}
	return markFor(get(s.Net, s.Trace), get(s.prevNet, s.prevTrace))
}

// markPair returns the mark of a value that is now x and was before(),
// computed by the caller on the previous state (see hasPrev and prev).
func (s *Session) markPair(x float64, before func() float64) string {
	if !s.hasPrev() {
		return ""
	}
	return markFor(x, before())
}

// hasPrev reports whether there is a state before the last change of the
// same shape as now, to compare values with.
func (s *Session) hasPrev() bool {
	return s.prevNet != nil && sameShape(s.prevNet, s.Net)
}

// prev returns the network and trace before the last change; only when hasPrev.
func (s *Session) prev() (*mathcore.Network, *mathcore.Trace) { return s.prevNet, s.prevTrace }

func markFor(x, before float64) string {
	switch {
	case x > before:
		return Up
	case x < before:
		return Down
	}
	return ""
}

func sameShape(a, b *mathcore.Network) bool {
	if len(a.Sizes) != len(b.Sizes) || a.HasBiases() != b.HasBiases() {
		return false
	}
	for l := range a.Sizes {
		if a.Sizes[l] != b.Sizes[l] {
			return false
		}
	}
	return true
}
