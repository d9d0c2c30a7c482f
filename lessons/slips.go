package lessons

import (
	"strconv"

	"nnmath/mathcore"
)

// slipLessonIDs are the lessons where each of the paper's ten slips
// happens, in the order of the worked-example page.
var slipLessonIDs = [...]string{
	IDSigmoid,     // 1. the sign in the sigmoid
	IDLoss,        // 2. the output matches the exact hidden values
	IDChainOutput, // 3. the sign of dJ/dout
	IDChainOutput, // 4. two roundings of dout/dnet_o
	IDSigmoid,     // 5. the derivation of the sigmoid's slope
	IDChainOutput, // 6. dJ/dw9
	IDChainHidden, // 7. dJ/dw1
	IDLoss,        // 8. two definitions of the loss
	IDDescent,     // 9. the direction of the steps
	IDLoss,        // 10. nets instead of outputs
}

// slipSteps are, for each slip, the step of its lesson whose note explains
// it (1-based), on the paper's network.
var slipSteps = [len(slipLessonIDs)]int{1, 2, 1, 2, 8, 4, 6, 3, 1, 1}

// SelectSlip moves the selection in the slips lesson to the next (delta 1)
// or previous (delta -1) slip, wrapping around.
func (s *Session) SelectSlip(delta int) {
	n := len(slipLessonIDs)
	s.Slip = ((s.Slip+delta)%n + n) % n
}

// SlipLesson returns the ID of the lesson where the selected slip happens.
func (s *Session) SlipLesson() string {
	n := len(slipLessonIDs)
	return slipLessonIDs[(s.Slip%n+n)%n]
}

// ShowSlip returns where the selected slip happens: the ID of its lesson
// and how many of that lesson's steps to reveal so that the step with the
// paper's note is the newest. For the hidden-weight chain it also selects
// w1, the weight whose chain the paper works.
func (s *Session) ShowSlip() (lessonID string, steps int) {
	i := (s.Slip%len(slipLessonIDs) + len(slipLessonIDs)) % len(slipLessonIDs)
	if slipLessonIDs[i] == IDChainHidden {
		s.Selected = mathcore.Param{}
	}
	return slipLessonIDs[i], slipSteps[i]
}

func buildSlips(s *Session, width int) Page {
	text := "The paper works its example by hand, and a few numbers slipped on the way. Here is each one " +
		"next to the exact value the tutor computes, with the reason."
	if s.IsPaper() {
		text += " Select one; " + s.Key(OpenSlip) + " opens the lesson where it happens."
	}
	intro := []Block{Text(text)}
	if !s.IsPaper() {
		intro = append(intro, Text("These slips are about the paper's own example, so the numbers below are "+
			"computed on the paper's network, not on the one you are using."))
	}
	sel := (s.Slip%len(slipLessonIDs) + len(slipLessonIDs)) % len(slipLessonIDs)
	for i, sl := range paperSlips(s) {
		mark := "  "
		if i == sel {
			mark = "▶ "
		}
		where := lessonName(slipLessonIDs[i])
		var lines []string
		for k, l := range wrapText(strconv.Itoa(i+1)+". "+sl.title+"  ("+where+")", width-2) {
			if k == 0 {
				lines = append(lines, mark+l)
			} else {
				lines = append(lines, "     "+l)
			}
		}
		switch {
		case i == sel && s.IsPaper():
			lines = append(lines, "     "+s.Key(OpenSlip)+": open it in "+where)
		case i == sel && mathcore.IsPaper(s.Start):
			lines = append(lines, "     (its note shows there with the paper's values; "+s.Key(RestoreStart)+" restores them)")
		case i == sel:
			lines = append(lines, "     (its note shows there with the paper's values)")
		}
		rows := [][]string{{"", "printed", "exact"}}
		for _, r := range sl.rows {
			rows = append(rows, []string{r[0], r[1], r[2]})
		}
		table := tableLines(rows)
		if blockWidth(table)+5 > width { // too narrow for columns: one row after another
			table = nil
			for _, r := range rows[1:] {
				table = append(table, r[0])
				if r[1] != "" {
					table = append(table, "  printed "+r[1])
				}
				table = append(table, "  exact "+r[2])
			}
		}
		for _, l := range table {
			lines = append(lines, "     "+l)
		}
		for _, l := range wrapText(sl.reason, width-5) {
			lines = append(lines, "     "+l)
		}
		intro = append(intro, Fig(fitLines(lines, width)))
	}
	return Page{Intro: intro}
}
