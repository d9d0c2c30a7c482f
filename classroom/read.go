package classroom

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"nnmath/quiz"
)

// Member is everything the class directory holds about one student.
type Member struct {
	ID       string
	Student  Student
	Records  []quiz.Record
	Sessions []Session
}

// Problem is a file or line of a class directory that could not be read
// and was skipped.
type Problem struct {
	File string
	Line int // 1-based; 0 for the whole file
	Err  error
}

// Error names the file, the line and what is wrong.
func (p Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %v", p.File, p.Err)
	}
	return fmt.Sprintf("%s: line %d: %v", p.File, p.Line, p.Err)
}

// Read reads every student of the class directories dirs (several servers
// each keep their own; a student who used several is merged into one
// member, by identity). Unreadable files and lines are skipped and
// returned as problems; the error is set only when a directory cannot be
// listed at all. Members are sorted by name, then identity.
func Read(dirs ...string) ([]Member, []Problem, error) {
	byID := map[string]*Member{}
	var problems []Problem
	seen := map[string]bool{}
	for _, dir := range dirs {
		key := sameDir(dir)
		if seen[key] {
			continue // named twice (cls and cls/, or a link to it): read once
		}
		seen[key] = true
		root := filepath.Join(dir, studentsDir)
		entries, err := os.ReadDir(root)
		if err != nil {
			if isNotExist(err) {
				if _, serr := os.Stat(dir); serr == nil {
					continue // a class directory no student has used yet
				}
				return nil, problems, fmt.Errorf("classroom: %s is not a class directory (no such folder)", dir)
			}
			return nil, problems, fmt.Errorf("classroom: reading %s: %w", root, err)
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			m := byID[e.Name()]
			if m == nil {
				m = &Member{ID: e.Name()}
				byID[e.Name()] = m
			}
			problems = append(problems, readMember(filepath.Join(root, e.Name()), m)...)
		}
	}
	members := make([]Member, 0, len(byID))
	for _, m := range byID {
		if m.Student.Name == "" && m.Student.Fingerprint == "" {
			m.Student.Name = m.ID
		}
		slices.SortFunc(m.Records, func(a, b quiz.Record) int { return a.Time.Compare(b.Time) })
		members = append(members, *m)
	}
	slices.SortFunc(members, func(a, b Member) int {
		if c := strings.Compare(strings.ToLower(a.Student.Name), strings.ToLower(b.Student.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return members, problems, nil
}

// readMember adds what folder holds to m and returns what it skipped.
func readMember(folder string, m *Member) []Problem {
	var problems []Problem
	sf := filepath.Join(folder, studentFile)
	if s, err := readStudent(sf); err == nil {
		if s.LastSeen.After(m.Student.LastSeen) || m.Student.Name == "" {
			first := m.Student.FirstSeen
			m.Student = s
			if !first.IsZero() && first.Before(s.FirstSeen) {
				m.Student.FirstSeen = first
			}
		}
	} else if !isNotExist(err) {
		problems = append(problems, Problem{File: sf, Err: err})
	}
	hf := filepath.Join(folder, quiz.HistoryFile)
	records, corrupt, err := quiz.ReadHistory(hf)
	m.Records = append(m.Records, records...)
	for _, c := range corrupt {
		problems = append(problems, Problem{File: hf, Line: c.Line, Err: c.Err})
	}
	if err != nil {
		problems = append(problems, Problem{File: hf, Err: errors.New(strings.TrimPrefix(err.Error(), "quiz: "))})
	}
	problems = append(problems, readSessions(filepath.Join(folder, sessionsFile), m)...)
	return problems
}

// readSessions adds the sessions of the file at path to m, skipping and
// returning the lines it cannot read.
func readSessions(path string, m *Member) []Problem {
	f, err := os.Open(path)
	if err != nil {
		if isNotExist(err) {
			return nil
		}
		return []Problem{{File: path, Err: err}}
	}
	defer f.Close()
	var problems []Problem
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		raw, tooLong, rerr := readLine(r)
		line := strings.TrimSpace(string(raw))
		switch {
		case tooLong:
			problems = append(problems, Problem{File: path, Line: n, Err: fmt.Errorf("longer than %d bytes", maxSessionLine)})
		case line == "":
		default:
			var s Session
			if err := json.Unmarshal([]byte(line), &s); err != nil {
				problems = append(problems, Problem{File: path, Line: n, Err: err})
			} else if s.Start.IsZero() || s.Seconds < 0 {
				problems = append(problems, Problem{File: path, Line: n, Err: errors.New("not a session (no start)")})
			} else {
				m.Sessions = append(m.Sessions, s)
			}
		}
		if rerr != nil {
			if rerr != io.EOF {
				problems = append(problems, Problem{File: path, Line: n, Err: rerr})
			}
			break
		}
	}
	return problems
}

// maxSessionLine is the longest line of a sessions file that is read; a
// longer one is skipped and reported, and the lines after it still count.
const maxSessionLine = 1 << 16

// readLine reads one line of r, without its end, and reports a line longer
// than maxSessionLine (whose bytes past the limit are dropped) as tooLong.
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := r.ReadLine()
		if len(line)+len(chunk) > maxSessionLine {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}

// sameDir returns a key that is the same for two names of one directory:
// its absolute path with links resolved, or the cleaned name when that
// cannot be found.
func sameDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return real
	}
	return filepath.Clean(dir)
}
