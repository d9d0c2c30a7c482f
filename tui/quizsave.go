package tui

import (
	tea "charm.land/bubbletea/v2"

	"nnmath/quiz"
)

// quizSavedMsg reports one append to the history: nil, or why it failed.
type quizSavedMsg struct{ err error }

// WithHistory makes the quiz append each question's record to the history
// file at path as soon as the question is answered, so that closing the
// terminal mid-quiz loses nothing already answered. Its QuizDoneMsg then
// carries no Records and names path instead.
func (m QuizModel) WithHistory(path string) QuizModel {
	m.saving, m.history, m.saveErr = true, path, nil
	m.refresh()
	return m
}

// WithDefaultHistory is WithHistory with the history in the user's state
// directory (quiz.HistoryPath). When there is no state directory, nothing
// is saved; the screen and QuizDoneMsg say why.
func (m QuizModel) WithDefaultHistory() QuizModel {
	path, err := quiz.HistoryPath()
	m = m.WithHistory(path)
	if err != nil {
		m.history, m.saveErr = "", err
		m.refresh()
	}
	return m
}

// SaveErr returns why a result could not be saved, or nil.
func (m QuizModel) SaveErr() error { return m.saveErr }

// Saving reports whether an append to the history has not reported yet:
// a program that quits should wait for it.
func (m QuizModel) Saving() bool { return m.pending > 0 }

// saveLast returns the command that appends the record of the question
// answered last to the history, or nil when the quiz saves nothing.
func (m *QuizModel) saveLast() tea.Cmd {
	rec, ok := m.session.LastRecord()
	if !m.saving || m.history == "" || !ok {
		return nil
	}
	path := m.history
	m.pending++
	return func() tea.Msg { return quizSavedMsg{err: quiz.AppendHistory(path, []quiz.Record{rec})} }
}

// saved takes the report of an append, and sends QuizDoneMsg when the
// summary was waiting for it.
func (m *QuizModel) saved(msg quizSavedMsg) tea.Cmd {
	m.pending = max(0, m.pending-1)
	if msg.err != nil {
		m.saveErr = msg.err
		m.refresh()
	}
	return m.done()
}
