package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
)

// This file holds the key handling of each focus: the lesson, the menu, the
// parameter panel and the file prompt.

// updatePanel handles a key while a field of the parameter panel is focused.
func (m Model) updatePanel(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	s := m.session
	switch {
	case key.Matches(msg, k.FieldLeave):
		m.panel.leave()
		m.focus = focusLesson
		m.refresh()
		return m, nil
	case key.Matches(msg, k.FieldNext):
		m.panel.move(s, 1)
	case key.Matches(msg, k.FieldPrev):
		m.panel.move(s, -1)
	case key.Matches(msg, k.FieldApply):
		if m.panel.apply(s) {
			m.refresh()
		}
	case key.Matches(msg, k.NudgeUp):
		m.nudged(m.panel.nudge(s, 0.01))
	case key.Matches(msg, k.NudgeDown):
		m.nudged(m.panel.nudge(s, -0.01))
	case key.Matches(msg, k.NudgeUpMore):
		m.nudged(m.panel.nudge(s, 0.1))
	case key.Matches(msg, k.NudgeDownMore):
		m.nudged(m.panel.nudge(s, -0.1))
	case key.Matches(msg, k.Save):
		return m, m.openSave()
	case key.Matches(msg, k.PageUp):
		m.viewport.PageUp()
	case key.Matches(msg, k.PageDown):
		m.viewport.PageDown()
	default:
		return m, m.panel.typed(msg)
	}
	return m, nil
}

func (m *Model) nudged(ok bool) {
	if ok {
		m.refresh()
	}
}

// openSave asks for the file to save the network to.
func (m *Model) openSave() tea.Cmd {
	m.prompt.back = m.focus
	m.focus = focusPrompt
	path := m.path
	if path == "" {
		path = DefaultSavePath
	}
	return m.prompt.open(promptSave, "Save network to: ", path)
}

// startQuiz opens the quiz: fresh small networks, or the session's own
// network when the tutor was opened on a file.
func (m *Model) startQuiz() tea.Cmd {
	var net *mathcore.Network
	if m.path != "" {
		net = m.session.Start
	}
	seed := uint64(time.Now().UnixNano())
	questions, err := quiz.Generate(seed, net, nil, quizQuestions)
	if err != nil {
		m.status, m.statusErr = "cannot start the quiz: "+err.Error(), true
		m.focus = focusLesson
		return nil
	}
	m.quiz = NewQuiz(quiz.NewSession(questions, seed, nil), m.isDark).WithDefaultHistory()
	m.quiz.SetSize(m.width, m.height)
	m.focus = focusQuiz
	return m.quiz.Init()
}

// openExport asks for the file to write the worked solution to.
func (m *Model) openExport() tea.Cmd {
	m.prompt.back = m.focus
	m.focus = focusPrompt
	return m.prompt.open(promptExport, "Export worked solution to: ", DefaultExportPath)
}

// updatePrompt handles a key while the file prompt is open.
func (m Model) updatePrompt(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.focus = m.prompt.back
		m.status = "Nothing written."
	case key.Matches(msg, m.keys.Confirm):
		path := strings.TrimSpace(m.prompt.input.Value())
		if m.prompt.kind == promptExport {
			if err := exportSolution(path, m.session.Net, m.session.Digits); err != nil {
				m.status, m.statusErr = err.Error(), true
				return m, nil
			}
			m.status = "Wrote the worked solution to " + path + "."
		} else {
			if err := saveNetwork(path, m.session.Net); err != nil {
				m.status, m.statusErr = err.Error(), true
				return m, nil
			}
			m.path = path
			m.status = "Saved the network to " + path + "."
		}
		m.focus = m.prompt.back
	default:
		var cmd tea.Cmd
		m.prompt.input, cmd = m.prompt.input.Update(msg)
		return m, cmd
	}
	m.prompt.input.Blur()
	if m.focus == focusPanel {
		m.panel.input.Focus()
	}
	return m, nil
}

// keepTicking arms the next training tick while a run is going.
func (m *Model) keepTicking() tea.Cmd {
	if m.ticking || !m.session.Training.Running {
		return nil
	}
	m.ticking = true
	return trainTick()
}

