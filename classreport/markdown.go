package classreport

import (
	"fmt"
	"io"
	"strings"
	"time"

	"nnmath/numtext"
)

// writeMarkdown writes the report for a teacher to read: the class in a
// few words, the students, the slips made most, the questions missed
// most, each student's slips, and what was skipped.
func writeMarkdown(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Class report\n\nRead from %s on %s UTC: %d student%s, %d question%s answered, %d correct.\n",
		strings.Join(quoteAll(r.Dirs), ", "), r.Generated.Format("2006-01-02 15:04"), len(r.Students), plural(len(r.Students)),
		r.Answered, plural(r.Answered), r.Correct)
	b.WriteString("\n## Students\n\n")
	if len(r.Students) == 0 {
		b.WriteString("No student has connected yet.\n")
	} else {
		b.WriteString("| student | key | answered | correct | forward | loss | gradients | update | time | slips |\n")
		b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n")
		for _, s := range r.Students {
			key := "`" + s.Fingerprint + "`"
			if s.Fingerprint == "" {
				key = "(no key)"
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d |", cell(s.Name), key, s.Answered, s.Correct)
			for _, name := range []string{"forward", "loss", "gradients", "update"} {
				if t := topic(s, name); t.Answered > 0 {
					fmt.Fprintf(&b, " %d/%d |", t.Correct, t.Answered)
				} else {
					b.WriteString(" – |")
				}
			}
			fmt.Fprintf(&b, " %s | %s |\n", duration(s), cell(orNone(slipList(s.Slips, ", "))))
		}
		b.WriteString("\nTopic columns: correct/answered. Time: connected to the tutor (time on quiz questions when no session was logged).\n")
	}
	b.WriteString("\n## Slips the class made most\n\n")
	if len(r.Slips) == 0 {
		b.WriteString("No slip was named in any answer.\n")
	} else {
		b.WriteString("| slip | times | students | example wrong answer | lesson to revisit |\n|---|--:|--:|---|---|\n")
		for _, s := range r.Slips {
			fmt.Fprintf(&b, "| %s | %d | %d | %s | %s |\n", cell(s.Words), s.Count, s.Students, cell(exampleText(s.Example)),
				cell(s.Lesson.Title))
		}
	}
	b.WriteString("\n## Questions missed most\n\n")
	if len(r.Questions) == 0 {
		b.WriteString("No question was missed.\n")
	} else {
		b.WriteString("| quantity | topic | missed | asked | lesson |\n|---|---|--:|--:|---|\n")
		for _, q := range r.Questions {
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %s |\n", cell(q.Quantity), q.Topic, q.Missed, q.Asked, cell(q.Lesson.Title))
		}
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "\n## Skipped\n\n%d line%s or file%s could not be read and %s left out:\n\n", len(r.Skipped),
			plural(len(r.Skipped)), plural(len(r.Skipped)), map[bool]string{true: "is", false: "are"}[len(r.Skipped) == 1])
		for _, s := range r.Skipped {
			if s.Line > 0 {
				fmt.Fprintf(&b, "- `%s` line %d: %s\n", s.File, s.Line, cell(s.Error))
			} else {
				fmt.Fprintf(&b, "- `%s`: %s\n", s.File, cell(s.Error))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// exampleText writes a wrong answer: "bob wrote out_h1 = 0.376 (exact
// 0.5929)", or "... = 0.3605 on the way to dJ/dw9".
func exampleText(e Example) string {
	t := e.Name + " wrote " + e.Quantity + " = " + num(e.Answer)
	if e.Exact != nil {
		return t + " (exact " + numtext.FormatSig(*e.Exact, 4) + ")"
	}
	return t + " on the way to " + e.Question
}

// duration writes the time a student spent: connected, or on questions.
func duration(s Student) string {
	sec := s.SessionSeconds
	if s.Sessions == 0 {
		sec = s.QuizSeconds
	}
	d := time.Duration(sec * float64(time.Second)).Round(time.Second)
	switch {
	case d >= time.Hour:
		return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%ds", int(d.Seconds()))
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.Join(strings.Fields(s), " ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func quoteAll(dirs []string) []string {
	out := make([]string, len(dirs))
	for i, d := range dirs {
		out[i] = "`" + d + "`"
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
