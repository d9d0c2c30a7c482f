package lessons

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nnmath/mathcore"
)

func TestPlotMarkCell(t *testing.T) {
	// 20x10 figure over [0,10]x[0,10]: the plotting area starts after the
	// y labels and the axis column, and ends above the x axis and its labels.
	p := NewPlot(20, 10, 0, 10, 0, 10)
	lw := p.labelW
	if lw == 0 || !p.axes {
		t.Fatalf("expected axes, labelW %d", lw)
	}
	p.Mark(0, 10, 'A') // top-left
	p.Mark(10, 0, 'B') // bottom-right
	p.Mark(5, 5, 'C')  // middle
	p.Mark(11, 5, 'X') // outside: ignored
	p.Mark(math.NaN(), 5, 'X')
	lines := p.Lines()
	if len(lines) != 10 {
		t.Fatalf("got %d lines, want 10", len(lines))
	}
	rows, cols := p.rows, p.cols
	at := func(r, c int) rune {
		rs := []rune(lines[r])
		if lw+1+c >= len(rs) {
			return ' '
		}
		return rs[lw+1+c]
	}
	if got := at(0, 0); got != 'A' {
		t.Errorf("top-left cell = %q, want A\n%s", got, strings.Join(lines, "\n"))
	}
	if got := at(rows-1, cols-1); got != 'B' {
		t.Errorf("bottom-right cell = %q, want B\n%s", got, strings.Join(lines, "\n"))
	}
	// (5,5): dot column round(0.5*(2*cols-1)), dot row round(0.5*(4*rows-1)).
	c := int(math.Round(0.5*float64(2*cols-1))) / 2
	r := int(math.Round(0.5*float64(4*rows-1))) / 4
	if got := at(r, c); got != 'C' {
		t.Errorf("middle cell (%d,%d) = %q, want C\n%s", r, c, got, strings.Join(lines, "\n"))
	}
	if strings.ContainsRune(strings.Join(lines, ""), 'X') {
		t.Error("a point outside the ranges was marked")
	}
}

func TestPlotDots(t *testing.T) {
	p := NewPlot(30, 8, 0, 1, 0, 1)
	p.Segment(0, 0, 0, 0) // bottom-left dot only
	lines := p.Lines()
	r := []rune(lines[p.rows-1])[p.labelW+1]
	if r != rune(0x2800+0x40) {
		t.Errorf("bottom-left dot is %q, want ⡀", r)
	}
	p = NewPlot(30, 8, 0, 1, 0, 1)
	p.Segment(1, 1, 1, 1) // top-right dot only
	lines = p.Lines()
	rs := []rune(lines[0])
	if got := rs[len(rs)-1]; got != rune(0x2800+0x08) || len(rs) != p.labelW+1+p.cols {
		t.Errorf("top-right dot is %q at %d, want ⠈ at %d", got, len(rs)-1, p.labelW+p.cols)
	}
}

func TestPlotWidthsAndNoPanic(t *testing.T) {
	bad := []func(float64) float64{
		func(x float64) float64 { return math.NaN() },
		func(x float64) float64 { return 1 / x },
		func(x float64) float64 { return math.Exp(x * 1000) },
		mathcore.SigmoidOf,
	}
	for _, w := range []int{1, 5, 12, 20, 40, 60, 80, 200} {
		for _, h := range []int{1, 2, 3, 5, 12, 30} {
			p := NewPlot(w, h, -6, 6, -0.1, 1.1)
			for _, f := range bad {
				p.Func(f)
			}
			p.Segment(math.Inf(1), 0, 0, 0)
			p.Segment(-100, -100, 100, 100)
			p.Mark(0, 0.5, '●')
			lines := p.Lines()
			if len(lines) != h {
				t.Errorf("%dx%d: %d lines", w, h, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("%dx%d: line %q is %d wide", w, h, l, ansi.StringWidth(l))
				}
			}
		}
	}
	// degenerate ranges
	p := NewPlot(40, 10, 3, 3, math.NaN(), 1)
	p.Func(func(x float64) float64 { return x })
	if len(p.Lines()) != 10 {
		t.Error("degenerate range: wrong height")
	}
}

func TestPlotTickLabels(t *testing.T) {
	p := NewPlot(60, 14, -6, 6, 0, 1)
	p.Func(mathcore.SigmoidOf)
	lines := p.Lines()
	all := strings.Join(lines, "\n")
	for _, want := range []string{"0", "1", "-6", "6"} {
		if !strings.Contains(all, want) {
			t.Errorf("tick %q missing:\n%s", want, all)
		}
	}
	if testing.Verbose() {
		t.Log("\n" + all)
	}
}
