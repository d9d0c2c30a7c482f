package lessons

import (
	"math"
	"strconv"
	"strings"
)

// Plot is a small line chart drawn with braille characters: each terminal
// cell holds 2x4 dots. A figure has y-axis tick labels on the left, an x
// axis with tick labels below, and symbols (Mark) drawn over the dots. It
// uses no colour and no escape codes.
type Plot struct {
	width, height          int
	xmin, xmax, ymin, ymax float64
	labelW                 int       // width of the y tick labels, 0 without axes
	cols, rows             int       // cells of the plotting area
	dots                   [][]uint8 // [row][col] braille bit pattern
	marks                  [][]rune  // [row][col] symbol over the dots, 0 for none
	yTicks, xTicks         []float64 // tick values
	tickFmt                [2]int    // decimals of the x and y tick labels
	axes                   bool      // whether axes and labels are drawn
}

// NewPlot returns an empty plot whose whole figure, axes and tick labels
// included, is width cells wide and height lines tall, showing x in
// [xmin, xmax] and y in [ymin, ymax]. An empty or reversed range is widened
// so that nothing divides by zero; a figure too small for axes is drawn
// without them.
func NewPlot(width, height int, xmin, xmax, ymin, ymax float64) *Plot {
	width, height = max(width, 1), max(height, 1)
	xmin, xmax = saneRange(xmin, xmax)
	ymin, ymax = saneRange(ymin, ymax)
	p := &Plot{width: width, height: height, xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax}
	p.cols, p.rows = width, height
	if height >= 4 {
		p.yTicks, p.tickFmt[1] = niceTicks(ymin, ymax, max(2, (height-2)/3))
		for _, t := range p.yTicks {
			p.labelW = max(p.labelW, len(tickLabel(t, p.tickFmt[1])))
		}
		if width >= p.labelW+1+8 {
			p.axes = true
			p.cols, p.rows = width-p.labelW-1, height-2
			p.xTicks, p.tickFmt[0] = niceTicks(xmin, xmax, max(2, p.cols/10))
		}
	}
	if !p.axes {
		p.labelW, p.yTicks = 0, nil
	}
	p.dots = make([][]uint8, p.rows)
	p.marks = make([][]rune, p.rows)
	for r := range p.dots {
		p.dots[r] = make([]uint8, p.cols)
		p.marks[r] = make([]rune, p.cols)
	}
	return p
}

