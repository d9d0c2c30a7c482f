package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"nnmath/mathcore"
	"nnmath/quiz"
)

// maxAssignmentSize bounds the assignment file.
const maxAssignmentSize = 1 << 20

// Assignment is the work every student of a class gets: a network and the
// quiz on it. Its file is JSON:
//
//	{
//	  "title": "Week 3: the chain rule by hand",
//	  "network": "net.json",
//	  "quiz": {"seed": 42, "count": 8, "topics": ["forward", "gradients"]}
//	}
//
// or, instead of "quiz", a list of the quantities to compute, asked in
// order:
//
//	"questions": ["out_h1", "J", "dJ/dw9", "w9_new"]
//
// "network" is a network file (the format of `nnmath --net`), relative to
// the assignment file; without it the paper's network is used. "quiz"
// draws count questions (1 to 100, default 10) from the seed on the
// topics given (default all); "title" is shown to each student.
type Assignment struct {
	Title   string
	Network *mathcore.Network
	seed    uint64
	count   int
	topics  string
	names   []string
}

// assignmentFile is the JSON form of an assignment.
type assignmentFile struct {
	Title     string   `json:"title"`
	Network   string   `json:"network"`
	Quiz      *quizRef `json:"quiz"`
	Questions []string `json:"questions"`
}

type quizRef struct {
	Seed   *uint64  `json:"seed"`
	Count  int      `json:"count"`
	Topics []string `json:"topics"`
}

// LoadAssignment reads and checks the assignment file at path: its
// network, and that its questions can be asked on it.
func LoadAssignment(path string) (*Assignment, error) {
	data, err := readLimited(path, maxAssignmentSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var f assignmentFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: not an assignment (a JSON object with network and quiz or questions): %s", path, jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: text follows the assignment's JSON object: one object is the whole file", path)
	}
	a := &Assignment{Title: strings.TrimSpace(f.Title), Network: mathcore.Paper(), names: f.Questions}
	if err := mathcore.CheckText("title", a.Title, false); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if f.Network != "" {
		np := f.Network
		if !filepath.IsAbs(np) {
			np = filepath.Join(filepath.Dir(path), np)
		}
		nd, err := readLimited(np, mathcore.MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("%s: network %s: %w", path, np, err)
		}
		if a.Network, err = mathcore.ParseNetwork(nd); err != nil {
			return nil, fmt.Errorf("%s: network %s: %w", path, np, err)
		}
	}
	switch {
	case f.Quiz != nil && len(f.Questions) > 0:
		return nil, fmt.Errorf("%s: give either \"quiz\" (a seed) or \"questions\" (a list), not both", path)
	case f.Quiz == nil && len(f.Questions) == 0:
		return nil, fmt.Errorf("%s: give \"quiz\": {\"seed\": N} or \"questions\": [\"out_h1\", ...], so that every student gets the same questions", path)
	case f.Quiz != nil:
		if f.Quiz.Seed == nil {
			return nil, fmt.Errorf("%s: quiz: give a \"seed\" (a whole number), so that every student gets the same questions", path)
		}
		a.seed, a.count, a.topics = *f.Quiz.Seed, f.Quiz.Count, strings.Join(f.Quiz.Topics, ",")
		if a.count == 0 {
			a.count = 10
		}
		if a.count < 1 || a.count > 100 {
			return nil, fmt.Errorf("%s: quiz: count must be from 1 to 100, got %d", path, a.count)
		}
		if _, err := quiz.ParseTopics(a.topics); err != nil {
			return nil, fmt.Errorf("%s: quiz: topics: %w", path, err)
		}
	}
	if _, _, err := a.Questions(); err != nil {
		msg := strings.ReplaceAll(err.Error(), "judge: ", "")
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "quiz: "))
	}
	return a, nil
}

// jsonProblem says what is wrong with an assignment's JSON in the file's
// own words: the field and the value it takes, not Go's types.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		what := map[string]string{"quiz.seed": "a whole number from 0 to 18446744073709551615",
			"quiz.count": "a whole number", "quiz.topics": "a list of topics", "questions": "a list of quantity names",
			"title": "text", "network": "a file name", "quiz": "an object such as {\"seed\": 1}"}[te.Field]
		if what == "" {
			what = "a " + te.Type.Kind().String()
		}
		got := "a " + te.Value // "a string", "the number -1"
		if strings.HasPrefix(te.Value, "number ") {
			got = "the " + te.Value
		}
		return fmt.Sprintf("%s must be %s, not %s", te.Field, what, got)
	}
	return err.Error()
}

// Questions returns the assignment's quiz, the same each time, and the
// seed recorded with its answers (0 for a question list).
func (a *Assignment) Questions() ([]*quiz.Question, uint64, error) {
	if len(a.names) > 0 {
		qs, err := quiz.Listed(a.Network, a.names)
		return qs, 0, err
	}
	topics, err := quiz.ParseTopics(a.topics)
	if err != nil {
		return nil, 0, err
	}
	qs, err := quiz.Generate(a.seed, a.Network, topics, a.count)
	return qs, a.seed, err
}

// readLimited reads the file at path, refusing one larger than limit.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("the file is larger than %d bytes", limit)
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil && st.Size() > 0 {
		return nil, err
	}
	return data, nil
}
