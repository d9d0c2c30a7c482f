package mathcore

import (
	"math"
	"testing"
)

// centralDiff returns the central finite difference of f at x with step h.
func centralDiff(f func(float64) float64, x, h float64) float64 {
	return (f(x+h) - f(x-h)) / (2 * h)
}

func TestSurface(t *testing.T) {
	tests := []struct {
		x, y, f, dx, dy float64
	}{
		{0, 0, 0, 0, 0},
		{1, 1, 2, 2, 3},
		{2, -1, 3, 4, 3},
		{-3, 2, 17, -6, 12},
		{0.5, 0.5, 0.375, 1, 0.75},
	}
	for _, tt := range tests {
		if got := Surface(tt.x, tt.y); got != tt.f {
			t.Errorf("Surface(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.f)
		}
		if got := SurfaceDX(tt.x, tt.y); got != tt.dx {
			t.Errorf("SurfaceDX(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.dx)
		}
		if got := SurfaceDY(tt.x, tt.y); got != tt.dy {
			t.Errorf("SurfaceDY(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.dy)
		}
		if got := SurfaceSliceX(tt.y)(tt.x); got != tt.f {
			t.Errorf("SurfaceSliceX(%v)(%v) = %v, want %v", tt.y, tt.x, got, tt.f)
		}
		if got := SurfaceSliceY(tt.x)(tt.y); got != tt.f {
			t.Errorf("SurfaceSliceY(%v)(%v) = %v, want %v", tt.x, tt.y, got, tt.f)
		}
	}
}

func TestSurfaceFiniteDifferences(t *testing.T) {
	const h, tol = 1e-5, 1e-6
	for x := -2.5; x <= 2.5; x += 0.25 {
		for y := -2.5; y <= 2.5; y += 0.25 {
			fdx := centralDiff(SurfaceSliceX(y), x, h)
			if got := SurfaceDX(x, y); math.Abs(got-fdx) > tol {
				t.Errorf("SurfaceDX(%v, %v) = %v, finite difference %v", x, y, got, fdx)
			}
			fdy := centralDiff(SurfaceSliceY(x), y, h)
			if got := SurfaceDY(x, y); math.Abs(got-fdy) > tol {
				t.Errorf("SurfaceDY(%v, %v) = %v, finite difference %v", x, y, got, fdy)
			}
		}
	}
}

func TestTangent(t *testing.T) {
	tests := []struct {
		f0, slope, x0, x, want float64
	}{
		{1, 2, 1, 1, 1},
		{1, 2, 1, 2, 3},
		{1, 2, 1, 0, -1},
		{5, 0, 3, -7, 5},
		{0, -0.5, 2, 4, -1},
	}
	for _, tt := range tests {
		if got := Tangent(tt.f0, tt.slope, tt.x0, tt.x); got != tt.want {
			t.Errorf("Tangent(%v, %v, %v, %v) = %v, want %v", tt.f0, tt.slope, tt.x0, tt.x, got, tt.want)
		}
	}
}

func TestTangentTouchesSlice(t *testing.T) {
	// Near the point of contact the tangent differs from the curve by
	// O(d²); for the parabola x² it differs by exactly d².
	const x0, y0 = 1.5, -0.5
	f := SurfaceSliceX(y0)
	for _, d := range []float64{1, 0.5, 0.1, 0.01} {
		gap := f(x0+d) - Tangent(f(x0), SurfaceDX(x0, y0), x0, x0+d)
		if math.Abs(gap-d*d) > 1e-12 {
			t.Errorf("curve minus tangent at %v+%v = %v, want %v", x0, d, gap, d*d)
		}
	}
}
