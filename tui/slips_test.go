package tui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// slipNotes are words of the paper's note on each slip, in the slips lesson's order.
var slipNotes = [...]string{"0.407", "0.64", "(1 - 0.64)", "0.2306", "proof", "-0.033", "-0.016", "mean of the squares",
	"direction of the gradient", "w9·net_h1"}

// TestSlipSelectionStaysInView chooses every slip at 80x24: the selected
// one is on the screen, and g opens its lesson at the step whose note
// explains it.
func TestSlipSelectionStaysInView(t *testing.T) {
	m := at(t, "slips", 80, 24)
	for i := range m.lesson.pos.revealed { // a learner who has read every step of every lesson
		m.lesson.pos.revealed[i] = 1000
	}
	for k := range 10 {
		if k > 0 {
			m = keys(t, m, "]")
		}
		if !strings.Contains(screen(m), "▶ "+strconv.Itoa(k+1)+". ") {
			t.Errorf("slip %d is selected but not on the screen:\n%s", k+1, screen(m))
		}
		opened := keys(t, m, "g")
		if opened.lesson.Current().ID == "slips" {
			t.Fatalf("g did not leave the slips lesson for slip %d", k+1)
		}
		newest := strings.Join(strings.Fields(ansi.Strip(strings.Join(opened.lesson.body.lines[opened.lesson.body.newestTop:opened.lesson.body.newestBottom+1], " "))), " ")
		if !strings.Contains(screen(opened), "Paper:") || !strings.Contains(newest, "Paper:") || !strings.Contains(newest, slipNotes[k]) {
			t.Errorf("slip %d: g opens %s, whose newest step is not the note on %q:\n%s",
				k+1, opened.lesson.Current().ID, slipNotes[k], screen(opened))
		}
	}
}

// TestSlipOpenOnlyOnThePapersValues: once the values are not the paper's,
// its notes are gone, so g is off and the lesson says where the note shows.
func TestSlipOpenOnlyOnThePapersValues(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = typeInto(t, m, "i1", "0.6")
	m = keys(t, m, "esc")
	m = goLesson(t, m, lessonIndex(t, "slips"))
	if m.lesson.keys.SlipOpen.Enabled() || !strings.Contains(strings.Join(strings.Fields(bodyText(m)), " "), "its note shows there with the paper's values") {
		t.Errorf("slips on edited values: g enabled %v\n%s", m.lesson.keys.SlipOpen.Enabled(), bodyText(m))
	}
	m = keys(t, m, "r")
	if !m.lesson.keys.SlipOpen.Enabled() {
		t.Error("g is still off after r restored the paper's values")
	}
}
