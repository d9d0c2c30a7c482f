package classroom

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
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
	for _, dir := range dirs {
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
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var s Session
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			problems = append(problems, Problem{File: path, Line: n, Err: err})
			continue
		}
		if s.Start.IsZero() || s.Seconds < 0 {
			problems = append(problems, Problem{File: path, Line: n, Err: errors.New("not a session (no start)")})
			continue
		}
		m.Sessions = append(m.Sessions, s)
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, Problem{File: path, Err: err})
	}
	return problems
}
