package lessons

import "nnmath/mathcore"

// SelectParam moves the hidden-chain lesson to the next (delta 1) or
// previous (delta -1) weight or bias in label order, wrapping around.
func (s *Session) SelectParam(delta int) {
	ps := s.Net.Params()
	k := 0
	for i, p := range ps {
		if p == s.Selected {
			k = i
		}
	}
	s.Selected = ps[(k+delta+len(ps))%len(ps)]
}

// selected returns the selected parameter, or w1 when the network changed
// shape and the selection no longer exists.
func (s *Session) selected() mathcore.Param {
	for _, p := range s.Net.Params() {
		if p == s.Selected {
			return p
		}
	}
	return mathcore.Param{}
}
