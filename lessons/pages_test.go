package lessons

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nnmath/internal/testnet"
)

// lessonByID returns the lesson with the given ID.
func lessonByID(t testing.TB, id string) Lesson {
	t.Helper()
	all := All()
	i, ok := Find(all, id)
	if !ok {
		t.Fatalf("no lesson %q", id)
	}
	return all[i]
}

// checkLines fails when a line is wider than width or shows a number that
// is not finite.
func checkLines(t *testing.T, where string, lines []string, width int) {
	t.Helper()
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s: line %d wide > %d: %q", where, w, width, l)
		}
		if strings.Contains(l, "NaN") || strings.Contains(l, "Inf") || strings.Contains(l, "undefined") || strings.Contains(l, "overflow") {
			t.Errorf("%s: non-finite number in %q", where, l)
		}
	}
}

// checkPage fails when a line the screen shows as it is (a figure, the
// aside) is wider than width, or any line shows a number that is not finite.
func checkPage(t *testing.T, where string, p Page, width int) {
	t.Helper()
	figures, prose := testnet.PageFigures(p)
	checkLines(t, where, figures, width)
	checkLines(t, where, prose, 1<<20)
}

func TestPageLines(t *testing.T) {
	p := Page{
		Intro: []Block{Text("prose"), Fig([]string{"fig a", "fig b"}), Head("head")},
		Aside: []string{"aside"},
		Steps: []Step{{Title: "T", Text: []string{"x"}, Formula: "f", Numbers: "n", Result: "r",
			Figure: []string{"sf"}, After: []string{"a"}, Note: "note"}},
		Skip: "skip",
	}
	var got []string
	for _, l := range testnet.PageLines(p) {
		fig := ""
		if l.Figure {
			fig = " (figure)"
		}
		got = append(got, l.Key+" "+l.Text+fig)
	}
	want := []string{"intro 0/0 prose", "intro 1/0 fig a (figure)", "intro 1/1 fig b (figure)", "intro 2/0 head",
		"aside/0 aside (figure)", "step 1 title/0 T", "step 1 text/0 x", "step 1 formula/0 f", "step 1 formula/1 n",
		"step 1 formula/2 r", "step 1 figure/0 sf (figure)", "step 1 after/0 a", "step 1 note/0 note", "skip/0 skip"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("PageLines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
