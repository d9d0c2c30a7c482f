package lessons

import (
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/mnist"
	"nnmath/numtext"
)

// DefaultDigits is how many significant figures numbers show unless the
// learner asks for more or fewer: 4, the figures nnmath check asks for.
const DefaultDigits = 4

// Session is everything the lessons read: the network being taught, its
// computed trace, the values the session started with, and each lesson's
// own settings. Lessons only read it; its methods change it.
type Session struct {
	Net    *mathcore.Network // the network as it is now, with the learner's edits
	Start  *mathcore.Network // the network the session started with
	Trace  *mathcore.Trace   // every value of Net, computed by Recompute
	Digits int               // significant figures shown, 1..10
	// Decimals, when above 0, makes F write that many decimals instead of
	// Digits figures: the quiz's figure writes its given numbers so.
	Decimals int

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

	// Record, when not nil, is told every number F and Updated write, with
	// the exact value it stands for: tests use it to check that each number
	// a page shows is one nnmath check accepts.
	Record func(Shown)
}

// Shown is one number a lesson wrote: its text and the exact value it
// stands for. For an updated parameter (written by Updated) Param names
// it and Exact is its value after the step.
type Shown struct {
	Text    string
	Exact   float64
	Updated bool
	Param   mathcore.Param
}

// NewSession returns a session on a copy of n, which must be valid.
func NewSession(n *mathcore.Network) *Session {
	s := &Session{
		Net:    n.Clone(),
		Start:  n.Clone(),
		Digits: DefaultDigits,
	}
	s.Trace = mathcore.NewTrace(s.Net)
	s.nameEdits()
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
	s.nameEdits()
	s.Recompute()
}

// EditedPaperName is the name of a network edited from the paper's example.
const EditedPaperName = "Edited from the paper's 4-2-1 network: a 2x2 drawing of a 4"

// nameEdits keeps the name and the notes of the paper's example true: once
// its values differ from the paper's it is named as edited from it, and the
// note on the paper's numbers, which no longer hold, goes; back at the
// paper's values, it takes both again. Any other network keeps its own.
func (s *Session) nameEdits() {
	p := mathcore.Paper()
	if n := s.Net; n.Name == p.Name || n.Name == EditedPaperName {
		if mathcore.IsPaper(n) {
			n.Name, n.Notes = p.Name, p.Notes
		} else if n.Notes == p.Notes || n.Notes == "" {
			n.Name, n.Notes = EditedPaperName, ""
		}
	}
}

// paperExample reports whether the session's network is the paper's
// example, as it is or edited from it (not another network of its shape).
func (s *Session) paperExample() bool {
	return s.Net.Name == mathcore.Paper().Name || s.Net.Name == EditedPaperName
}

// Reset returns the network to the values the session started with.
func (s *Session) Reset() {
	s.Change(func(n *mathcore.Network) { *n = *s.Start.Clone() })
	s.Updates = UpdateState{}
}

// Restore returns the network to the values the session started with, as
// Reset does, and says what it restored: "Restored the start values of w1
// and i4.", or that nothing differed.
func (s *Session) Restore() string {
	var changed []string
	if sameShape(s.Net, s.Start) {
		for _, f := range Fields(s.Start) {
			if f.Get(s.Net) != f.Get(s.Start) {
				changed = append(changed, f.Symbol())
			}
		}
	}
	s.Reset()
	switch n := len(changed); {
	case n == 0:
		return "Nothing to restore: every value is at its start."
	case n > 6:
		return "Restored the start values of " + strconv.Itoa(n) + " numbers: " + strings.Join(changed[:4], ", ") + ", …, " +
			changed[n-1] + "."
	}
	if len(changed) == 1 {
		return "Restored the start value of " + changed[0] + "."
	}
	return "Restored the start values of " + joinWords(changed) + "."
}

// IsPaper reports whether the network is the paper's with the paper's
// values, so that the paper's printed numbers apply to it.
func (s *Session) IsPaper() bool { return mathcore.IsPaper(s.Net) }

// F formats x with the session's number of significant figures (or its
// Decimals, when set).
func (s *Session) F(x float64) string {
	return s.record(s.plain(x), x)
}