// updateLesson handles a key while the lesson has the focus.
func (m Model) updateLesson(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s := m.session
	k := &m.keys
	switch {
	case key.Matches(msg, k.Next):
		m.goTo(m.current + 1)
	case key.Matches(msg, k.Prev):
		m.goTo(m.current - 1)
	case key.Matches(msg, k.Jump):
		if i, err := strconv.Atoi(msg.String()); err == nil {
			m.goTo(i - 1)
		}
	case key.Matches(msg, k.Panel):
		m.focus = focusPanel
		cmd := m.panel.enter(s)
		m.refresh()
		return m, cmd
	case key.Matches(msg, k.Save):
		return m, m.openSave()
	case key.Matches(msg, k.Export):
		return m, m.openExport()
	case key.Matches(msg, k.PixelPrev):
		s.SelectPixel(-1)
	case key.Matches(msg, k.PixelNext):
		s.SelectPixel(1)
	case key.Matches(msg, k.Darken):
		s.ShadePixel(1)
	case key.Matches(msg, k.Lighten):
		s.ShadePixel(-1)
	case key.Matches(msg, k.Menu):
		m.focus = focusMenu
		m.menu.open(m.current)
		return m, nil
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m, nil
	case key.Matches(msg, k.Up):
		m.viewport.ScrollUp(1)
		return m, nil
	case key.Matches(msg, k.Down):
		m.viewport.ScrollDown(1)
		return m, nil
	case key.Matches(msg, k.PageUp):
		m.viewport.PageUp()
		return m, nil
	case key.Matches(msg, k.PageDown):
		m.viewport.PageDown()
		return m, nil
	case key.Matches(msg, k.Fewer):
		s.Digits = max(1, s.Digits-1)
	case key.Matches(msg, k.More):
		s.Digits = min(10, s.Digits+1)
	case key.Matches(msg, k.Reveal):
		if m.revealed[m.current] < m.body.steps {
			m.revealed[m.current]++
			m.relayout()
			m.showNewest()
		}
		return m, nil
	case key.Matches(msg, k.Hide):
		if m.revealed[m.current] > 0 {
			m.revealed[m.current]--
			m.relayout()
			m.showNewest()
		}
		return m, nil
	case key.Matches(msg, k.Dot):
		s.ToggleDot(strings.IndexByte(mathcore.DieDotNames, msg.String()[0]))
	case key.Matches(msg, k.FaceNext):
		s.StepFace(1)
	case key.Matches(msg, k.FacePrev):
		s.StepFace(-1)
	case key.Matches(msg, k.PointUp):
		s.MovePoint(0, 1)
	case key.Matches(msg, k.PointDown):
		s.MovePoint(0, -1)
	case key.Matches(msg, k.PointLeft):
		s.MovePoint(-1, 0)
	case key.Matches(msg, k.PointRight):
		s.MovePoint(1, 0)
	case key.Matches(msg, k.EtaUp):
		s.ScaleEta(1)
	case key.Matches(msg, k.EtaDown):
		s.ScaleEta(-1)
	case key.Matches(msg, k.ParamPrev), key.Matches(msg, k.ParamNext):
		all := m.revealed[m.current] >= m.body.steps
		if key.Matches(msg, k.ParamPrev) {
			s.SelectParam(-1)
		} else {
			s.SelectParam(1)
		}
		m.refresh()
		if all { // every step was shown: show every step of the new chain too
			m.revealed[m.current] = m.body.steps
			m.relayout()
		}
		return m, nil
	case key.Matches(msg, k.SlipPrev), key.Matches(msg, k.SlipNext):
		if key.Matches(msg, k.SlipPrev) {
			s.SelectSlip(-1)
		} else {
			s.SelectSlip(1)
		}
		m.refresh()
		m.showLineWith("▶ ")
		return m, nil
	case key.Matches(msg, k.SlipOpen):
		id, steps := s.ShowSlip()
		if i, ok := lessons.Find(m.lessons, id); ok {
			m.goTo(i)
			m.revealed[i] = steps // the step with the note is the newest, later ones hidden
			m.refresh()
			m.showNewest()
		}
		return m, nil
	case key.Matches(msg, k.Apply):
		if err := s.ApplyUpdate(); err != nil {
			m.status, m.statusErr = err.Error(), true
		}
	case key.Matches(msg, k.Undo):
		s.UndoUpdate()
	case key.Matches(msg, k.Reset):
		s.Reset()
	case key.Matches(msg, k.TrainToggle):
		s.ToggleTraining()
		m.refresh()
		return m, m.keepTicking()
	case key.Matches(msg, k.Faster):
		s.TrainSpeed(1)
	case key.Matches(msg, k.Slower):
		s.TrainSpeed(-1)
	default:
		return m, nil
	}
	m.refresh()
	return m, nil
}

// updateMenu handles a key while the lesson menu is open.
func (m Model) updateMenu(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.menu.filtering() && key.Matches(msg, m.keys.Choose) {
		// enter ends the filter and opens the first lesson it left, at once
		m.menu.list, _ = m.menu.list.Update(msg)
	}
	if !m.menu.filtering() {
		switch {
		case key.Matches(msg, m.keys.Close):
			m.focus = focusLesson
			return m, nil
		case key.Matches(msg, m.keys.Choose):
			i, ok := m.menu.selected()
			if !ok {
				return m, nil
			}
			if i == quizItem {
				return m, m.startQuiz()
			}
			m.focus = focusLesson
			m.goTo(i)
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.menu.list, cmd = m.menu.list.Update(msg)
	return m, cmd
}
