package quiz

import (
	"errors"
	"time"

	"nnmath/judge"
	"nnmath/numtext"
)

// Session runs one quiz: which question and part is current, the answers
// given so far, hints, score, streak and time. It is a pure state machine
// driven by Answer, Hint and Next; time comes from the clock it was given.
type Session struct {
	questions []*Question
	clock     func() time.Time
	seed      uint64

	cur      int       // index of the current question; len(questions) when done
	part     int       // index of the current part of it
	started  time.Time // when the current question was shown
	hints    []int     // hints revealed per part of the current question
	earlier  map[string]float64
	parts    []PartResult // the current question's answered parts
	answered bool         // the current question's last part is answered

	records    []Record
	streak     int
	bestStreak int
}

// PartResult is the judgement of one part of a question.
type PartResult struct {
	judge.Result
	Text   string       // what the learner typed
	Worked judge.Worked // the worked chain, the learner's values beside the exact ones
	Hints  int          // hints revealed for this part
}

// ErrDone is returned by Answer and Hint when the quiz is over, and by
// Answer when the current question is already answered.
var ErrDone = errors.New("quiz: nothing to answer")

// NewSession starts a quiz over questions. clock (time.Now when nil) times
// each question; seed is recorded in the history.
func NewSession(questions []*Question, seed uint64, clock func() time.Time) *Session {
	if clock == nil {
		clock = time.Now
	}
	s := &Session{questions: questions, clock: clock, seed: seed}
	s.start()
	return s
}

func (s *Session) start() {
	s.part = 0
	s.parts = nil
	s.answered = false
	s.earlier = map[string]float64{}
	if q := s.Question(); q != nil {
		s.hints = make([]int, len(q.Parts))
	}
	s.started = s.clock()
}

// Len returns the number of questions.
func (s *Session) Len() int { return len(s.questions) }

// Index returns the 0-based index of the current question (Len when done).
func (s *Session) Index() int { return s.cur }

// Done reports whether every question has been answered and left.
func (s *Session) Done() bool { return s.cur >= len(s.questions) }

// Question returns the current question, or nil when the quiz is done.
func (s *Session) Question() *Question {
	if s.Done() {
		return nil
	}
	return s.questions[s.cur]
}

// PartIndex returns the index of the part being asked (or, once the
// question is answered, of its last part).
func (s *Session) PartIndex() int { return s.part }

// Part returns the quantity being asked.
func (s *Session) Part() judge.Quantity {
	q := s.Question()
	if q == nil {
		return judge.Quantity{}
	}
	return q.Parts[s.part]
}

// Answered reports whether the current question's last part is answered,
// so that Next moves on.
func (s *Session) Answered() bool { return s.answered }

// Parts returns the judgements of the current question's answered parts.
func (s *Session) Parts() []PartResult { return s.parts }

// Hint reveals the next hint of the current part and returns every hint
// revealed so far; more is false when none is left to reveal.
func (s *Session) Hint() (shown []string, more bool, err error) {
	q := s.Question()
	if q == nil || s.answered {
		return nil, false, ErrDone
	}
	all := q.Hints(q.Parts[s.part])
	if s.hints[s.part] < len(all) {
		s.hints[s.part]++
	}
	return all[:s.hints[s.part]], s.hints[s.part] < len(all), nil
}

// ShownHints returns the hints revealed so far for the current part.
func (s *Session) ShownHints() []string {
	q := s.Question()
	if q == nil {
		return nil
	}
	return q.Hints(q.Parts[s.part])[:s.hints[s.part]]
}

// HintsLeft reports how many hints of the current part are still hidden.
func (s *Session) HintsLeft() int {
	q := s.Question()
	if q == nil || s.answered {
		return 0
	}
	return len(q.Hints(q.Parts[s.part])) - s.hints[s.part]
}

