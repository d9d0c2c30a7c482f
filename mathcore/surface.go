package mathcore

// SurfaceFormula labels the example function of the partial-derivatives
// lesson.
const SurfaceFormula = "f(x, y) = x^2 + y^3"

// Surface returns f(x, y) = x² + y³, the paper's example of a function of
// two variables.
func Surface(x, y float64) float64 {
	return x*x + y*y*y
}

// SurfaceDX returns ∂f/∂x = 2x, the slope of Surface along x with y held
// fixed.
func SurfaceDX(x, y float64) float64 {
	return 2 * x
}

// SurfaceDY returns ∂f/∂y = 3y², the slope of Surface along y with x held
// fixed.
func SurfaceDY(x, y float64) float64 {
	return 3 * y * y
}

// SurfaceSliceX returns the curve x ↦ f(x, y0): the surface cut at y = y0,
// a parabola whose slope is SurfaceDX.
func SurfaceSliceX(y0 float64) func(x float64) float64 {
	return func(x float64) float64 { return Surface(x, y0) }
}

// SurfaceSliceY returns the curve y ↦ f(x0, y): the surface cut at x = x0,
// a cubic whose slope is SurfaceDY.
func SurfaceSliceY(x0 float64) func(y float64) float64 {
	return func(y float64) float64 { return Surface(x0, y) }
}

// Tangent returns the value at x of the straight line through (x0, f0) with
// the given slope: f0 + slope·(x − x0). With f0 = f(x0) and slope = f′(x0)
// it is the tangent to f at x0.
func Tangent(f0, slope, x0, x float64) float64 {
	return f0 + slope*(x-x0)
}
