package lessons

import (
	"nnmath/mathcore"
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
	s.Recompute()
	return s
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
	x := get(s.Trace)
	return s.F(x) + s.mark(x, s.prevTrace, get)
}

// P formats the current value of parameter p, marked like V.
func (s *Session) P(p mathcore.Param) string {
	x := s.Net.Value(p)
	if s.prevNet == nil {
		return s.F(x)
	}
	return s.F(x) + markFor(x, s.prevNet.Value(p))
}

func (s *Session) mark(x float64, prev *mathcore.Trace, get func(t *mathcore.Trace) float64) string {
	if s.prevNet == nil || !sameShape(s.prevNet, s.Net) {
		return ""
	}
	return markFor(x, get(prev))
}

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
