package tui

// This file holds navigation through the lessons as a pure function: where
// the learner is in the deck, and where a move takes them.

// position is where the learner is in the deck: the lesson shown, and how
// many steps of each lesson are revealed (each lesson keeps its own count
// while the learner is elsewhere).
type position struct {
	lesson   int
	revealed []int
}

// newPosition returns the start of a deck of n lessons: the first lesson,
// and one step of each revealed.
func newPosition(n int) position {
	p := position{revealed: make([]int, n)}
	for i := range p.revealed {
		p.revealed[i] = 1
	}
	return p
}

// move is one kind of step through the deck.
type move int

const (
	moveNext   move = iota // the next lesson
	movePrev               // the previous lesson
	moveTo                 // lesson arg
	moveReveal             // one more step of the lesson shown
	moveHide               // one step fewer
	moveShow               // exactly arg steps of the lesson shown
)

// navigate returns where move mv (with its argument arg) takes the learner
// from p, on a lesson of steps steps. Moves past either end of the deck, to
// a lesson that does not exist, or past the first or last step leave p as
// it is. p is never changed: the result has its own revealed counts.
func navigate(p position, mv move, arg, steps int) position {
	next := position{lesson: p.lesson, revealed: append([]int(nil), p.revealed...)}
	n := len(p.revealed)
	r := &next.revealed[p.lesson]
	switch mv {
	case moveNext:
		next.lesson = min(p.lesson+1, n-1)
	case movePrev:
		next.lesson = max(p.lesson-1, 0)
	case moveTo:
		if arg >= 0 && arg < n {
			next.lesson = arg
		}
	case moveReveal:
		*r = min(*r+1, max(*r, steps))
	case moveHide:
		*r = max(*r-1, 0)
	case moveShow:
		*r = max(0, min(arg, steps))
	}
	return next
}

// shown returns how many steps of the current lesson are revealed.
func (p position) shown() int { return p.revealed[p.lesson] }
