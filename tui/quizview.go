package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nnmath/judge"
	"nnmath/quiz"
)

// minNetworkLines is how many lines of the network stay visible above the
// pinned question, however long the question's hints grow.
const minNetworkLines = 3

// askingLines lays out a question being asked: the network, which
// scrolls, and the pinned block below it that always shows: the targets
// and learning rate, the question, the answered parts, the hints and the
// answer field. height is the body's height. When the pinned block would
// leave fewer than minNetworkLines lines of network, its earliest lines
// after the question's title move below the network, into the scrolled
// part.
func (m *QuizModel) askingLines(w, height int) (scroll, pinned []string) {
	st := m.styles
	s := m.session
	q := s.Question()
	if q == nil {
		return nil, nil
	}
	scroll = append(figure(st.Figure, m.figure, w), "")
	head := []string{style(st.Text, ansi.Truncate(givens(q.Network()), w, "…")),
		style(st.Heading, fmt.Sprintf("Question %d of %d · %s: find %s", s.Index()+1, s.Len(), q.Topic, q.Target.Name))}
	mid := paragraph(st.Hint, q.Target.Description+". Keep 4 significant figures in every step.", w)
	if len(q.Parts) > 1 {
		var names []string
		for _, p := range q.Parts {
			names = append(names, p.Name)
		}
		mid = append(mid, paragraph(st.Text, "On the way: "+strings.Join(names, " → "), w)...)
	}
	for _, p := range s.Parts() {
		mid = append(mid, "  "+partLine(st, p))
	}
	for i, h := range s.ShownHints() {
		mid = append(mid, paragraph(st.Note, fmt.Sprintf("  hint %d: %s", i+1, h), w)...)
	}
	m.input.Prompt = "  " + s.Part().Name + " = "
	m.input.SetWidth(max(8, min(30, w-textWidth(m.input.Prompt)-1)))
	tail := []string{m.input.View()}
	if m.err != "" {
		tail = append(tail, paragraph(st.Error, "  ✗ "+m.err, w)...)
	}
	limit := height - min(minNetworkLines, len(scroll)) - 1 // a line for the scroll mark
	if extra := len(head) + len(mid) + len(tail) - limit; extra > 0 {
		cut := min(extra, len(mid))
		scroll = append(scroll, mid[:cut]...)
		mid = mid[cut:]
	}
	pinned = append(append(head, mid...), tail...)
	if len(scroll) > height-len(pinned) { // the network does not fit: say it scrolls
		pinned = append([]string{style(st.StepOld, "╌╌ ↑/↓ scroll the network above ╌╌")}, pinned...)
	}
	if len(pinned) > height-1 { // a tiny screen: the answer field first
		pinned = pinned[len(pinned)-(height-1):]
	}
	return scroll, pinned
}

// answeredLines lays out an answered question: the network and the
// question (scrolled past at first), then from line m.verdict the parts
// with their verdicts, how the question counts, the explanations and the
// worked chains.
func (m *QuizModel) answeredLines(w int) []string {
	st := m.styles
	s := m.session
	q := s.Question()
	if q == nil {
		return nil
	}
	lines := append(figure(st.Figure, m.figure, w), style(st.Text, ansi.Truncate(givens(q.Network()), w, "…")), "")
	lines = append(lines, style(st.Heading, fmt.Sprintf("Question %d of %d · %s: find %s", s.Index()+1, s.Len(), q.Topic, q.Target.Name)))
	lines = append(lines, paragraph(st.Hint, q.Target.Description+".", w)...)
	lines = append(lines, "")
	m.verdict = len(lines)
	parts := s.Parts()
	for _, p := range parts {
		lines = append(lines, partLine(st, p))
	}
	if v, right, steps := s.Outcome(); steps > 1 {
		text, paint := fmt.Sprintf("All %d steps right: the question counts as correct.", steps), st.Up
		if v != judge.Correct {
			paint = st.Down
			if v == judge.Close {
				paint = st.Note
			}
			text = fmt.Sprintf("%d of %d steps right: the question counts as %s.", right, steps, v)
			for _, p := range parts {
				if p.Carried {
					text += " The steps after your slip were judged on your own numbers, so the slip counts once."
					break
				}
			}
		}
		lines = append(lines, paragraph(paint, text, w)...) // coloured as the parts' marks are
	}
	if m.saveErr != nil {
		lines = append(lines, paragraph(st.Error, "Not saved to the history: "+m.saveErr.Error(), w)...)
	}
	last := parts[len(parts)-1]
	lines = append(lines, "")
	var slip *quiz.PartResult
	for i, p := range parts {
		right := p.Verdict == judge.Correct || p.Carried
		if !right && slip == nil && i < len(parts)-1 {
			slip = &parts[i]
		}
		if !right || p.Carried || i == len(parts)-1 {
			lines = append(lines, paragraph(st.Text, p.Quantity.Name+": "+p.Explanation, w)...)
		}
	}
	lines = append(lines, "")
	lines = append(lines, workedLines(st, "Worked chain", last.Worked, parts, w)...)
	if slip != nil {
		lines = append(lines, "")
		lines = append(lines, workedLines(st, "Where the slip is: "+slip.Quantity.Name, slip.Worked, parts, w)...)
	}
	lines = append(lines, "", style(st.Hint, keyNames(m.keys.Next)+": next question"))
	return lines
}

