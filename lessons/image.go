package lessons

import (
	"strings"

	"nnmath/mathcore"
)

// HasImage reports whether the inputs of n can be read as the image
// lesson's 2x2 drawing, one pixel's darkness per input.
func HasImage(n *mathcore.Network) bool { return n.Sizes[0] == 4 }

func buildImage(s *Session, width int) Page {
	if !HasImage(s.Net) {
		return Page{Skip: "This lesson reads a 2x2 drawing as the network's 4 inputs, but this network has " +
			plural(s.Net.Sizes[0], "input") + ", so there is no 2x2 image to show. The inputs are simply " +
			"the numbers it is given."}
	}
	labels := make([]string, 4)
	vals := make([]string, 4)
	for i := range vals {
		labels[i] = s.Net.NodeLabel(0, i)
		vals[i] = outText(s, 0, i)
	}
	intro := []Block{
		Text("A picture is a grid of pixels, and each pixel is a number: how dark it is, from 0 (white) to " +
			"1 (black). The paper's drawing of a 4 is tiny, just 2x2 pixels."),
		Fig(fitLines(imageFigure(s), width)),
	}
	var outside []string
	for i, x := range s.Net.Inputs {
		if x < 0 || x > 1 {
			outside = append(outside, labels[i]+" = "+outText(s, 0, i))
		}
	}
	if len(outside) > 0 {
		verb, it := " lies", "it is not a darkness"
		if len(outside) > 1 {
			verb, it = " lie", "they are not darknesses"
		}
		intro = append(intro, Text(strings.Join(outside, ", ")+verb+" outside 0 to 1, so "+it+": the drawing shows "+
			"a value below 0 as white and one above 1 as black, and the network takes the numbers as they are."))
	}
	steps := []Step{
		{
			Title: "Reading order",
			Text: []string{"Read the pixels like a page: the top row from left to right, then the next row. " +
				"Any fixed order works, as long as every picture is read the same way."},
			Figure: []string{labels[0] + " " + labels[1], labels[2] + " " + labels[3]},
		},
		{
			Title:   "The vector",
			Text:    []string{"Writing the darkness of each pixel in that order gives the input vector."},
			Formula: "[" + strings.Join(labels, ", ") + "]",
			Result:  "[" + strings.Join(vals, ", ") + "]",
			After: []string{"These are the values of the input nodes. Darker pixels give bigger numbers, " +
				"and a white pixel gives 0, so it adds nothing to the next layer."},
		},
	}
	return Page{Intro: intro, Steps: steps}
}

// imageShade returns the block character for a darkness in [0, 1].
func imageShade(x float64) string {
	switch {
	case !(x >= 0.125): // also NaN
		return " "
	case x < 0.375:
		return "░"
	case x < 0.625:
		return "▒"
	case x < 0.875:
		return "▓"
	}
	return "█"
}

// imageFigure draws the 2x2 image, each pixel shaded by its darkness and
// labelled with its input and value.
func imageFigure(s *Session) []string {
	texts := make([]string, 4)
	// A pixel is at least as wide as a darkness such as 0.5000 needs, and
	// keeps a column for the mark of a changed value, so that neither a
	// mark nor a shorter value such as 0 moves the box.
	w := 0
	for i := range texts {
		mark := " "
		if i == s.Pixel {
			mark = "▸"
		}
		label := mark + s.Net.NodeLabel(0, i) + " "
		texts[i] = label + outText(s, 0, i)
		unmarked := strings.TrimRight(texts[i], Up+Down)
		w = max(w, textWidth(unmarked)+2, textWidth(label)+s.Digits+2+2)
	}
	inner := func(i int) (string, string) {
		shade := strings.Repeat(imageShade(s.Trace.Out[0][i]), w)
		return shade, " " + padRight(texts[i], w-1)
	}
	bar := strings.Repeat("─", w)
	lines := []string{"┌" + bar + "┬" + bar + "┐"}
	for r := 0; r < 2; r++ {
		a1, a2 := inner(2 * r)
		b1, b2 := inner(2*r + 1)
		lines = append(lines, "│"+a1+"│"+b1+"│", "│"+a1+"│"+b1+"│", "│"+a2+"│"+b2+"│")
		if r == 0 {
			lines = append(lines, "├"+bar+"┼"+bar+"┤")
		}
	}
	lines = append(lines, "└"+bar+"┴"+bar+"┘")
	lines = append(lines, "white (blank) ░ ▒ ▓ █ black",
		"▸ "+s.Net.NodeLabel(0, s.Pixel)+" is selected: "+s.Key(PrevPixel)+" "+s.Key(NextPixel)+" choose, "+
			s.Key(Darken)+" "+s.Key(Lighten)+" shade")
	return lines
}
