package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// refresh rebuilds the body for the current state and size: while asking,
// the network in the viewport and the question and answer field pinned
// below it; otherwise everything in the viewport.
func (m *QuizModel) refresh() {
	if m.state == quizSummary {
		m.revisit = m.session.Summary().Lessons()
		if m.choice >= len(m.revisit) {
			m.choice = 0
		}
	}
	m.keys.enable(m.state, len(m.revisit), m.session.HintsLeft() > 0)
	w := max(1, m.width-2)
	body := max(1, m.height-2) // between the status line and the help bar
	var lines, pinned []string
	m.verdict = -1
	switch m.state {
	case quizSummary:
		lines = m.summaryLines(w)
	case quizAnswered:
		lines = m.answeredLines(w)
	default:
		lines, pinned = m.askingLines(w, body)
	}
	lines, pinned = margin(lines, w), margin(pinned, w)
	vh := body - len(pinned)
	if m.state == quizAsking {
		vh = min(vh, len(lines)) // the question follows the network when both fit
	}
	vh = max(1, vh)
	m.pinned = pinned
	m.filler = max(0, body-vh-len(pinned))
	m.help.SetWidth(max(1, m.width-2))
	m.viewport.SetWidth(m.width)
	m.viewport.SetHeight(vh)
	m.viewport.SetContentLines(lines)
	m.frame = m.compose()
}

// margin cuts lines to width w and indents them by one column.
func margin(lines []string, w int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if textWidth(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		out[i] = " " + l
	}
	return out
}

// View returns the frame the last Update (or resize) composed.
func (m QuizModel) View() string { return m.frame }

// compose renders the status line, the body and the help bar in the size
// given to SetSize.
func (m QuizModel) compose() string {
	var b strings.Builder
	b.WriteString(m.statusLine() + "\n" + m.viewport.View())
	for _, l := range m.pinned {
		b.WriteString("\n" + l)
	}
	b.WriteString(strings.Repeat("\n", m.filler))
	bar := m.help.View(m.keys)
	if m.leaving {
		bar = style(m.styles.Status, "Leave the quiz? "+keyName(m.keys.Quit)+" leaves, any other key stays; "+
			"the answers given are kept.")
	}
	b.WriteString("\n" + ansi.Truncate(helpMargin.Render(bar), m.width, "…"))
	return b.String()
}