func saneRange(lo, hi float64) (float64, float64) {
	if !finiteF(lo) || !finiteF(hi) {
		return 0, 1
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi-lo < 1e-12 || !finiteF(hi-lo) {
		return lo - 1, lo + 1
	}
	return lo, hi
}

func finiteF(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// dotX and dotY map a value to a dot column or row (row 0 at the top), as
// floats; the dot containing the point is the rounded value.
func (p *Plot) dotX(x float64) float64 {
	return (x - p.xmin) / (p.xmax - p.xmin) * float64(2*p.cols-1)
}

func (p *Plot) dotY(y float64) float64 {
	return (p.ymax - y) / (p.ymax - p.ymin) * float64(4*p.rows-1)
}

// braille bit of the dot at (dx, dy) within a cell, dx in 0..1, dy in 0..3.
var brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

func (p *Plot) set(dx, dy int) {
	if dx < 0 || dy < 0 || dx >= 2*p.cols || dy >= 4*p.rows {
		return
	}
	p.dots[dy/4][dx/2] |= brailleBit[dy%4][dx%2]
}

// cell returns the cell containing (x, y) and whether it lies in the plot.
func (p *Plot) cell(x, y float64) (col, row int, ok bool) {
	if !finiteF(x) || !finiteF(y) || x < p.xmin || x > p.xmax || y < p.ymin || y > p.ymax {
		return 0, 0, false
	}
	return int(math.Round(p.dotX(x))) / 2, int(math.Round(p.dotY(y))) / 4, true
}

// Func draws the curve y = f(x) over the x range. Parts outside the y range
// are clipped, and points where f is NaN or infinite are left out.
func (p *Plot) Func(f func(float64) float64) {
	n := 2 * p.cols
	px, py, have := 0.0, 0.0, false
	for i := 0; i < n; i++ {
		x := p.xmin + (p.xmax-p.xmin)*float64(i)/float64(max(n-1, 1))
		y := f(x)
		if !finiteF(y) {
			have = false
			continue
		}
		if have {
			p.Segment(px, py, x, y)
		} else {
			p.Segment(x, y, x, y)
		}
		px, py, have = x, y, true
	}
}

// Segment draws the straight line from (x0, y0) to (x1, y1), clipped to the
// plot's ranges. Non-finite coordinates draw nothing.
func (p *Plot) Segment(x0, y0, x1, y1 float64) {
	for _, v := range [...]float64{x0, y0, x1, y1} {
		if !finiteF(v) {
			return
		}
	}
	// Liang-Barsky clipping to the ranges.
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	clip := func(q, r float64) bool { // keeps the part where q*t <= r
		switch {
		case q == 0:
			return r >= 0
		case q < 0:
			t0 = max(t0, r/q)
		default:
			t1 = min(t1, r/q)
		}
		return t0 <= t1
	}
	if !clip(-dx, x0-p.xmin) || !clip(dx, p.xmax-x0) || !clip(-dy, y0-p.ymin) || !clip(dy, p.ymax-y0) {
		return
	}
	ax, ay := p.dotX(x0+t0*dx), p.dotY(y0+t0*dy)
	bx, by := p.dotX(x0+t1*dx), p.dotY(y0+t1*dy)
	steps := int(math.Ceil(max(math.Abs(bx-ax), math.Abs(by-ay))))
	for k := 0; k <= steps; k++ {
		t := 0.0
		if steps > 0 {
			t = float64(k) / float64(steps)
		}
		p.set(int(math.Round(ax+t*(bx-ax))), int(math.Round(ay+t*(by-ay))))
	}
}

// Mark draws the symbol r in the cell containing (x, y), over any dots
// there. Points outside the ranges, or not finite, are not marked.
func (p *Plot) Mark(x, y float64, r rune) {
	if c, rw, ok := p.cell(x, y); ok {
		p.marks[rw][c] = r
	}
}

// Lines returns the figure: exactly the height given to NewPlot, each line
// at most its width in display columns.
func (p *Plot) Lines() []string {
	out := make([]string, 0, p.height)
	tickRow := map[int]string{}
	for _, t := range p.yTicks {
		r := int(math.Round(p.dotY(t))) / 4
		if _, taken := tickRow[r]; !taken && r >= 0 && r < p.rows {
			tickRow[r] = tickLabel(t, p.tickFmt[1])
		}
	}
	var b strings.Builder
	for r := 0; r < p.rows; r++ {
		b.Reset()
		if p.axes {
			label, tick := tickRow[r]
			b.WriteString(strings.Repeat(" ", p.labelW-len(label)))
			b.WriteString(label)
			if tick {
				b.WriteRune('┤')
			} else {
				b.WriteRune('│')
			}
		}
		for c := 0; c < p.cols; c++ {
			switch {
			case p.marks[r][c] != 0:
				b.WriteRune(p.marks[r][c])
			case p.dots[r][c] != 0:
				b.WriteRune(rune(0x2800 + int(p.dots[r][c])))
			default:
				b.WriteByte(' ')
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	if p.axes {
		axis := []rune(strings.Repeat("─", p.cols))
		labels := []byte(strings.Repeat(" ", p.width))
		next := 0 // first free column of the label line
		for _, t := range p.xTicks {
			c := int(math.Round(p.dotX(t))) / 2
			if c < 0 || c >= p.cols {
				continue
			}
			axis[c] = '┬'
			s := tickLabel(t, p.tickFmt[0])
			at := p.labelW + 1 + c - len(s)/2
			at = min(max(at, 0), p.width-len(s))
			if at < next || at < 0 {
				continue
			}
			copy(labels[at:], s)
			next = at + len(s) + 1
		}
		out = append(out, strings.Repeat(" ", p.labelW)+"└"+string(axis))
		out = append(out, strings.TrimRight(string(labels), " "))
	}
	return out
}

// niceTicks returns tick values at multiples of 1, 2 or 5 times a power of
// ten inside [lo, hi], about n of them (the step nearest (hi-lo)/n), and the decimals their labels need.
func niceTicks(lo, hi float64, n int) ([]float64, int) {
	raw := (hi - lo) / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	switch f := raw / mag; {
	case f < 1.5:
		step = mag
	case f < 3.5:
		step = 2 * mag
	case f < 7.5:
		step = 5 * mag
	default:
		step = 10 * mag
	}
	dec := 0
	if step < 1 {
		dec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	var ts []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9 && len(ts) < 100; k++ {
		ts = append(ts, k*step)
	}
	return ts, min(dec, 10)
}

// tickLabel formats a tick value with dec decimals and no negative zero.
func tickLabel(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}
