package mathcore

import (
	"math"
	"testing"
)

// Minima of DoubleWell, to the precision documented there and beyond.
const (
	wellGlobalMin = -1.3008395659415772
	wellLocalMin  = 1.1309011226299859
	wellMax       = 0.16993844331159128
)

func TestDoubleWellCriticalPoints(t *testing.T) {
	c := DoubleWell()
	for _, w := range []float64{wellGlobalMin, wellMax, wellLocalMin} {
		if d := c.DF(w); math.Abs(d) > 1e-12 {
			t.Errorf("DF(%v) = %v, want 0", w, d)
		}
	}
	if !(c.F(wellGlobalMin) < c.F(wellLocalMin)) {
		t.Errorf("J(%v) = %v is not below J(%v) = %v", wellGlobalMin, c.F(wellGlobalMin), wellLocalMin, c.F(wellLocalMin))
	}
	for _, w := range []float64{-2.5, -1.3, 0, 0.17, 1.13, 2.5} {
		fd := centralDiff(c.F, w, 1e-5)
		if d := c.DF(w); math.Abs(d-fd) > 1e-6 {
			t.Errorf("DF(%v) = %v, finite difference %v", w, d, fd)
		}
	}
	if c.Lo >= c.Hi || c.Name == "" || c.Formula == "" {
		t.Errorf("DoubleWell() = %+v, want a label and Lo < Hi", c)
	}
}

func TestDescentStep(t *testing.T) {
	tests := []struct {
		w, eta, want float64
	}{
		{2, 0.1, 2 - 0.1*21},
		{0, 0.5, -0.5},
		{1, 0, 1},
		{wellLocalMin, 0.1, wellLocalMin},
	}
	df := DoubleWell().DF
	for _, tt := range tests {
		if got := DescentStep(df, tt.w, tt.eta); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("DescentStep(DF, %v, %v) = %v, want %v", tt.w, tt.eta, got, tt.want)
		}
	}
}

func TestDescentPath(t *testing.T) {
	df := DoubleWell().DF
	tests := []struct {
		name     string
		w0, eta  float64
		steps    int
		wantLen  int
		diverged bool
		end      float64 // wanted last weight, checked to tol
		tol      float64
	}{
		{"good eta right", 2, 0.05, 100, 101, false, wellLocalMin, 1e-9},
		{"good eta left", -2, 0.05, 100, 101, false, wellGlobalMin, 1e-9},
		{"good eta from the left of the max", 0, 0.05, 200, 201, false, wellGlobalMin, 1e-9},
		{"good eta jumps the hump", 2.5, 0.05, 100, 101, false, wellGlobalMin, 1e-9},
		{"eta 0.2 diverges from 2", 2, 0.2, 100, 0, true, 0, 0},
		{"tiny eta crawls", 2, 0.0001, 10, 11, false, 2, 0.05},
		{"zero steps", 1, 0.1, 0, 1, false, 1, 0},
		{"negative steps", 1, 0.1, -3, 1, false, 1, 0},
		{"large eta diverges", 2.5, 0.3, 100, 0, true, 0, 0},
	}
	for _, tt := range tests {
		path, diverged := DescentPath(nil, df, tt.w0, tt.eta, tt.steps)
		if diverged != tt.diverged {
			t.Errorf("%s: diverged = %v, want %v (path %v)", tt.name, diverged, tt.diverged, path)
		}
		for i, w := range path {
			if math.IsNaN(w) || math.IsInf(w, 0) || math.Abs(w) > DescentBound {
				t.Errorf("%s: path[%d] = %v, want a finite value within the bound", tt.name, i, w)
			}
		}
		if len(path) == 0 || path[0] != tt.w0 {
			t.Errorf("%s: path %v does not start at %v", tt.name, path, tt.w0)
			continue
		}
		if tt.diverged {
			if len(path) > tt.steps {
				t.Errorf("%s: path has %d values, want an early stop", tt.name, len(path))
			}
			continue
		}
		if len(path) != tt.wantLen {
			t.Errorf("%s: len(path) = %d, want %d", tt.name, len(path), tt.wantLen)
		}
		if end := path[len(path)-1]; math.Abs(end-tt.end) > tt.tol {
			t.Errorf("%s: path ends at %v, want %v ± %v", tt.name, end, tt.end, tt.tol)
		}
	}
}

