package mnist

import (
	"errors"
	"image"
	"math"
	"slices"
)

// Box is the side of the square the digit is scaled into, as in MNIST.
const Box = 20

// ErrBlank is the error of Convert for a picture with nothing drawn on it.
var ErrBlank = errors.New("the picture is blank: nothing is drawn on it")

// Convert turns a picture of a digit, of any size, into a 28x28 image the
// way MNIST's images were made: grey levels as darkness (dark ink on light
// paper, or light ink on dark paper, whichever the border shows is paper,
// measured from the paper's own level; transparent pixels are paper), the
// drawing cut to its bounding box and
// scaled, keeping its proportions, so that its longer side is 20 pixels
// (each pixel the average of what it covers), then placed in the 28x28
// field so that its centre of mass is at the centre.
func Convert(img image.Image) ([]uint8, error) {
	return convert(img, darkness(img, true))
}

// ConvertDrawing is Convert for a picture known to be dark ink on white
// paper, such as the tutor's canvas: nothing is guessed from its border, so
// a drawing that runs along the edges is never read as its negative.
func ConvertDrawing(img image.Image) ([]uint8, error) {
	return convert(img, darkness(img, false))
}

// convert cuts, scales and centres the darkness dark of img.
func convert(img image.Image, dark []float64) ([]uint8, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	x0, y0, x1, y1 := w, h, -1, -1
	for y := range h {
		for x := range w {
			if dark[y*w+x] > 0.05 {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	if x1 < 0 {
		return nil, ErrBlank
	}
	bw, bh := x1-x0+1, y1-y0+1
	scale := float64(Box) / float64(max(bw, bh)) // output pixels per source pixel
	ow, oh := max(1, int(math.Round(float64(bw)*scale))), max(1, int(math.Round(float64(bh)*scale)))
	small := resample(dark, w, x0, y0, bw, bh, ow, oh)

	var mass, mx, my float64
	for y := range oh {
		for x := range ow {
			v := small[y*ow+x]
			mass += v
			mx += v * (float64(x) + 0.5)
			my += v * (float64(y) + 0.5)
		}
	}
	if mass == 0 {
		return nil, ErrBlank
	}
	dx := clamp(int(math.Round(Side/2-mx/mass)), 0, Side-ow)
	dy := clamp(int(math.Round(Side/2-my/mass)), 0, Side-oh)
	out := make([]uint8, Pixels)
	for y := range oh {
		for x := range ow {
			out[(y+dy)*Side+x+dx] = uint8(math.Round(255 * min(1, small[y*ow+x])))
		}
	}
	return out, nil
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// darkness returns the darkness of each pixel of img, from 0 (paper) to 1
// (ink), row by row. With guess, the paper is read from the border: its
// median grey says whether the ink is dark on light or light on dark, and
// its level is taken as paper, so that a scan on grey paper reads as a
// drawing on white. Without, the paper is white.
func darkness(img image.Image, guess bool) []float64 {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	lum := make([]float64, w*h)
	gray, isGray := img.(*image.Gray) // the canvas and most scans: read the bytes directly
	var border []float64
	for y := range h {
		for x := range w {
			var l float64
			if isGray {
				l = float64(gray.Pix[y*gray.Stride+x]) / 0xff
			} else {
				r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				// Transparent pixels are paper: composite onto white.
				paper := float64(0xffff - a)
				l = (0.299*(float64(r)+paper) + 0.587*(float64(g)+paper) + 0.114*(float64(bl)+paper)) / 0xffff
			}
			lum[y*w+x] = l
			if guess && (x == 0 || y == 0 || x == w-1 || y == h-1) {
				border = append(border, l)
			}
		}
	}
	lightPaper, paper := true, 0.0 // paper's darkness
	if len(border) > 0 {
		slices.Sort(border)
		median := border[len(border)/2]
		lightPaper = median >= 0.5
		paper = 1 - median
		if !lightPaper {
			paper = median
		}
	}
	for i, l := range lum {
		d := l
		if lightPaper {
			d = 1 - l
		}
		if paper > 0 && paper < 1 {
			d = (d - paper) / (1 - paper)
		}
		lum[i] = max(0, min(1, d))
	}
	return lum
}

// resample scales the bw x bh box at (x0, y0) of src (w pixels wide) to
// ow x oh pixels, each the average of the part of the box it covers.
func resample(src []float64, w, x0, y0, bw, bh, ow, oh int) []float64 {
	out := make([]float64, ow*oh)
	sx, sy := float64(bw)/float64(ow), float64(bh)/float64(oh) // source pixels per output pixel
	for oy := range oh {
		top, bottom := float64(oy)*sy, float64(oy+1)*sy
		for ox := range ow {
			left, right := float64(ox)*sx, float64(ox+1)*sx
			var sum float64
			for y := int(top); y < bh && float64(y) < bottom; y++ {
				cy := math.Min(bottom, float64(y+1)) - math.Max(top, float64(y))
				for x := int(left); x < bw && float64(x) < right; x++ {
					cx := math.Min(right, float64(x+1)) - math.Max(left, float64(x))
					sum += cx * cy * src[(y0+y)*w+x0+x]
				}
			}
			out[oy*ow+ox] = sum / (sx * sy)
		}
	}
	return out
}