// Answer judges text (read by numtext.Parse) as the value of the current
// part, carrying forward the learner's answers to the earlier parts. A
// number that does not parse changes nothing and returns the parse error.
// After the last part, the question is recorded and Answered is true.
func (s *Session) Answer(text string) (PartResult, error) {
	q := s.Question()
	if q == nil || s.answered {
		return PartResult{}, ErrDone
	}
	v, err := numtext.Parse(text)
	if err != nil {
		return PartResult{}, err
	}
	p := q.Parts[s.part]
	res, err := q.Judge.CheckCarried(p, v, s.earlier)
	if err != nil {
		return PartResult{}, err
	}
	pr := PartResult{Result: res, Text: text, Worked: q.Judge.Chain(p, v, s.earlier), Hints: s.hints[s.part]}
	s.parts = append(s.parts, pr)
	s.earlier[p.Name] = v
	if s.part < len(q.Parts)-1 {
		s.part++
		return pr, nil
	}
	s.answered = true
	s.record(q, pr)
	return pr, nil
}

// Elapsed returns the time spent on the current question so far, or on
// the last question once it is answered.
func (s *Session) Elapsed() time.Duration {
	if s.answered && len(s.records) > 0 {
		return time.Duration(s.records[len(s.records)-1].Seconds * float64(time.Second))
	}
	if s.Done() {
		return 0
	}
	return s.clock().Sub(s.started)
}

func (s *Session) record(q *Question, last PartResult) {
	now := s.clock()
	hints := 0
	for _, h := range s.hints {
		hints += h
	}
	v, _, _ := s.Outcome()
	r := Record{
		Time:     now.UTC(),
		Seed:     s.seed,
		Question: q.Number,
		Topic:    q.Topic.String(),
		Quantity: q.Target.Name,
		Answer:   last.Answer,
		Exact:    last.Exact,
		Verdict:  v.String(),
		Carried:  last.Carried,
		Hints:    hints,
		Seconds:  now.Sub(s.started).Seconds(),
		Lesson:   LessonFor(q.Target, q.Network().Output()),
	}
	for _, p := range s.parts {
		if r.Slip == "" && p.Diagnosis != nil {
			r.Slip = string(p.Diagnosis.Slip) // the first slip: the later steps carry it
		}
		r.Parts = append(r.Parts, PartRecord{Quantity: p.Quantity.Name, Answer: p.Answer, Verdict: p.Verdict.String(),
			Carried: p.Carried, Lesson: LessonFor(p.Quantity, q.Network().Output())})
	}
	s.records = append(s.records, r)
	if v == judge.Correct {
		s.streak++
		s.bestStreak = max(s.bestStreak, s.streak)
	} else {
		s.streak = 0
	}
}

// Outcome returns how the current question's answered parts went: the
// question's verdict and how many of its steps were right. A step right
// for the learner's own earlier answers (error carried forward) counts as
// right, so one slip is not punished again at every later step; but the
// slip itself still counts, so the question's verdict is the worst verdict
// of its steps: a question with one wrong step is not correct.
func (s *Session) Outcome() (v judge.Verdict, right, steps int) {
	v = judge.Correct
	for _, p := range s.parts {
		steps++
		pv := p.Verdict
		if p.Carried {
			pv = judge.Correct
		}
		if pv == judge.Correct {
			right++
		}
		v = min(v, pv)
	}
	if steps == 0 {
		return judge.Incorrect, 0, 0
	}
	return v, right, steps
}

// Next moves to the next question once the current one is answered and
// reports whether it did. After the last question the quiz is Done.
func (s *Session) Next() bool {
	if s.Done() || !s.answered {
		return false
	}
	s.cur++
	s.start()
	return true
}

// Score returns the number of questions answered correctly (every step
// right, error carried forward counting as right for the steps after a
// slip, not for the slip) and the number answered.
func (s *Session) Score() (correct, answered int) {
	for _, r := range s.records {
		if r.Verdict == judge.Correct.String() {
			correct++
		}
	}
	return correct, len(s.records)
}

// Streak returns the current run of correct answers and the longest run.
func (s *Session) Streak() (current, best int) { return s.streak, s.bestStreak }

// Records returns one record per answered question, for the history.
func (s *Session) Records() []Record { return append([]Record(nil), s.records...) }

// LastRecord returns the record of the question answered last, so that it
// can be saved as soon as it is answered; ok is false before the first.
func (s *Session) LastRecord() (r Record, ok bool) {
	if len(s.records) == 0 {
		return Record{}, false
	}
	return s.records[len(s.records)-1], true
}

// Summary summarises the answered questions by topic.
func (s *Session) Summary() Summary { return Summarize(s.records) }