func TestDescentPathTinyEtaMovesLittle(t *testing.T) {
	c := DoubleWell()
	path, _ := DescentPath(nil, c.DF, 2, 0.0001, 10)
	moved := math.Abs(path[len(path)-1] - path[0])
	if moved == 0 || moved > 0.05 {
		t.Errorf("10 steps of eta 0.0001 from 2 moved %v, want a little", moved)
	}
	if c.F(path[len(path)-1]) >= c.F(path[0]) {
		t.Errorf("cost did not decrease along %v", path)
	}
}

func TestDescentPathOvershoots(t *testing.T) {
	// Inside the well, an eta above 2/J″ ≈ 0.21 makes the weight jump from
	// one side of the local minimum to the other instead of settling.
	path, _ := DescentPath(nil, DoubleWell().DF, 1.2, 0.22, 4)
	for i := 1; i < len(path); i++ {
		before, after := path[i-1]-wellLocalMin, path[i]-wellLocalMin
		if before*after >= 0 {
			t.Errorf("step %d went from %v to %v without crossing the minimum", i, path[i-1], path[i])
		}
	}
}

func TestDescentPathBounces(t *testing.T) {
	// Just above that limit the weight settles into a two-cycle around the
	// local minimum instead of converging.
	path, diverged := DescentPath(nil, DoubleWell().DF, 1, 0.3, 200)
	if diverged {
		t.Fatalf("eta 0.3 from 1 diverged: %v", path)
	}
	a, b := path[len(path)-2], path[len(path)-1]
	if (a-wellLocalMin)*(b-wellLocalMin) >= 0 || math.Abs(b-a) < 0.1 {
		t.Errorf("eta 0.3 from 1 ends %v, %v, want a bounce across %v", a, b, wellLocalMin)
	}
}

func TestDescentPathNonFinite(t *testing.T) {
	nanDF := func(float64) float64 { return math.NaN() }
	tests := []struct {
		name    string
		df      func(float64) float64
		w0      float64
		wantLen int
	}{
		{"nan gradient", nanDF, 1, 1},
		{"nan start", DoubleWell().DF, math.NaN(), 0},
		{"inf start", DoubleWell().DF, math.Inf(-1), 0},
		{"start beyond bound", DoubleWell().DF, 2 * DescentBound, 0},
	}
	for _, tt := range tests {
		path, diverged := DescentPath([]float64{7}, tt.df, tt.w0, 0.1, 5)
		if !diverged {
			t.Errorf("%s: diverged = false", tt.name)
		}
		if len(path) != 1+tt.wantLen || path[0] != 7 {
			t.Errorf("%s: path = %v, want the prefix [7] and %d values", tt.name, path, tt.wantLen)
		}
	}
}

func TestDescentDiverged(t *testing.T) {
	tests := []struct {
		w    float64
		want bool
	}{
		{0, false},
		{-DescentBound, false},
		{DescentBound, false},
		{math.Nextafter(DescentBound, math.Inf(1)), true},
		{-2e6, true},
		{math.Inf(1), true},
		{math.Inf(-1), true},
		{math.NaN(), true},
	}
	for _, tt := range tests {
		if got := DescentDiverged(tt.w); got != tt.want {
			t.Errorf("DescentDiverged(%v) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestDescentPathAllocs(t *testing.T) {
	df := DoubleWell().DF
	buf := make([]float64, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf, _ = DescentPath(buf[:0], df, 2, 0.05, 50)
	})
	if allocs != 0 {
		t.Errorf("DescentPath with capacity allocated %v times, want 0", allocs)
	}
}

func BenchmarkDescentPath(b *testing.B) {
	b.ReportAllocs()
	df := DoubleWell().DF
	buf := make([]float64, 0, 101)
	for b.Loop() {
		buf, _ = DescentPath(buf[:0], df, 2, 0.05, 100)
	}
}
