package tui

import (
	"errors"
	"fmt"

	"nnmath/atomicfile"
	"nnmath/mathcore"
)

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
