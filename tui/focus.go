package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nnmath/mathcore"
	"nnmath/quiz"
)

// This file holds how the root moves the focus between the parts of the
// screen: the keys that open another part, and what each part asks for
// when it is done.

// quizQuestions is how many questions the menu's quiz asks.
const quizQuestions = 10

// routeLesson handles a key of the lesson screen: the keys that open
// another part of the screen here, the rest in the lesson.
func (m *Model) routeLesson(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Panel):
			m.focus = focusPanel
			cmd := m.panel.Enter()
			m.lesson.refresh()
			return cmd
		case key.Matches(k, m.keys.Save):
			return m.openSave()
		case key.Matches(k, m.keys.Export):
			m.focus = focusPrompt
			return m.prompt.Open(promptExport, focusLesson, "Export worked solution to: ", DefaultExportPath)
		case key.Matches(k, m.keys.Menu):
			m.focus = focusMenu
			m.menu.Open(m.lesson.pos.lesson)
			return nil
		case key.Matches(k, m.keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			return nil
		}
	}
	var cmd tea.Cmd
	m.lesson, cmd = m.lesson.Update(msg)
	return cmd
}

// routePanel handles a key or message while the panel has the focus: the
// save key and paging the lesson here, the rest in the panel.
func (m *Model) routePanel(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Save):
			return m.openSave()
		case key.Matches(k, m.lesson.keys.PageUp):
			m.lesson.PageUp()
			return nil
		case key.Matches(k, m.lesson.keys.PageDown):
			m.lesson.PageDown()
			return nil
		}
	}
	var cmd tea.Cmd
	var r panelResult
	m.panel, cmd, r = m.panel.Update(msg)
	switch r {
	case panelLeft:
		m.focus = focusLesson
		m.lesson.refresh()
	case panelChanged:
		m.lesson.refresh()
		m.lesson.scroll = scrollChanged // the step the edit changed stays in view
		w := m.session.TargetWarning()
		if w != "" && !m.targetWarned { // once, when a target goes out of reach
			m.status, m.statusErr = w, false
		}
		m.targetWarned = w != ""
	}
	return cmd
}

// openSave asks for the file to save the network to: on a digits lesson
// with a network trained, that network.
func (m *Model) openSave() tea.Cmd {
	if isDigitsLesson(m.lesson.Current().ID) && m.session.MNIST.Run().Net != nil {
		m.focus = focusPrompt
		return m.prompt.Open(promptSaveDigits, focusLesson, "Save the trained network to: ", digitsSavePath(m.session.MNIST.Ten))
	}
	path := m.path
	if path == "" {
		path = DefaultSavePath
	}
	back := m.focus
	m.focus = focusPrompt
	return m.prompt.Open(promptSave, back, "Save network to: ", path)
}

// promptDone writes the file the prompt named, or gives up, and gives the
// focus back.
func (m *Model) promptDone(r promptResult, cmd tea.Cmd) tea.Cmd {
	switch r {
	case promptTyping:
		return cmd
	case promptCancelled:
		m.status = "Nothing written."
	case promptConfirmed:
		path := m.prompt.Value()
		var err error
		switch {
		case m.prompt.kind == promptExport:
			err = exportSolution(path, m.session.Net, m.session.Digits)
			m.status = "Wrote the worked solution to " + path + "."
		case m.prompt.kind == promptSaveDigits:
			if err = saveDigits(path, m.session); err == nil {
				m.status = "Saved the trained network to " + path + ": nnmath --net " + path + " opens it."
			}
		default:
			if err = saveNetwork(path, m.session.Net); err == nil {
				m.path = path
				m.status = "Saved the network to " + path + "."
			}
		}
		if err != nil {
			m.status, m.statusErr = err.Error(), true
			return nil // the prompt stays open, with what was typed
		}
	}
	m.focus = m.prompt.back
	m.prompt.Close()
	if m.focus == focusPanel {
		return m.panel.Refocus()
	}
	return nil
}

// menuDone closes the menu, opens the lesson chosen, or starts the quiz.
func (m *Model) menuDone(r menuResult, cmd tea.Cmd) tea.Cmd {
	switch {
	case r.closed:
		m.focus = focusLesson
	case r.chosen && r.example != "":
		m.focus = focusLesson
		m.openExample(r.example)
	case r.chosen && r.index == quizItem:
		return m.startQuiz()
	case r.chosen:
		m.focus = focusLesson
		m.lesson.Show(r.index)
	}
	return cmd
}

// openExample puts the built-in example called name into the session in
// place of the network: every lesson then shows it, and r restores it.
func (m *Model) openExample(name string) {
	n, err := mathcore.NewExample(name)
	if err != nil {
		m.status, m.statusErr = err.Error(), true
		return
	}
	m.session.Load(n)
	m.path = ""
	m.panel.Reload()
	m.lesson.refresh()
	m.status = "Opened the example " + name + ": " + n.Name + "."
}

// startQuiz opens the quiz: the questions of the tutor's quiz source, or
// fresh small networks, or the session's own network when the tutor was
// opened on a file.
func (m *Model) startQuiz() tea.Cmd {
	questions, seed, err := m.quizQuestionsFor()
	if err != nil {
		m.status, m.statusErr = "cannot start the quiz: "+err.Error(), true
		m.focus = focusLesson
		return nil
	}
	m.quiz = m.withHistory(NewQuiz(quiz.NewSession(questions, seed, nil), m.isDark))
	m.quiz.SetSize(m.width, m.height)
	m.focus = focusQuiz
	return m.quiz.Init()
}

// updateQuizMsg handles the messages the quiz sends, and reports whether
// msg was one.
func (m *Model) updateQuizMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case startQuizMsg:
		return m.startQuiz(), true
	case OpenLessonMsg:
		m.focus = focusLesson
		m.lesson.Open(msg.ID)
	case QuizExitMsg:
		m.focus = focusLesson
		m.lesson.refresh()
	case QuizDoneMsg:
		m.status, m.statusErr = msg.Status()
	case quizSavedMsg: // an answer saved, even after the quiz was left
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.Update(msg)
		if err := m.quiz.SaveErr(); err != nil && m.focus != focusQuiz {
			m.status, m.statusErr = "quiz results not saved: "+err.Error(), true
		}
		if quit := m.wait.Saved(m.quiz.Saving()); quit != nil {
			return quit, true
		}
		return cmd, true
	default:
		return nil, false
	}
	return nil, true
}
