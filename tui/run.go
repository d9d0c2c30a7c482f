package tui

import (
	tea "charm.land/bubbletea/v2"

	"nnmath/mathcore"
)

// Run opens the tutor on network n and returns when the learner quits.
func Run(n *mathcore.Network) error {
	_, err := tea.NewProgram(New(n)).Run()
	return err
}
