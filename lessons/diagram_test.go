package lessons

import (
	"regexp"
	"strings"
	"testing"

	"nnmath/mathcore"
)

func TestDiagramWidths(t *testing.T) {
	for name, n := range forwardNetworks(t) {
		s := NewSession(n)
		hi := []mathcore.Param{{Layer: 0, From: 0, To: 0}, {Layer: 1, From: 0, To: 0}}
		for _, w := range []int{40, 60, 80, 140, 200} {
			for _, digits := range []int{1, 4, 10} {
				s.Digits = digits
				lines := Diagram(s, w, DiagramOptions{Highlight: hi})
				if len(lines) == 0 {
					t.Errorf("%s at %d: no lines", name, w)
				}
				checkLines(t, name, lines, w)
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
		lines := Diagram(s, w, DiagramOptions{Highlight: []mathcore.Param{w9}})
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

// computedValue matches a computed node's value in a diagram, "h1 0.5929"
// or "o 0.64": what HideComputed hides.
var computedValue = regexp.MustCompile(`(^|[\s▶])(h[a-z]?\d+|o\d*) (-?\d+\.\d+)`)

// HideComputed writes every computed node's number as "?" padded to its
// width, and changes nothing else.
func TestDiagramHideComputed(t *testing.T) {
	nets := forwardNetworks(t)
	nets["2-2-2 biases"] = network(t, "2-2-2 biases")
	nets["1-1"] = network(t, "1-1")
	for name, n := range nets {
		s := NewSession(n)
		hi := []mathcore.Param{{Layer: 0, From: 0, To: 0}}
		for _, w := range []int{40, 60, 80, 140} {
			for _, digits := range []int{2, 4} {
				s.Digits = digits
				shown := Diagram(s, w, DiagramOptions{Highlight: hi})
				hidden := Diagram(s, w, DiagramOptions{Highlight: hi, HideComputed: true})
				if len(shown) != len(hidden) {
					t.Fatalf("%s at %d: %d lines shown, %d hidden", name, w, len(shown), len(hidden))
				}
				for i, l := range shown {
					want := computedValue.ReplaceAllStringFunc(l, func(m string) string {
						sub := computedValue.FindStringSubmatch(m)
						return sub[1] + sub[2] + " ?" + strings.Repeat(" ", len(sub[3])-1)
					})
					if hidden[i] != want {
						t.Errorf("%s at %d, line %d:\n got %q\nwant %q", name, w, i, hidden[i], want)
					}
				}
			}
		}
	}
	s := NewSession(mathcore.Paper())
	all := strings.Join(Diagram(s, 80, DiagramOptions{HideComputed: true}), "\n")
	for _, want := range []string{"i1 " + s.F(0.5), "w9 " + s.F(0.6), "h1 ?     ", "▶ o ?     "} {
		if !strings.Contains(all, want) {
			t.Errorf("hidden paper diagram lacks %q:\n%s", want, all)
		}
	}
}
