package lessons

import (
	"strings"
	"testing"

	"nnmath/mathcore"
)

func TestDiagramWidths(t *testing.T) {
	for name, n := range fwdNetworks(t) {
		s := NewSession(n)
		hi := []mathcore.Param{{Layer: 0, From: 0, To: 0}, {Layer: 1, From: 0, To: 0}}
		for _, w := range []int{40, 60, 80, 140, 200} {
			for _, digits := range []int{1, 4, 10} {
				s.Digits = digits
				lines := Diagram(s, w, hi)
				if len(lines) == 0 {
					t.Errorf("%s at %d: no lines", name, w)
				}
				fwdCheckLines(t, name, lines, w)
				if testing.Verbose() && digits == 4 && (w == 60 || w == 80) {
					t.Logf("%s at %d:\n%s", name, w, strings.Join(lines, "\n"))
				}
			}
		}
	}
}

func TestDiagramPaper(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w9 := mathcore.Param{Layer: 1, From: 0, To: 0}
	for _, w := range []int{60, 80} {
		lines := Diagram(s, w, []mathcore.Param{w9})
		all := strings.Join(lines, "\n")
		for _, want := range []string{"i1 " + s.F(0.5), "h1 " + s.F(s.Trace.Out[1][0]), "o " + s.F(s.Trace.Out[2][0]),
			"w10 " + s.F(s.Net.Weights[1][0][1]), "◆w9", "━", "input layer", "output layer"} {
			if !strings.Contains(all, want) {
				t.Errorf("at %d: %q missing:\n%s", w, want, all)
			}
		}
		if strings.Count(all, "◆") != 1 {
			t.Errorf("at %d: want one ◆:\n%s", w, all)
		}
	}
}
