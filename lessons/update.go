package lessons

import "nnmath/mathcore"

// UpdateState counts the update steps applied in the weight-update lesson
// and keeps the network before each, so that they can be undone.
type UpdateState struct {
	History []*mathcore.Network // the network before each step, oldest first
}

// Steps returns how many update steps have been applied.
func (u UpdateState) Steps() int { return len(u.History) }

// ApplyUpdate applies one step of gradient descent to the network.
func (s *Session) ApplyUpdate() {
	s.Updates.History = append(s.Updates.History, s.Net.Clone())
	s.Change(func(n *mathcore.Network) { s.Trace.Apply(n) })
}

// UndoUpdate takes back the last update step. It reports whether there was one.
func (s *Session) UndoUpdate() bool {
	h := s.Updates.History
	if len(h) == 0 {
		return false
	}
	last := h[len(h)-1]
	s.Updates.History = h[:len(h)-1]
	s.Change(func(n *mathcore.Network) { n.CopyParams(last) })
	return true
}