// quoteFigures is the fewest significant figures a note on the paper
// writes, whatever the session's: the paper printed 3 or 4, and a note
// that sets our numbers beside its own must not round them away.
const quoteFigures = 4

// quote formats x for a note on the paper: with the session's figures, but
// never fewer than quoteFigures, and never marked.
func (s *Session) quote(x float64) string { return s.figures(x, max(s.Digits, quoteFigures)) }

// figures formats x with sig significant figures and tells Record.
func (s *Session) figures(x float64, sig int) string {
	return s.record(numtext.FormatSig(x, sig), x)
}

// sameShown reports whether x and y read the same as F writes them,
// without allocating: FormatSig writes a number from the digits and the
// exponent of its e-notation, so two numbers with the same e-notation at
// the session's figures read the same.
func (s *Session) sameShown(x, y float64) bool {
	var a, b [40]byte
	if s.Decimals > 0 {
		return string(numtext.AppendFormat(a[:0], x, s.Decimals)) == string(numtext.AppendFormat(b[:0], y, s.Decimals))
	}
	sig := min(max(s.Digits, 1), 17)
	return string(strconv.AppendFloat(a[:0], x, 'e', sig-1, 64)) == string(strconv.AppendFloat(b[:0], y, 'e', sig-1, 64))
}

// plain formats x as F does, without telling Record: for comparisons.
func (s *Session) plain(x float64) string {
	if s.Decimals > 0 {
		return numtext.Format(x, s.Decimals)
	}
	return numtext.FormatSig(x, s.Digits)
}

// record tells Record that text stands for x, and returns text.
func (s *Session) record(text string, x float64) string {
	if s.Record != nil {
		s.Record(Shown{Text: text, Exact: x})
	}
	return text
}

// Updated formats the value of parameter p after one update step, marked
// like V, with the session's figures or more: as many as its step needs to
// show (see numtext.FormatStep), so that w6 = 0.05 stepping by 0.00025
// reads 0.05025 and not 0.05000.
func (s *Session) Updated(p mathcore.Param) string {
	get := func(n *mathcore.Network, t *mathcore.Trace) float64 { return t.Updated(p) }
	x := s.Trace.Updated(p)
	t := numtext.FormatStep(x, s.Net.Value(p), s.Digits)
	if s.Record != nil {
		s.Record(Shown{Text: t, Exact: x, Updated: true, Param: p})
	}
	return t + s.markOf(get)
}

// Before formats the value of parameter p before the update, marked like
// V, with as many figures as Updated writes its value after: at 1 figure
// w4 = 0.11 stepping to 0.1105 reads 0.1100 beside it, not 0.1.
func (s *Session) Before(p mathcore.Param) string {
	get := func(n *mathcore.Network, _ *mathcore.Trace) float64 { return n.Value(p) }
	x := s.Net.Value(p)
	t := numtext.FormatSig(x, numtext.StepFigures(s.Trace.Updated(p), x, s.Digits))
	if s.Record != nil {
		s.Record(Shown{Text: t, Exact: x})
	}
	return t + s.markOf(get)
}

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
	return s.markFor(get(s.Net, s.Trace), get(s.prevNet, s.prevTrace))
}

// markPair returns the mark of a value that is now x and was before(),
// computed by the caller on the previous state (see hasPrev and prev).
func (s *Session) markPair(x float64, before func() float64) string {
	if !s.hasPrev() {
		return ""
	}
	return s.markFor(x, before())
}

// hasPrev reports whether there is a state before the last change of the
// same shape as now, to compare values with.
func (s *Session) hasPrev() bool {
	return s.prevNet != nil && sameShape(s.prevNet, s.Net)
}

// prev returns the network and trace before the last change; only when hasPrev.
func (s *Session) prev() (*mathcore.Network, *mathcore.Trace) { return s.prevNet, s.prevTrace }

// markFor returns Up or Down when x, a value now, shows differently from
// before, its value before the last change: a change too small to show in
// the figures shown is not marked.
func (s *Session) markFor(x, before float64) string {
	if x == before || s.sameShown(x, before) {
		return ""
	}
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
