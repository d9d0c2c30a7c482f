package lessons

import (
	"strconv"
	"strings"
	"testing"

	"nnmath/mathcore"
)

// At any figures the old value of a weight is written with as many
// figures as its new value, so that the two agree with the step between
// them: at 1 figure w4 reads 0.1100 beside 0.1105, not 0.1.
func TestOldWeightMatchesNewFigures(t *testing.T) {
	s := NewSession(mathcore.Paper())
	for _, d := range []int{1, 2, 4, 6} {
		s.Digits = d
		for _, p := range s.Net.Params() {
			old, nw := s.Before(p), s.Updated(p)
			if figures(old) < figures(nw) && s.Net.Value(p) != 0 {
				t.Errorf("%d figures: %s old %s, new %s", d, s.Net.ParamLabel(p), old, nw)
			}
		}
	}
	s.Digits = 1
	w4 := mathcore.Param{Layer: 0, From: 1, To: 1}
	if old := s.Before(w4); old != "0.1100" {
		t.Errorf("at 1 figure w4 (0.11, stepping to %s) reads %s", s.Updated(w4), old)
	}
}

// figures counts the significant figures of a number written in decimals.
func figures(text string) int {
	digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(text), "0")
	return len(digits)
}

// In the descent table every row's two weights, as written, move the way
// the slope says (against it) at every number of figures.
func TestDescentRowsAgreeWithTheirSlope(t *testing.T) {
	for _, d := range []int{1, 2, 3, 4} {
		s := NewSession(mathcore.Paper())
		s.Digits = d
		run := s.descentRun()
		lines := descentTable(s, run, len(run.path)-1, 200)
		for _, l := range lines[1:] {
			f := strings.Fields(l)
			if len(f) < 5 || f[1] == "far" || f[3] == "far" {
				continue
			}
			w, slope, next := parseNum(t, f[1]), parseNum(t, f[2]), parseNum(t, f[3])
			if slope > 0 && next > w || slope < 0 && next < w {
				t.Errorf("%d figures: row %q moves with the slope", d, l)
			}
		}
	}
}

func parseNum(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(strings.TrimRight(s, Up+Down), 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return x
}
