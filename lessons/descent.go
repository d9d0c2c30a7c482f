package lessons

// DescentState is the gradient-descent lesson's setting: the learning rate
// and the start point. The steps themselves are the lesson's steps, revealed
// one by one.
type DescentState struct {
	EtaIndex int     // index into DescentEtas
	Start    float64 // w0
}

// DescentEtas are the learning rates the descent lesson steps through with
// + and -: from one that crawls to ones that overshoot and diverge.
var descentEtas = [...]float64{0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}

func newDescentState() DescentState { return DescentState{EtaIndex: 4, Start: 2} }

// Eta returns the descent lesson's learning rate.
func (d DescentState) Eta() float64 { return descentEtas[d.EtaIndex] }

// ScaleEta moves the descent lesson's learning rate one notch up (delta 1)
// or down (delta -1). It reports whether it changed.
func (s *Session) ScaleEta(delta int) bool {
	i := s.Descent.EtaIndex + delta
	if i < 0 || i >= len(descentEtas) {
		return false
	}
	s.Descent.EtaIndex = i
	return true
}
