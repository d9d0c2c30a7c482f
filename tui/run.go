package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"nnmath/mathcore"
)

// Run opens the tutor on network n, read from the file at path ("" for
// the paper's network), and returns when the learner quits.
func Run(n *mathcore.Network, path string) error {
	_, err := tea.NewProgram(New(n).WithPath(path).WithColorFGBG(os.Getenv("COLORFGBG"))).Run()
	return err
}
