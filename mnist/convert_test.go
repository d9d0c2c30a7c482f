package mnist

import (
	"image"
	"image/color"
	"testing"
)

// TestConvertRoundTrip converts test images drawn large (scaled up
// 5 times, as black ink on white) and wants them back close to themselves:
// MNIST's images already sit in a 20x20 box centred by their mass.
func TestConvertRoundTrip(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{0, 1, 4, 42} {
		src := d.Test.Image(k)
		big := image.NewGray(image.Rect(0, 0, 5*Side, 5*Side))
		for y := range 5 * Side {
			for x := range 5 * Side {
				big.SetGray(x, y, color.Gray{255 - src[(y/5)*Side+x/5]})
			}
		}
		got, err := Convert(big)
		if err != nil {
			t.Fatal(err)
		}
		var ink float64
		for _, v := range src {
			ink += float64(v)
		}
		diff := ink * 10
		for sy := -1; sy <= 1; sy++ { // the centre of mass rounds to a whole pixel
			for sx := -1; sx <= 1; sx++ {
				diff = min(diff, shiftedDiff(got, src, sx, sy))
			}
		}
		if diff/ink > 0.05 {
			t.Errorf("test image %d: converted back it differs by %.0f%% of its ink", k, 100*diff/ink)
		}
	}
}

// TestConvertShapes checks a wide stroke fills the box's width, a picture
// of light ink on dark paper reads the same as dark on light, and a blank
// picture is refused.
func TestConvertShapes(t *testing.T) {
	draw := func(ink, paper uint8) *image.Gray {
		g := image.NewGray(image.Rect(0, 0, 300, 100))
		for i := range g.Pix {
			g.Pix[i] = paper
		}
		for y := 40; y < 60; y++ {
			for x := 10; x < 290; x++ {
				g.SetGray(x, y, color.Gray{ink})
			}
		}
		return g
	}
	a, err := Convert(draw(0, 255))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Convert(draw(255, 0))
	if err != nil {
		t.Fatal(err)
	}
	cols := 0
	for x := range Side {
		if a[14*Side+x] > 0 {
			cols++
		}
	}
	if cols != Box {
		t.Errorf("the stroke covers %d columns of row 14, want %d", cols, Box)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("light ink on dark paper converts differently from dark ink on light paper")
		}
	}
	if _, err := Convert(image.NewGray(image.Rect(0, 0, 9, 9))); err != ErrBlank && err != nil {
		t.Errorf("an all-black picture: %v", err)
	}
	white := image.NewGray(image.Rect(0, 0, 9, 9))
	for i := range white.Pix {
		white.Pix[i] = 255
	}
	if _, err := Convert(white); err != ErrBlank {
		t.Errorf("a blank picture gives %v, want ErrBlank", err)
	}
}

// shiftedDiff returns the sum of the differences between a shifted by
// (sx, sy) pixels and b.
func shiftedDiff(a, b []uint8, sx, sy int) float64 {
	var d float64
	for y := range Side {
		for x := range Side {
			var v float64
			if ax, ay := x+sx, y+sy; ax >= 0 && ay >= 0 && ax < Side && ay < Side {
				v = float64(a[ay*Side+ax])
			}
			d += abs(v - float64(b[y*Side+x]))
		}
	}
	return d
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// FuzzConvert converts pictures of any small size and content: a picture
// comes back as 784 pixels with its ink inside the 28x28 field, or as
// ErrBlank, never as a panic.
func FuzzConvert(f *testing.F) {
	f.Add(uint8(3), []byte{0, 255, 0, 255, 255, 255, 0, 255, 0})
	f.Add(uint8(1), []byte{0})
	f.Add(uint8(40), make([]byte, 40*7))
	f.Fuzz(func(t *testing.T, w uint8, pix []byte) {
		if w == 0 || len(pix) < int(w) || len(pix) > 1<<14 {
			return
		}
		h := len(pix) / int(w)
		g := image.NewGray(image.Rect(0, 0, int(w), h))
		copy(g.Pix, pix)
		out, err := Convert(g)
		if err != nil {
			if err != ErrBlank {
				t.Fatalf("%dx%d: %v", w, h, err)
			}
			return
		}
		if len(out) != Pixels {
			t.Fatalf("%dx%d: %d pixels", w, h, len(out))
		}
		ink := 0
		for _, p := range out {
			if p > 0 {
				ink++
			}
		}
		if ink == 0 {
			t.Fatalf("%dx%d: a picture with ink converts to a blank one", w, h)
		}
	})
}

// TestConvertGrayAndColour: a grey picture converts the same as the same
// picture in colour, with alpha.
func TestConvertGrayAndColour(t *testing.T) {
	g := image.NewGray(image.Rect(3, 5, 63, 45))
	rgba := image.NewRGBA(g.Bounds())
	for y := g.Bounds().Min.Y; y < g.Bounds().Max.Y; y++ {
		for x := g.Bounds().Min.X; x < g.Bounds().Max.X; x++ {
			v := uint8(255)
			if (x-20)*(x-20)+(y-25)*(y-25) < 120 {
				v = uint8(x * 3)
			}
			g.SetGray(x, y, color.Gray{v})
			rgba.Set(x, y, color.Gray{v})
		}
	}
	a, err := Convert(g)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Convert(rgba)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if d := int(a[i]) - int(b[i]); d < -1 || d > 1 {
			t.Fatalf("pixel %d: %d grey, %d in colour", i, a[i], b[i])
		}
	}
}

// A digit scanned on grey paper reads as the same digit on white, and a
// drawing known to be on white paper is never read as its negative, even
// when its ink runs along most of the border.
func TestConvertPaperLevel(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	src := d.Test.Image(4)
	on := func(paper uint8) []uint8 {
		g := image.NewGray(image.Rect(0, 0, 3*Side, 3*Side))
		for y := range 3 * Side {
			for x := range 3 * Side {
				ink := float64(src[(y/3)*Side+x/3]) / 255
				g.SetGray(x, y, color.Gray{uint8(float64(paper)*(1-ink) + 0.5)})
			}
		}
		out, err := Convert(g)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	white, grey := on(255), on(225)
	var ink, diff float64
	for i := range white {
		ink += float64(white[i])
		diff += abs(float64(white[i]) - float64(grey[i]))
	}
	if diff/ink > 0.02 {
		t.Errorf("on grey paper the digit differs from itself on white by %.0f%% of its ink", 100*diff/ink)
	}

	frame := image.NewGray(image.Rect(0, 0, Side, Side))
	for i := range frame.Pix {
		frame.Pix[i] = 255
	}
	for k := range Side { // ink along the top, left and right edges
		frame.Pix[k], frame.Pix[k*Side], frame.Pix[k*Side+Side-1] = 0, 0, 0
	}
	out, err := ConvertDrawing(frame)
	if err != nil {
		t.Fatal(err)
	}
	inked := 0
	for _, v := range out {
		if v > 128 {
			inked++
		}
	}
	if inked > Box*3 {
		t.Errorf("a frame drawn on white reads as %d inked pixels: its negative", inked)
	}
}
