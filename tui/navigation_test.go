package tui

import (
	"slices"
	"testing"
)

// TestNavigate replays moves through a deck of four lessons without a
// terminal, as a learner's keys would make them.
func TestNavigate(t *testing.T) {
	type mv struct {
		m     move
		arg   int
		steps int // steps of the lesson shown
	}
	cases := []struct {
		name     string
		moves    []mv
		lesson   int
		revealed []int
	}{
		{"start", nil, 0, []int{1, 1, 1, 1}},
		{"back on the first lesson stays", []mv{{movePrev, 0, 3}}, 0, []int{1, 1, 1, 1}},
		{"next past the last stays", []mv{{moveNext, 0, 3}, {moveNext, 0, 3}, {moveNext, 0, 3}, {moveNext, 0, 3}}, 3, []int{1, 1, 1, 1}},
		{"reveal stops at the last step", []mv{{moveReveal, 0, 3}, {moveReveal, 0, 3}, {moveReveal, 0, 3}}, 0, []int{3, 1, 1, 1}},
		{"hide stops at none", []mv{{moveHide, 0, 3}, {moveHide, 0, 3}}, 0, []int{0, 1, 1, 1}},
		{"each lesson keeps its steps", []mv{{moveReveal, 0, 3}, {moveNext, 0, 3}, {moveHide, 0, 2}, {movePrev, 0, 2}}, 0, []int{2, 0, 1, 1}},
		{"jump", []mv{{moveTo, 2, 3}}, 2, []int{1, 1, 1, 1}},
		{"jump past the deck stays", []mv{{moveTo, 4, 3}, {moveTo, -1, 3}}, 0, []int{1, 1, 1, 1}},
		{"show all", []mv{{moveShow, 5, 5}}, 0, []int{5, 1, 1, 1}},
		{"show clamps to the steps", []mv{{moveShow, 9, 5}, {moveNext, 0, 5}, {moveShow, -2, 4}}, 1, []int{5, 0, 1, 1}},
		{"reveal on a lesson without steps", []mv{{moveHide, 0, 0}, {moveReveal, 0, 0}}, 0, []int{0, 1, 1, 1}},
	}
	for _, c := range cases {
		p := newPosition(4)
		for _, m := range c.moves {
			before := slices.Clone(p.revealed)
			next := navigate(p, m.m, m.arg, m.steps)
			if !slices.Equal(p.revealed, before) {
				t.Fatalf("%s: navigate changed its argument", c.name)
			}
			p = next
		}
		if p.lesson != c.lesson || !slices.Equal(p.revealed, c.revealed) {
			t.Errorf("%s: at lesson %d with %v revealed, want %d with %v", c.name, p.lesson, p.revealed, c.lesson, c.revealed)
		}
	}
}
