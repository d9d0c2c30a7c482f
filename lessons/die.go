package lessons

import (
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// DieState is the die lesson's drawing: which of the dots a..g are filled.
type DieState struct {
	Dots mathcore.DieDots
}

// newDieState starts on the paper's example [1,0,0,1,0,0,1], a three.
func newDieState() DieState {
	d, _ := mathcore.DieFaceDots(3)
	return DieState{Dots: d}
}

// ToggleDot fills or clears dot i (0 for a .. 6 for g).
func (s *Session) ToggleDot(i int) {
	if i >= 0 && i < len(s.Die.Dots) {
		s.Die.Dots[i] = !s.Die.Dots[i]
	}
}

// SetFace draws face f (1..6); other values are ignored.
func (s *Session) SetFace(f int) {
	if d, err := mathcore.DieFaceDots(f); err == nil {
		s.Die.Dots = d
	}
}

// StepFace draws the next (delta 1) or previous (delta -1) face, wrapping
// from 6 to 1; dots that are no face go to 1 (or 6 going back).
func (s *Session) StepFace(delta int) {
	f, ok := s.Die.Dots.Face()
	switch {
	case !ok && delta > 0:
		f = 1
	case !ok:
		f = 6
	default:
		f = (f-1+delta+6)%6 + 1
	}
	s.SetFace(f)
}

func buildDie(s *Session, width int) Page {
	d := s.Die.Dots
	v := d.Vector()
	nums := make([]string, len(v))
	names := make([]string, len(v))
	for i, x := range v {
		nums[i] = numtext.Format(x, 0)
		names[i] = string(mathcore.DieDotNames[i])
	}
	face, ok := d.Face()
	verdict := "no face: a die never shows these dots"
	if ok {
		verdict = "a " + dieWord(face)
	}
	intro := []Block{
		Text("A network only takes numbers. To show it a die, give each of the seven places where a dot can " +
			"sit a letter, a to g, and write 1 where there is a dot and 0 where there is none."),
		Fig(fitLines(dieFigure(d), width)),
	}
	steps := []Step{
		{
			Title: "The seven places",
			Text: []string{"Read the places row by row: a and b in the top corners, c, d and e across the " +
				"middle, f and g in the bottom corners. The middle of the top and bottom rows never holds " +
				"a dot on a real die."},
			Formula: "x = [" + strings.Join(names, ", ") + "]",
		},
		{
			Title:   "The vector",
			Text:    []string{"Each place becomes one number: 1 for a dot (●), 0 for an empty place (·)."},
			Formula: "x",
			Result:  "[" + strings.Join(nums, ", ") + "]",
			Figure:  fitLines(dieVectorFigure(names, nums), width),
		},
		{
			Title:   "Which face?",
			Text:    []string{"The dots drawn are " + d.String() + "."},
			Formula: "face",
			Result:  verdict,
			After: []string{"The same seven numbers could feed a network with seven inputs, one per place; " +
				"the network never sees the picture, only the vector."},
		},
	}
	return Page{Intro: intro, Steps: steps}
}

// dieWord names a face in words: "one" .. "six".
func dieWord(face int) string {
	words := [...]string{"one", "two", "three", "four", "five", "six"}
	if face >= 1 && face <= 6 {
		return words[face-1]
	}
	return "no face"
}

// dieFigure draws the die with each place as ● or · and its letter.
func dieFigure(d mathcore.DieDots) []string {
	cell := func(i int) string {
		if d[i] {
			return "●" + string(mathcore.DieDotNames[i])
		}
		return "·" + string(mathcore.DieDotNames[i])
	}
	row := func(a, b, c string) string { return "│ " + a + "  " + b + "  " + c + " │" }
	return []string{
		"┌────────────┐",
		row(cell(0), "  ", cell(1)),
		row(cell(2), cell(3), cell(4)),
		row(cell(5), "  ", cell(6)),
		"└────────────┘",
	}
}

// dieVectorFigure lines each place's letter up with its number.
func dieVectorFigure(names, nums []string) []string {
	return []string{
		"place  " + strings.Join(names, "  "),
		"x      " + strings.Join(nums, "  "),
	}
}
