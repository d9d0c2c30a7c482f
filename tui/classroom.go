package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"nnmath/quiz"
)

// This file holds what a tutor served to a class needs beyond the tutor a
// learner runs on their own machine: its quiz history in a file of the
// server's choosing, the same quiz for every student, no file written on
// the server, and a way for the server to end the program.

// QuizSource returns the questions of a quiz started from the menu and the
// seed recorded with its answers. It is called once per quiz.
type QuizSource func() (questions []*quiz.Question, seed uint64, err error)

// WithHistory makes every quiz started from the menu append its answers to
// the history file at path instead of the user's state directory.
func (m Model) WithHistory(path string) Model {
	m.history = path
	return m
}

// WithQuiz makes the menu's quiz ask the questions src returns instead of
// fresh ones, so that a whole class answers the same questions.
func (m Model) WithQuiz(src QuizSource) Model {
	m.quizSource = src
	return m
}

// WithoutFiles turns off the keys that write files (saving the network,
// exporting the worked solution): a tutor served over SSH runs on the
// teacher's machine, where a student must not write. The help no longer
// lists them.
func (m Model) WithoutFiles() Model {
	m.keys.Save.SetEnabled(false)
	m.keys.Export.SetEnabled(false)
	m.layoutFrame()
	m.frame = m.compose()
	return m
}

// WithTrainingGate makes the digits training take turns with every other
// tutor given the same gate (see TrainingGate).
func (m Model) WithTrainingGate(g TrainingGate) Model {
	m.lesson.work.gate = g
	return m
}

// EndMsg asks the tutor to end as if the learner had quit: at once, or as
// soon as a quiz answer still being saved is written. A server sends it to
// end a session (idle, or shutting down) with the terminal restored.
type EndMsg struct{}

// quizQuestionsFor returns the questions of a new quiz from the menu: the
// source's, or quizQuestions fresh ones (on the session's network when the
// tutor was opened on a file).
func (m *Model) quizQuestionsFor() ([]*quiz.Question, uint64, error) {
	if m.quizSource != nil {
		return m.quizSource()
	}
	seed := uint64(time.Now().UnixNano())
	net := m.session.Start
	if m.path == "" {
		net = nil
	}
	qs, err := quiz.Generate(seed, net, nil, quizQuestions)
	return qs, seed, err
}

// withHistory returns q saving to the tutor's history file, or to the
// user's state directory when none was given.
func (m *Model) withHistory(q QuizModel) QuizModel {
	if m.history != "" {
		return q.WithHistory(m.history)
	}
	return q.WithDefaultHistory()
}

// end handles EndMsg.
func (m *Model) end() tea.Cmd { return m.quit() }

// WithStatus shows text in the status line until the learner's first key,
// such as whom a served tutor knows the student as.
func (m Model) WithStatus(text string) Model {
	m.status, m.statusErr = text, false
	m.layoutFrame()
	m.frame = m.compose()
	return m
}
