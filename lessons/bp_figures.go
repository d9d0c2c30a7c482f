package lessons

import (
	"nnmath/mathcore"
)

// bpDiagram draws the network with the given parameters highlighted, for a
// lesson's Aside.
func bpDiagram(s *Session, width int, highlight []mathcore.Param) []string {
	return fitLines(Diagram(s, width, DiagramOptions{Highlight: highlight}), width)
}
