package classroom

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Session is one finished session of a student, as sessions.jsonl keeps it.
type Session struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	Seconds float64   `json:"seconds"`
	// Reason is why it ended: "quit", "idle", "shutdown", "lost" (the
	// connection closed without the tutor being quit).
	Reason string `json:"reason"`
	Name   string `json:"name,omitempty"` // the name the student used in it
}

// LogSession appends s to the sessions of the student with id, in one
// write with O_APPEND, so that a report reading at the same time sees
// either the whole line or none of it.
func (d Dir) LogSession(id string, s Session) error {
	line, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("classroom: %w", err)
	}
	folder := d.folder(id)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return fmt.Errorf("classroom: creating the student's folder: %w", err)
	}
	path := filepath.Join(folder, sessionsFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("classroom: opening %s: %w", path, err)
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("classroom: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("classroom: writing %s: %w", path, err)
	}
	return nil
}
