package quiz

import (
	"slices"
	"time"

	"nnmath/judge"
	"nnmath/lessons"
)

// Record is one answered question as the history file keeps it, one JSON
// object a line.
type Record struct {
	Time     time.Time `json:"time"`
	Seed     uint64    `json:"seed"`
	Question int       `json:"question"`
	Topic    string    `json:"topic"`
	Quantity string    `json:"quantity"`
	Answer   float64   `json:"answer"`
	Exact    float64   `json:"exact"`
	// Verdict is the question's: "correct" when every step was right (a
	// step right for the learner's earlier answers counts as right),
	// otherwise the worst verdict of a step, "close" or "incorrect".
	Verdict string `json:"verdict"`
	// Carried is set when the last step was right only for the learner's
	// earlier answers (error carried forward).
	Carried bool `json:"carried,omitempty"`
	// Slip is the slip diagnosed at the first step that had one.
	Slip    string       `json:"slip,omitempty"`
	Hints   int          `json:"hints"`
	Seconds float64      `json:"seconds"`
	Lesson  string       `json:"lesson"` // the lesson that teaches the quantity
	Parts   []PartRecord `json:"parts,omitempty"`
}

// PartRecord is one answered part of a question.
type PartRecord struct {
	Quantity string  `json:"quantity"`
	Answer   float64 `json:"answer"`
	Verdict  string  `json:"verdict"`
	Carried  bool    `json:"carried,omitempty"`
	Lesson   string  `json:"lesson,omitempty"` // the lesson that teaches this step
}

// right reports whether the step was right: correct, or correct for the
// learner's earlier answers.
func (p PartRecord) right() bool { return p.Verdict == judge.Correct.String() || p.Carried }

// outcome returns the question's verdict and how many of its steps were
// right. Records with parts are judged from them, so that a history
// written when a slip followed by carried steps counted as correct reads
// the way it does now: the slip makes the question not correct.
func (r Record) outcome() (verdict string, right, steps int) {
	if len(r.Parts) == 0 {
		if r.Verdict == judge.Correct.String() {
			right = 1
		}
		return r.Verdict, right, 1
	}
	verdict = judge.Correct.String()
	for _, p := range r.Parts {
		steps++
		switch {
		case p.right():
			right++
		case p.Verdict == judge.Close.String():
			if verdict == judge.Correct.String() {
				verdict = p.Verdict
			}
		default:
			verdict = judge.Incorrect.String()
		}
	}
	return verdict, right, steps
}

// missedLessons returns the lessons of the steps that went wrong (not the
// steps that only carried an earlier slip), or the question's lesson when
// the record does not say.
func (r Record) missedLessons() []string {
	var out []string
	for _, p := range r.Parts {
		if !p.right() && p.Lesson != "" && !slices.Contains(out, p.Lesson) {
			out = append(out, p.Lesson)
		}
	}
	if len(out) == 0 && r.Lesson != "" {
		out = []string{r.Lesson}
	}
	return out
}

// LessonFor returns the ID of the lesson that teaches quantity q of a
// network whose output layer is output: lessons.IDDot for a net input,
// IDSigmoid for an output, IDLoss for J and dJ/dout, IDChainOutput for the
// slopes and gradients of the output layer, IDChainHidden for those of
// hidden layers, and IDUpdate for an updated parameter.
func LessonFor(q judge.Quantity, output int) string {
	switch q.Kind {
	case judge.KindNet:
		return lessons.IDDot
	case judge.KindOut:
		return lessons.IDSigmoid
	case judge.KindLoss:
		return lessons.IDLoss
	case judge.KindDOut:
		if q.Layer == output {
			return lessons.IDLoss
		}
	case judge.KindNew:
		return lessons.IDUpdate
	}
	if q.Layer == output {
		return lessons.IDChainOutput
	}
	return lessons.IDChainHidden
}

// TopicSummary is how one topic went.
type TopicSummary struct {
	Topic    string
	Answered int
	Correct  int // questions with every step right
	Close    int
	// Steps counts the steps of the questions answered, StepsRight those
	// that were right (a step right for the learner's earlier answers
	// included): partial credit for questions of several steps.
	Steps, StepsRight int
	Hints             int
	Seconds           float64 // total time spent
	// Weak is set when fewer than 80% of the answers were correct;
	// Lessons then lists the lessons to revisit, most missed first.
	Weak    bool
	Lessons []string
}

// MeanSeconds returns the mean time per question.
func (t TopicSummary) MeanSeconds() float64 {
	if t.Answered == 0 {
		return 0
	}
	return t.Seconds / float64(t.Answered)
}

// Summary is a quiz (or a history) summarised by topic.
type Summary struct {
	Topics            []TopicSummary // in teaching order, only topics with answers
	Answered          int
	Correct           int
	Close             int
	Steps, StepsRight int
	Hints             int
	Seconds           float64
}

// Lessons returns the lessons to revisit over every weak topic, in
// teaching order of the topics, without repeats.
func (s Summary) Lessons() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range s.Topics {
		for _, l := range t.Lessons {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

// Summarize summarises records by topic.
func Summarize(records []Record) Summary {
	var s Summary
	byTopic := map[string]*TopicSummary{}
	missed := map[string]map[string]int{}
	var order []string
	for _, r := range records {
		t := byTopic[r.Topic]
		if t == nil {
			t = &TopicSummary{Topic: r.Topic}
			byTopic[r.Topic] = t
			missed[r.Topic] = map[string]int{}
			order = append(order, r.Topic)
		}
		t.Answered++
		t.Hints += r.Hints
		t.Seconds += r.Seconds
		verdict, right, steps := r.outcome()
		t.Steps += steps
		t.StepsRight += right
		switch verdict {
		case judge.Correct.String():
			t.Correct++
		case judge.Close.String():
			t.Close++
			fallthrough
		default:
			for _, l := range r.missedLessons() {
				missed[r.Topic][l]++
			}
		}
	}
	rank := func(name string) int {
		for i, t := range AllTopics {
			if t.String() == name {
				return i
			}
		}
		return len(AllTopics)
	}
	// Teaching order; unknown topics (from a newer history) last, as met.
	for i := 1; i < len(order); i++ {
		for k := i; k > 0 && rank(order[k]) < rank(order[k-1]); k-- {
			order[k], order[k-1] = order[k-1], order[k]
		}
	}
	for _, name := range order {
		t := byTopic[name]
		t.Weak = t.Correct*10 < t.Answered*8
		if t.Weak {
			t.Lessons = mostMissed(missed[name])
		}
		s.Topics = append(s.Topics, *t)
		s.Answered += t.Answered
		s.Correct += t.Correct
		s.Close += t.Close
		s.Steps += t.Steps
		s.StepsRight += t.StepsRight
		s.Hints += t.Hints
		s.Seconds += t.Seconds
	}
	return s
}

// mostMissed returns the lessons of m, most misses first, then by name.
func mostMissed(m map[string]int) []string {
	var out []string
	for l := range m {
		out = append(out, l)
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && (m[out[k]] > m[out[k-1]] || m[out[k]] == m[out[k-1]] && out[k] < out[k-1]); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}
