package lessons

import (
	"strings"

	"nnmath/mnist"
)

// shades are the block characters for a darkness of 0, 1/4, 1/2, 3/4 and 1.
var shades = [...]rune{' ', '░', '▒', '▓', '█'}

// shadeLevel returns the level of darkness x (0 to 1) in shades.
func shadeLevel(x float64) int {
	if !(x > 0) { // also NaN
		return 0
	}
	return min(4, int(x*4+0.5))
}

// halfBlock returns the character for a cell showing pixel top above pixel
// bottom: a half block when one is dark and the other blank, a shade of
// their mean otherwise.
func halfBlock(top, bottom float64) rune {
	t, b := shadeLevel(top), shadeLevel(bottom)
	switch {
	case t == b:
		return shades[t]
	case b == 0 && t >= 3:
		return '▀'
	case t == 0 && b >= 3:
		return '▄'
	}
	return shades[(t+b+1)/2]
}

// picture draws a 28x28 image of darkness values (0 to 1) in 14 lines of
// 28 half-block characters, inside a frame drawn with the corners given.
func picture(x []float64, corners string) []string {
	c := []rune(corners)
	lines := make([]string, 0, CanvasRows+2)
	lines = append(lines, string(c[0])+strings.Repeat("─", mnist.Side)+string(c[1]))
	var b strings.Builder
	for y := 0; y < mnist.Side; y += 2 {
		b.Reset()
		b.WriteRune('│')
		for col := range mnist.Side {
			b.WriteRune(halfBlock(x[y*mnist.Side+col], x[(y+1)*mnist.Side+col]))
		}
		b.WriteRune('│')
		lines = append(lines, b.String())
	}
	return append(lines, string(c[2])+strings.Repeat("─", mnist.Side)+string(c[3]))
}

// CanvasTop is the top line of the canvas the learner draws on, which no
// other picture has: the tui finds the canvas on screen by it.
var CanvasTop = "╭" + strings.Repeat("─", mnist.Side) + "╮"

// canvasLines draws the canvas with its cursor.
func canvasLines(c *Canvas) []string {
	lines := picture(c.Ink[:], "╭╮╰╯")
	row := []rune(lines[1+c.Y])
	cursor := '◆'
	if shadeLevel(max(c.Ink[2*c.Y*mnist.Side+c.X], c.Ink[(2*c.Y+1)*mnist.Side+c.X])) >= 2 {
		cursor = '◇'
	}
	if c.Pen {
		cursor = '●'
	}
	row[1+c.X] = cursor
	lines[1+c.Y] = string(row)
	return lines
}

// weightPicture draws the weights w of one hidden node as a 28x28 picture:
// dark where ink raises the node's net input, the darker the more,
// blank where ink lowers it or does not matter.
func weightPicture(w []float64) []string {
	top := 0.0
	for _, v := range w {
		top = max(top, v)
	}
	x := make([]float64, len(w))
	for i, v := range w {
		if top > 0 && v > 0 {
			x[i] = v / top
		}
	}
	return picture(x, "┌┐└┘")
}
