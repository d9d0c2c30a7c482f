package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"nnmath/atomicfile"
	"nnmath/export"
	"nnmath/mathcore"
)

// DefaultExportPath is where x suggests writing the worked solution.
const DefaultExportPath = "nnmath-solution.md"

// DefaultSavePath is where ctrl+s suggests saving a network that did not
// come from a file.
const DefaultSavePath = "nnmath-network.json"

// saveNetwork writes n to path atomically; the network in memory is never changed.
func saveNetwork(path string, n *mathcore.Network) error {
	if path == "" {
		return errors.New("type a file name to save to")
	}
	data, err := mathcore.MarshalNetwork(n)
	if err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	return atomicfile.WriteFile(path, data, 0o644)
}

// exportSolution writes the worked solution of one training step of n to
// path atomically: LaTeX for a .tex file, Markdown otherwise.
func exportSolution(path string, n *mathcore.Network, digits int) error {
	if path == "" {
		return errors.New("type a file name to export to")
	}
	format := export.Markdown
	if strings.EqualFold(filepath.Ext(path), ".tex") {
		format = export.LaTeX
	}
	data, err := export.Render(n, export.Options{Format: format, Digits: digits})
	if err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	return atomicfile.WriteFile(path, data, 0o644)
}
