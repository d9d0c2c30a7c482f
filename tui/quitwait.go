package tui

import tea "charm.land/bubbletea/v2"

// quitWait decides when a program that saves quiz answers may quit: at
// once, or, when the learner quits while an answer is still being appended
// to the history, as soon as the last append has reported. The tutor's
// root model and the program of RunQuiz each hold one:
//
//	// the learner quits (Quit changes m.wait: call it before returning m)
//	cmd := m.wait.Quit(m.quiz.Saving())
//	return m, cmd
//
//	// after the quiz has taken a message, such as an append's report
//	if quit := m.wait.Saved(m.quiz.Saving()); quit != nil {
//		return m, quit
//	}
//
// Its zero value waits for nothing.
type quitWait struct {
	waiting bool // the learner quit while an answer was being saved
}

// Quit asks to quit: it returns tea.Quit when nothing is being saved
// (saving is false), and otherwise returns nil and remembers to quit once
// the saving is over (see Saved).
func (q *quitWait) Quit(saving bool) tea.Cmd {
	if saving {
		q.waiting = true
		return nil
	}
	return tea.Quit
}

// Saved is called after a message that may end the saving has been
// handled (saving says whether answers are still being written): it
// returns tea.Quit when a quit was waiting and nothing is being saved any
// more, and nil otherwise.
func (q quitWait) Saved(saving bool) tea.Cmd {
	if q.waiting && !saving {
		return tea.Quit
	}
	return nil
}

// Waiting reports whether a quit waits for an answer to be saved.
func (q quitWait) Waiting() bool { return q.waiting }
