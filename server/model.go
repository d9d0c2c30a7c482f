package server

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"nnmath/tui"
)

// endMsg asks a served tutor to end, for reason.
type endMsg struct{ reason string }

// idleCheckMsg asks whether the student has been idle too long.
type idleCheckMsg struct{}

// sessionModel is one student's tutor with the server's own rules around
// it: it ends the tutor after idle without a key (so that the tutor, not
// the connection, ends the session and restores the terminal), and when
// the server asks, and remembers why.
type sessionModel struct {
	tutor *tui.Model    // by pointer: the tutor is a large value, and messages are many
	idle  time.Duration // 0: never
	// alarm sends idleCheckMsg after a duration. It is a timer the session
	// owns and stops when it ends, not a tea.Tick, whose goroutine would
	// outlive a closed session by up to idle.
	alarm  func(time.Duration)
	last   time.Time // the student's last key, click or resize
	reason string    // why the tutor was asked to end; "" when the student quit
}

// newSessionModel returns tutor with the idle limit idle, whose first
// check alarm is already set to send.
func newSessionModel(tutor tui.Model, idle time.Duration, alarm func(time.Duration)) sessionModel {
	return sessionModel{tutor: &tutor, idle: idle, alarm: alarm, last: time.Now()}
}

// Init starts the tutor.
func (m sessionModel) Init() tea.Cmd { return m.tutor.Init() }

// checkIn returns the command that sets the alarm to check for idleness
// again after d.
func (m sessionModel) checkIn(d time.Duration) tea.Cmd {
	return func() tea.Msg {
		m.alarm(d)
		return nil
	}
}

// Update notes the student's activity, ends the tutor when idle or asked,
// and passes everything else to the tutor.
func (m sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg, tea.MouseMsg, tea.PasteMsg, tea.WindowSizeMsg:
		m.last = time.Now()
	case idleCheckMsg:
		if m.idle == 0 {
			return m, nil
		}
		if left := m.idle - time.Since(m.last); left > 0 {
			return m, m.checkIn(left)
		}
		return m.end(reasonIdle)
	case endMsg:
		return m.end(msg.reason)
	}
	return m, m.tutor.Handle(msg)
}

// end asks the tutor to end (it waits for a quiz answer being saved) and
// records why.
func (m sessionModel) end(reason string) (tea.Model, tea.Cmd) {
	if m.reason == "" {
		m.reason = reason
	}
	return m, m.tutor.Handle(tui.EndMsg{})
}

// View is the tutor's.
func (m sessionModel) View() tea.View { return m.tutor.View() }
