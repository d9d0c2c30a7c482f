package tui

import (
	"strings"
	"testing"
)

// The backward pass's diagram goes with the newest step: inside it on a
// narrow screen, beside it on a wide one, each δ appearing as its step is
// revealed, and the screen shows the newest step with its diagram.
func TestBackwardSweepFollowsNewestStep(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {240, 60}} {
		m := at(t, "backward", size[0], size[1])
		m = setRevealed(t, m, 1)
		body := bodyText(m)
		if !strings.Contains(body, "δ -0.0831") || strings.Contains(body, "δ -0.0120") {
			t.Errorf("%dx%d, one step: the diagram should show δ_o only:\n%s", size[0], size[1], body)
		}
		m = keys(t, m, "space", "space")
		body = bodyText(m)
		if !strings.Contains(body, "δ -0.0120") || strings.Contains(body, "δ -0.0082") {
			t.Errorf("%dx%d, three steps: the diagram should show δ_o and δ_h1:\n%s", size[0], size[1], body)
		}
		if n := strings.Count(body, "δ: computed so far"); n != 1 {
			t.Errorf("%dx%d: %d diagrams, want one", size[0], size[1], n)
		}
		scr := screen(m)
		if !strings.Contains(scr, "▶ 3/7") || !strings.Contains(scr, "δ -0.0120") {
			t.Errorf("%dx%d: the newest step and its diagram are not on the screen:\n%s", size[0], size[1], scr)
		}
		if size[0] > 200 {
			for _, line := range strings.Split(scr, "\n") {
				if strings.Contains(line, "▶ 3/7") && !strings.Contains(line, "input layer") {
					t.Errorf("wide: the diagram does not start beside the newest step: %q", line)
				}
			}
		}
	}
}