// partLine is one answered part with its verdict mark.
func partLine(st Styles, p quiz.PartResult) string {
	mark, paint, word := "✗", st.Down, "incorrect"
	switch {
	case p.Carried:
		mark, paint, word = "✓", st.Up, "correct for your earlier answers"
	case p.Verdict == judge.Correct:
		mark, paint, word = "✓", st.Up, "correct"
	case p.Verdict == judge.Close:
		mark, paint, word = "≈", st.Note, "close"
	}
	s := style(paint, mark) + " " + p.Quantity.Name + " = " + strings.TrimSpace(p.Text) + "  " + word
	if p.Hints > 0 {
		s += fmt.Sprintf(" (%d hint%s)", p.Hints, plural(p.Hints))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// summaryLines lays out the end of the quiz.
func (m *QuizModel) summaryLines(w int) []string {
	st := m.styles
	s := m.session
	sum := s.Summary()
	_, best := s.Streak()
	lines := []string{style(st.Heading, "Quiz complete")}
	lines = append(lines, paragraph(st.Text, fmt.Sprintf("%d of %d question%s correct · %d of %d step%s right · best streak %d · %d hint%s · %s in all",
		sum.Correct, sum.Answered, plural(sum.Answered), sum.StepsRight, sum.Steps, plural(sum.Steps), best, sum.Hints, plural(sum.Hints), clock(sum.Seconds)), w)...)
	lines = append(lines, "")
	row := func(a, b, c, d, e, f, g string) string {
		return padRight(a, 10) + padLeft(b, 9) + padLeft(c, 9) + padLeft(d, 7) + padLeft(e, 8) + padLeft(f, 7) + padLeft(g, 11)
	}
	lines = append(lines, style(st.StepOld, row("topic", "answered", "correct", "close", "steps", "hints", "mean time")))
	for _, t := range sum.Topics {
		weak := ""
		if t.Weak {
			weak = "  ← revisit"
		}
		lines = append(lines, row(t.Topic, strconv.Itoa(t.Answered), strconv.Itoa(t.Correct), strconv.Itoa(t.Close),
			strconv.Itoa(t.StepsRight)+"/"+strconv.Itoa(t.Steps), strconv.Itoa(t.Hints), clock(t.MeanSeconds()))+style(st.Note, weak))
	}
	lines = append(lines, "")
	if m.saveErr != nil {
		lines = append(lines, paragraph(st.Error, "Results not saved to the history: "+m.saveErr.Error(), w)...)
		lines = append(lines, "")
	}
	if len(m.revisit) == 0 {
		lines = append(lines, paragraph(st.Status, "No weak topic: every topic is at least 80% correct.", w)...)
		return lines
	}
	lines = append(lines, style(st.Heading, "Lessons to revisit"))
	for i, id := range m.revisit {
		title := m.titles[id]
		var topics []string
		for _, t := range sum.Topics {
			for _, l := range t.Lessons {
				if l == id {
					topics = append(topics, t.Topic)
				}
			}
		}
		line := "  " + title + "  (" + strings.Join(topics, ", ") + ")"
		if i == m.choice {
			line = style(st.Focus, "▸ "+line[2:])
		}
		lines = append(lines, line)
	}
	hint := keyName(m.keys.Open) + ": open the chosen lesson"
	if len(m.revisit) > 1 {
		hint = keyName(m.keys.ChooseNext) + ": choose · " + hint
	}
	lines = append(lines, "", style(st.Hint, hint+" · "+keyName(m.keys.QuitLetter)+": quit"))
	return lines
}

// clock writes seconds as m:ss.
func clock(sec float64) string {
	d := int(sec + 0.5)
	return fmt.Sprintf("%d:%02d", d/60, d%60)
}

// statusLine is the quiz's status: question, score, streak and time.
func (m QuizModel) statusLine() string {
	s := m.session
	c, a := s.Score()
	cur, _ := s.Streak()
	var text string
	if s.Done() {
		text = fmt.Sprintf("Quiz · %d question%s · score %d/%d", s.Len(), plural(s.Len()), c, a)
	} else {
		text = fmt.Sprintf("Quiz · question %d/%d · score %d/%d · streak %d · time %s",
			s.Index()+1, s.Len(), c, a, cur, clock(m.elapsed.Seconds()))
	}
	return " " + style(m.styles.Title, ansi.Truncate(text, max(1, m.width-2), "…"))
}
