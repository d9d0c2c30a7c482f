package classreport

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats lists the formats Write writes, as --format names them.
func Formats() []string { return []string{"markdown", "csv", "json"} }

// Write writes r to w in format ("markdown", "csv" or "json").
func Write(w io.Writer, r Report, format string) error {
	switch format {
	case "markdown", "md":
		return writeMarkdown(w, r)
	case "csv":
		return writeCSV(w, r)
	case "json":
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		return e.Encode(r)
	}
	return fmt.Errorf("unknown format %q: choose %s", format, strings.Join(Formats(), ", "))
}

// writeCSV writes three tables one after the other, each with its own
// header row and a blank line between them: the students (one row each,
// the four topics as columns), the class's slips and the questions missed.
func writeCSV(w io.Writer, r Report) error {
	c := safeCSV{csv.NewWriter(w)}
	_ = c.Write([]string{"name", "fingerprint", "answered", "correct", "close", "steps", "steps_right", "hints",
		"forward_answered", "forward_correct", "loss_answered", "loss_correct", "gradients_answered", "gradients_correct",
		"update_answered", "update_correct", "quiz_minutes", "session_minutes", "sessions", "slips"})
	for _, s := range r.Students {
		row := []string{s.Name, s.Fingerprint, itoa(s.Answered), itoa(s.Correct), itoa(s.Close), itoa(s.Steps),
			itoa(s.StepsRight), itoa(s.Hints)}
		for _, name := range []string{"forward", "loss", "gradients", "update"} {
			t := topic(s, name)
			row = append(row, itoa(t.Answered), itoa(t.Correct))
		}
		row = append(row, minutes(s.QuizSeconds), minutes(s.SessionSeconds), itoa(s.Sessions), slipList(s.Slips, "; "))
		_ = c.Write(row)
	}
	c.Flush()
	fmt.Fprintln(w)
	_ = c.Write([]string{"slip", "words", "count", "students", "example_name", "example_quantity", "example_answer",
		"example_exact", "example_question", "lesson"})
	for _, s := range r.Slips {
		exact := ""
		if s.Example.Exact != nil {
			exact = num(*s.Example.Exact)
		}
		_ = c.Write([]string{s.Slip, s.Words, itoa(s.Count), itoa(s.Students), s.Example.Name, s.Example.Quantity,
			num(s.Example.Answer), exact, s.Example.Question, s.Lesson.Title})
	}
	c.Flush()
	fmt.Fprintln(w)
	_ = c.Write([]string{"quantity", "topic", "asked", "missed", "lesson"})
	for _, q := range r.Questions {
		_ = c.Write([]string{q.Quantity, q.Topic, itoa(q.Asked), itoa(q.Missed), q.Lesson.Title})
	}
	c.Flush()
	return c.Error()
}

// topic returns the student's line for the topic name (zero when none).
func topic(s Student, name string) Topic {
	for _, t := range s.Topics {
		if t.Topic == name {
			return t
		}
	}
	return Topic{Topic: name}
}

// slipList writes a student's slips as "a flipped sign ×2", joined by sep.
func slipList(slips []SlipCount, sep string) string {
	parts := make([]string, len(slips))
	for i, s := range slips {
		parts[i] = s.Words
		if s.Count > 1 {
			parts[i] += " ×" + itoa(s.Count)
		}
	}
	return strings.Join(parts, sep)
}

func itoa(n int) string { return strconv.Itoa(n) }

// num writes a number exactly enough to be read back.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// minutes writes seconds as minutes with one decimal.
func minutes(sec float64) string { return strconv.FormatFloat(sec/60, 'f', 1, 64) }

// safeCSV writes rows whose text cells cannot run as a spreadsheet formula:
// a student chooses their own name, and "=1+2" opened in a spreadsheet
// would be computed. A cell that starts as a formula does (=, +, -, @, tab,
// carriage return) and is not a number gets a leading apostrophe, which
// spreadsheets show as text.
type safeCSV struct{ *csv.Writer }

// Write writes one row with its cells made safe.
func (c safeCSV) Write(row []string) error {
	for i, cell := range row {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			if _, err := strconv.ParseFloat(cell, 64); err != nil {
				row[i] = "'" + cell
			}
		}
	}
	return c.Writer.Write(row)
}
