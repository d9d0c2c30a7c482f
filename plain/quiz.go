package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
)

// Quiz is the plain quiz: each question's network written as a list of
// values, then each part asked on its own line and graded as nnmath check
// grades an answer.
type Quiz struct {
	s       *quiz.Session
	save    func(quiz.Record) error
	saveErr error // the first failure to save, reported once
}

// NewQuiz returns the plain quiz over session s; save, when not nil,
// keeps each answered question.
func NewQuiz(s *quiz.Session, save func(quiz.Record) error) *Quiz {
	return &Quiz{s: s, save: save}
}

// Session returns the quiz as it stands: its score and records.
func (q *Quiz) Session() *quiz.Session { return q.s }

// SaveErr returns why an answer could not be saved, or nil.
func (q *Quiz) SaveErr() error { return q.saveErr }

// Start returns how the quiz works and its first question.
func (q *Quiz) Start() string {
	var b strings.Builder
	line(&b, fmt.Sprintf("Quiz: %d question%s. Type each answer on its own line, keeping 4 significant figures;", q.s.Len(), plural(q.s.Len())))
	line(&b, "type hint for a hint (each one shows more of the way), quit to stop.")
	line(&b, "")
	q.writeQuestion(&b)
	return b.String()
}

// Line grades one answer, or does a command.
func (q *Quiz) Line(text string) (string, bool) {
	var b strings.Builder
	if q.s.Done() {
		return "", true
	}
	cmd := strings.ToLower(strings.TrimSpace(text))
	switch cmd {
	case "":
		q.writePart(&b)
	case "quit", "exit", "q":
		q.writeEnd(&b)
		return b.String(), true
	case "hint", "h", "?":
		shown, more, err := q.s.Hint()
		if err != nil {
			break
		}
		line(&b, "Hint: "+shown[len(shown)-1])
		if !more {
			line(&b, "That was the last hint.")
		}
		q.writePart(&b)
	case "help":
		line(&b, "Type the value asked for, hint or quit.")
		q.writePart(&b)
	default:
		return q.answer(&b, text)
	}
	return b.String(), false
}

// answer grades text as the current part's value.
func (q *Quiz) answer(b *strings.Builder, text string) (string, bool) {
	qu := q.s.Question()
	pr, err := q.s.Answer(strings.TrimSpace(text))
	if errors.Is(err, quiz.ErrDone) {
		return q.nextQuestion(b)
	}
	if err != nil {
		line(b, fmt.Sprintf("%s. Type the value of %s, hint or quit.", capitalise(err.Error()), q.s.Part().Name))
		q.writePart(b)
		return b.String(), false
	}
	WriteCheck(b, qu.Judge, pr.Result)
	if !q.s.Answered() {
		line(b, "")
		q.writePart(b)
		return b.String(), false
	}
	v, right, steps := q.s.Outcome()
	line(b, fmt.Sprintf("Question %d: %s, %d of %d step%s right.", qu.Number, v, right, steps, plural(steps)))
	if rec, ok := q.s.LastRecord(); ok && q.save != nil {
		if err := q.save(rec); err != nil && q.saveErr == nil {
			q.saveErr = err
			line(b, fmt.Sprintf("Your answer could not be saved: %v.", err))
		}
	}
	return q.nextQuestion(b)
}

// nextQuestion moves on and writes the next question, or the end.
func (q *Quiz) nextQuestion(b *strings.Builder) (string, bool) {
	q.s.Next()
	line(b, "")
	if q.s.Done() {
		q.writeEnd(b)
		return b.String(), true
	}
	q.writeQuestion(b)
	return b.String(), false
}

