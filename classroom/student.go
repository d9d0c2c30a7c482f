package classroom

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"nnmath/atomicfile"
	"nnmath/quiz"
)

// Files inside the class directory.
const (
	HostKeyFile  = "host_ed25519"
	studentsDir  = "students"
	studentFile  = "student.json"
	sessionsFile = "sessions.jsonl"
)

// Student is who a student is: how the server knows them and the name
// they go by.
type Student struct {
	// Fingerprint is the SHA256 fingerprint of the student's SSH key, as
	// `ssh-keygen -l` prints it ("SHA256:..."); empty for a student let
	// in without a key on an open server.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Name is the SSH user name of the student's last session, or the name
	// they typed on an open server.
	Name      string    `json:"name"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// ID returns the name of the student's folder: made from the fingerprint,
// or, for a student without a key, from their name.
func (s Student) ID() string {
	if s.Fingerprint != "" {
		return KeyID(s.Fingerprint)
	}
	return NameID(s.Name)
}

// KeyID returns the folder name of the student with key fingerprint fp:
// the fingerprint with the characters a file name cannot hold replaced
// ("SHA256:ab/c+d" -> "SHA256-ab_c-d").
func KeyID(fp string) string {
	return strings.NewReplacer(":", "-", "/", "_", "+", "-").Replace(fp)
}

// NameID returns the folder name of a student without a key who gave
// name: "name-" followed by its letters and digits in lower case, and a
// short hash of the whole name so that two names that differ only in
// other characters are two students.
func NameID(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && b.Len() < 32 {
			b.WriteRune(r)
		}
	}
	sum := sha256.Sum256([]byte(name))
	return "name-" + b.String() + "-" + hex.EncodeToString(sum[:4])
}

// Dir is a class directory.
type Dir string

// Open returns the class directory at path, creating it (readable by its
// owner only) when it does not exist.
func Open(path string) (Dir, error) {
	if err := os.MkdirAll(filepath.Join(path, studentsDir), 0o700); err != nil {
		return "", fmt.Errorf("classroom: creating the class directory: %w", err)
	}
	return Dir(path), nil
}

// HostKeyPath returns where the server's host key is kept.
func (d Dir) HostKeyPath() string { return filepath.Join(string(d), HostKeyFile) }

// folder returns the folder of the student with id.
func (d Dir) folder(id string) string { return filepath.Join(string(d), studentsDir, id) }

// HistoryPath returns the quiz history file of the student with id.
func (d Dir) HistoryPath(id string) string { return filepath.Join(d.folder(id), quiz.HistoryFile) }

// Enroll records that s has connected at now: it writes student.json,
// keeping the first time the student was seen, and returns the student as
// recorded.
func (d Dir) Enroll(s Student, now time.Time) (Student, error) {
	folder := d.folder(s.ID())
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return s, fmt.Errorf("classroom: creating the student's folder: %w", err)
	}
	s.FirstSeen, s.LastSeen = now.UTC(), now.UTC()
	if old, err := readStudent(filepath.Join(folder, studentFile)); err == nil && !old.FirstSeen.IsZero() {
		s.FirstSeen = old.FirstSeen
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return s, fmt.Errorf("classroom: %w", err)
	}
	if err := atomicfile.WriteFile(filepath.Join(folder, studentFile), append(data, '\n'), 0o600); err != nil {
		return s, fmt.Errorf("classroom: writing %s: %w", studentFile, err)
	}
	return s, nil
}

// readStudent reads a student.json.
func readStudent(path string) (Student, error) {
	var s Student
	data, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return s, err
	}
	if s.Name == "" && s.Fingerprint == "" {
		return s, errors.New("names no student (no name, no fingerprint)")
	}
	return s, nil
}

// isNotExist reports whether err says a file is missing.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Seen reports whether s has connected before.
func (d Dir) Seen(s Student) (bool, error) {
	_, err := readStudent(filepath.Join(d.folder(s.ID()), studentFile))
	if isNotExist(err) {
		return false, nil
	}
	return err == nil, err
}
