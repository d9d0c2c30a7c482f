package quiz

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// HistoryFile is the name of the history file inside the state directory.
const HistoryFile = "history.jsonl"

// HistoryPath returns where the history is kept:
// $XDG_STATE_HOME/nnmath/history.jsonl when XDG_STATE_HOME is set to an
// absolute path, else the platform's state directory: %LocalAppData% on
// Windows, ~/.local/state elsewhere.
func HistoryPath() (string, error) {
	if dir := os.Getenv("XDG_STATE_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "nnmath", HistoryFile), nil
	}
	if runtime.GOOS == "windows" {
		dir := os.Getenv("LocalAppData")
		if dir == "" {
			return "", errors.New("quiz: no state directory: %LocalAppData% is not set")
		}
		return filepath.Join(dir, "nnmath", HistoryFile), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("quiz: no state directory: %w", err)
	}
	return filepath.Join(home, ".local", "state", "nnmath", HistoryFile), nil
}

// AppendHistory appends records to the history file at path, one JSON
// line each, creating the file and its directory when needed. The file is
// opened with O_APPEND and all the lines are written by a single write
// call, so lines appended at the same time by two processes never mix and
// earlier lines are never touched. When the file does not end in a
// newline (a write cut short left a torn last line), the lines start with
// one, so the torn line stays alone (and is skipped when read) and the new
// records are kept.
func AppendHistory(path string, records []Record) error {
	if len(records) == 0 {
		return nil
	}
	var buf []byte
	for _, r := range records {
		line, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("quiz: writing the history %s: %w", path, err)
		}
		buf = append(append(buf, line...), '\n')
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("quiz: creating the history folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("quiz: opening the history: %w", err)
	}
	if torn, err := endsTorn(f); err != nil {
		f.Close()
		return fmt.Errorf("quiz: reading the end of the history %s: %w", path, err)
	} else if torn {
		buf = append([]byte{'\n'}, buf...)
	}
	if _, err := f.Write(buf); err != nil {
		f.Close()
		return fmt.Errorf("quiz: writing the history %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("quiz: writing the history %s: %w", path, err)
	}
	return nil
}

// endsTorn reports whether f is not empty and does not end in a newline.
// Another process may append between this check and the write; then the
// extra newline only makes an empty line, which ReadHistory skips.
func endsTorn(f *os.File) (bool, error) {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], st.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// CorruptLine is a line of the history that could not be read.
type CorruptLine struct {
	Line int // 1-based
	Err  error
}

// Error returns the line number and what is wrong with it.
func (c CorruptLine) Error() string { return fmt.Sprintf("line %d: %v", c.Line, c.Err) }

// maxLine is the longest history line read; longer ones are corrupt.
const maxLine = 1 << 20

// ReadHistory reads every record of the history file at path. A missing
// file is an empty history. Lines that are not a record (a torn write,
// stray text) are skipped and listed in corrupt, and every other line is
// still read; err is set only when the file cannot be read at all.
func ReadHistory(path string) (records []Record, corrupt []CorruptLine, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("quiz: cannot read the history %s: %w", path, pathless(err))
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, tooLong, rerr := readLine(r)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			var rec Record
			switch {
			case tooLong:
				corrupt = append(corrupt, CorruptLine{n, fmt.Errorf("longer than %d bytes", maxLine)})
			default:
				if jerr := json.Unmarshal(line, &rec); jerr != nil {
					corrupt = append(corrupt, CorruptLine{n, jerr})
				} else if rec.Topic == "" || rec.Verdict == "" {
					corrupt = append(corrupt, CorruptLine{n, errors.New("not a quiz record (no topic or verdict)")})
				} else if rec.Seconds < 0 {
					corrupt = append(corrupt, CorruptLine{n, errors.New("not a quiz record (a negative time)")})
				} else {
					records = append(records, rec)
				}
			}
		}
		if rerr != nil {
			if errors.Is(rerr, io.EOF) {
				return records, corrupt, nil
			}
			return records, corrupt, fmt.Errorf("quiz: cannot read the history %s: %w", path, pathless(rerr))
		}
	}
}

// pathless returns the cause of a *fs.PathError ("permission denied",
// "is a directory") without the path and operation the caller names
// anyway.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readLine returns the next line without its newline, reading at most
// maxLine bytes of it (the rest is skipped and tooLong set).
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := r.ReadLine()
		if len(line)+len(chunk) > maxLine {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}

// Stats summarises a history by topic: per topic the questions answered,
// correct and close, the hints taken and the mean time per question.
func Stats(records []Record) Summary { return Summarize(records) }