// writeEnd says the quiz is over; the score is written by whoever
// started it (it is also due when the input ends mid-quiz).
func (q *Quiz) writeEnd(b *strings.Builder) {
	line(b, "Quiz over.")
	sum := q.s.Summary()
	for _, t := range sum.Topics {
		line(b, fmt.Sprintf("%s: %d of %d correct.", t.Topic, t.Correct, t.Answered))
	}
	if ids := sum.Lessons(); len(ids) > 0 {
		all := lessons.All()
		var names []string
		for _, id := range ids {
			if i, ok := lessons.Find(all, id); ok {
				names = append(names, fmt.Sprintf("%d, %s", i+1, all[i].Title))
			}
		}
		line(b, "Lessons to revisit: "+strings.Join(names, "; ")+".")
	}
}

// Score is the quiz's score as a line: "Score: 3 of 5 correct."
func (q *Quiz) Score() string {
	c, n := q.s.Score()
	return fmt.Sprintf("Score: %d of %d correct.", c, n)
}

// writeQuestion writes the current question: what to find and the
// network's given values.
func (q *Quiz) writeQuestion(b *strings.Builder) {
	qu := q.s.Question()
	line(b, fmt.Sprintf("Question %d of %d, %s: find %s, %s.", q.s.Index()+1, q.s.Len(), qu.Topic, qu.Target.Name, qu.Target.Description))
	writeGiven(b, qu.Network())
	q.writePart(b)
}

// writePart asks for the current part.
func (q *Quiz) writePart(b *strings.Builder) {
	qu := q.s.Question()
	p := q.s.Part()
	if len(qu.Parts) > 1 {
		line(b, fmt.Sprintf("Step %d of %d: %s = ?", q.s.PartIndex()+1, len(qu.Parts), p.Name))
		return
	}
	line(b, p.Name+" = ?")
}

// writeGiven writes network n in words, then its values by group, one
// line each, weights with the nodes they join.
func writeGiven(b *strings.Builder, n *mathcore.Network) {
	var layers []string
	for l, size := range n.Sizes {
		var names []string
		for j := range size {
			names = append(names, n.NodeLabel(l, j))
		}
		what := "hidden node"
		switch l {
		case 0:
			what = "input"
		case n.Output():
			what = "output"
		}
		if size != 1 {
			what += "s"
		}
		desc := fmt.Sprintf("%d %s (%s)", size, what, strings.Join(names, ", "))
		if l > 0 {
			desc += " with " + n.Activations[l-1].String()
		}
		layers = append(layers, desc)
	}
	loss := "J = ½ Σ (y − out)²"
	if n.Loss == mathcore.MSE {
		loss = "J = (1/n) Σ (y − out)² over the n outputs"
	}
	line(b, "The network: "+strings.Join(layers, "; then ")+". Loss: "+loss+".")
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	var ins []string
	for i, v := range n.Inputs {
		ins = append(ins, n.NodeLabel(0, i)+" = "+num(v))
	}
	line(b, "Inputs: "+strings.Join(ins, ", ")+".")
	var ws, bs []string
	for _, p := range n.Params() {
		if p.Bias {
			bs = append(bs, fmt.Sprintf("%s (of %s) = %s", n.ParamLabel(p), n.NodeLabel(p.Layer+1, p.To), num(n.Value(p))))
			continue
		}
		ws = append(ws, fmt.Sprintf("%s (%s to %s) = %s", n.ParamLabel(p), n.NodeLabel(p.Layer, p.From), n.NodeLabel(p.Layer+1, p.To), num(n.Value(p))))
	}
	line(b, "Weights: "+strings.Join(ws, ", ")+".")
	if len(bs) > 0 {
		line(b, "Biases: "+strings.Join(bs, ", ")+".")
	}
	var ys []string
	for _, f := range lessons.Fields(n) {
		if f.Group == "Targets" {
			ys = append(ys, f.Label+" = "+num(f.Get(n)))
		}
	}
	line(b, "Target: "+strings.Join(ys, ", ")+". Learning rate: η = "+num(n.LearningRate)+".")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// capitalise starts s with a capital letter, as a sentence of its own.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
