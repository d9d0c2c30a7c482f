package tui

import "nnmath/quiz"

// The quiz screen talks to whoever embeds it through three messages, sent
// as the result of a tea.Cmd from QuizModel.Update:
//
//   - QuizDoneMsg once, when the last question is left and the summary is
//     shown: save Records to the history (unless told not to). A quiz made
//     WithHistory has saved each record as it was answered already; its
//     QuizDoneMsg carries no Records and says where they went.
//   - OpenLessonMsg when the learner asks, from the summary, for a lesson to
//     revisit: open the lesson with that ID (lessons.Find).
//   - QuizExitMsg when the learner leaves the quiz (esc, ctrl+c, or q when
//     the answer field is not being typed in): close the screen or quit.

// QuizDoneMsg reports that the quiz is over: the records still to save and
// the summary by topic.
type QuizDoneMsg struct {
	// Records holds one record per answered question when the quiz saves
	// nothing itself, for the receiver to save; it is empty for a quiz made
	// WithHistory, which appended each record as its question was answered.
	Records []quiz.Record
	Summary quiz.Summary
	// History is the file a quiz made WithHistory appended its records to,
	// "" when it saved nothing itself.
	History string
	// SaveErr is why a record could not be appended to History, or nil.
	SaveErr error
}

// Status says, for a status line, where a quiz made WithHistory saved its
// results, or why it could not; isErr marks the second. It is "" for a
// quiz that saved nothing itself.
func (d QuizDoneMsg) Status() (text string, isErr bool) {
	switch {
	case d.SaveErr != nil:
		return "quiz results not saved: " + d.SaveErr.Error(), true
	case d.History != "":
		return "Quiz results saved to " + d.History + ".", false
	}
	return "", false
}

// OpenLessonMsg asks the root model to open the lesson with ID.
type OpenLessonMsg struct{ ID string }

// QuizExitMsg asks the root model to leave the quiz.
type QuizExitMsg struct{}
