package tui

import (
	"strconv"
	"strings"
	"testing"
)

// TestSlipSelectionStaysInView chooses every slip at 80x24: the selected
// one is on the screen, and g opens its lesson at the step whose note
// explains it.
func TestSlipSelectionStaysInView(t *testing.T) {
	m := at(t, "slips", 80, 24)
	for k := range 10 {
		if k > 0 {
			m = keys(t, m, "]")
		}
		if !strings.Contains(screen(m), "▶ "+strconv.Itoa(k+1)+". ") {
			t.Errorf("slip %d is selected but not on the screen:\n%s", k+1, screen(m))
		}
		opened := keys(t, m, "g")
		if opened.lessons[opened.current].ID == "slips" {
			t.Fatalf("g did not leave the slips lesson for slip %d", k+1)
		}
		if !strings.Contains(screen(opened), "Paper:") {
			t.Errorf("slip %d: g opens %s without the paper's note on the screen:\n%s",
				k+1, opened.lessons[opened.current].ID, screen(opened))
		}
	}
}
