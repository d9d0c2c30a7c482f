// Package classreport is the teacher's view of a class (`nnmath class
// report`): per student the questions answered and right, by topic, the
// time spent and the slips made; for the class the slips made most often,
// with an example wrong answer and the lesson to revisit, and the
// questions missed most. Build computes the report from what package
// classroom read; Markdown, CSV and JSON write it.
package classreport

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"nnmath/classroom"
	"nnmath/judge"
	"nnmath/lessons"
	"nnmath/quiz"
)

// Report is a class's report. Its JSON keys are a contract.
type Report struct {
	Generated time.Time  `json:"generated"`
	Dirs      []string   `json:"dirs"`
	Students  []Student  `json:"students"`
	Slips     []Slip     `json:"slips"`     // most often first
	Questions []Question `json:"questions"` // most often missed first; only those missed at least once
	Skipped   []Skipped  `json:"skipped"`   // lines and files that could not be read
	Answered  int        `json:"answered"`
	Correct   int        `json:"correct"`
}

// Student is one student's line of the report.
type Student struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"` // "" for a student let in without a key
	ID          string `json:"id"`          // the student's folder in the class directory
	Answered    int    `json:"answered"`
	Correct     int    `json:"correct"`
	Close       int    `json:"close"`
	Steps       int    `json:"steps"`
	StepsRight  int    `json:"steps_right"`
	Hints       int    `json:"hints"`
	// QuizSeconds is the time spent on quiz questions; SessionSeconds the
	// time connected, over Sessions sessions.
	QuizSeconds    float64     `json:"quiz_seconds"`
	SessionSeconds float64     `json:"session_seconds"`
	Sessions       int         `json:"sessions"`
	FirstSeen      *time.Time  `json:"first_seen,omitempty"`
	LastSeen       *time.Time  `json:"last_seen,omitempty"`
	Topics         []Topic     `json:"topics"`
	Slips          []SlipCount `json:"slips"` // most often first
}

// Topic is how a student did on one topic.
type Topic struct {
	Topic    string `json:"topic"`
	Answered int    `json:"answered"`
	Correct  int    `json:"correct"`
	Close    int    `json:"close"`
}

// SlipCount is how often a student made a slip.
type SlipCount struct {
	Slip  string `json:"slip"`
	Words string `json:"words"`
	Count int    `json:"count"`
}

// Slip is a slip the class made.
type Slip struct {
	Slip     string  `json:"slip"`  // the judge's id, such as "sign"
	Words    string  `json:"words"` // the slip in words
	Count    int     `json:"count"`
	Students int     `json:"students"` // how many students made it
	Example  Example `json:"example"`
	Lesson   Lesson  `json:"lesson"` // the lesson to revisit
}

// Example is one wrong answer that shows a slip: the latest given as the
// answer to a whole question, else the latest given on the way to one.
type Example struct {
	Name     string  `json:"name"`
	Quantity string  `json:"quantity"` // the step answered wrong
	Answer   float64 `json:"answer"`
	// Exact is the step's exact value, known when the step is the
	// question's own quantity; otherwise Question names the question.
	Exact    *float64 `json:"exact,omitempty"`
	Question string   `json:"question,omitempty"`
}

// Lesson names a lesson of the tutor.
type Lesson struct {
	ID    string `json:"id"`
	Title string `json:"title"` // "5. Sigmoid": its number in the menu and its title
}

// Question is a quantity the class was asked.
type Question struct {
	Quantity string `json:"quantity"`
	Topic    string `json:"topic"`
	Asked    int    `json:"asked"`
	Missed   int    `json:"missed"` // answers that were not correct
	Lesson   Lesson `json:"lesson"`
}

// Skipped is a file or line the report could not read.
type Skipped struct {
	File  string `json:"file"`
	Line  int    `json:"line,omitempty"`
	Error string `json:"error"`
}

// Build returns the report of members, read from dirs at now, with the
// problems met reading them.
func Build(dirs []string, members []classroom.Member, problems []classroom.Problem, now time.Time) Report {
	r := Report{Generated: now.UTC(), Dirs: dirs, Students: []Student{}, Slips: []Slip{}, Questions: []Question{}, Skipped: []Skipped{}}
	titles := lessonTitles()
	slips := map[string]*Slip{}
	slipStudents := map[string]map[string]bool{}
	questions := map[string]*Question{}
	exampleAt := map[string]exampleRank{} // how good each slip's example is
	for _, m := range members {
		st := student(m)
		for _, rec := range m.Records {
			q := questions[rec.Quantity]
			if q == nil {
				q = &Question{Quantity: rec.Quantity, Topic: rec.Topic, Lesson: titles.lesson(rec.Lesson)}
				questions[rec.Quantity] = q
			}
			q.Asked++
			if !correct(rec) {
				q.Missed++
			}
			if rec.Slip == "" {
				continue
			}
			s := slips[rec.Slip]
			if s == nil {
				s = &Slip{Slip: rec.Slip, Words: judge.SlipID(rec.Slip).Words()}
				slips[rec.Slip] = s
				slipStudents[rec.Slip] = map[string]bool{}
			}
			s.Count++
			slipStudents[rec.Slip][m.ID] = true
			e := example(st.Name, rec)
			rank := exampleRank{e.Exact != nil, rec.Time}
			if best, ok := exampleAt[rec.Slip]; !ok || rank.better(best) {
				exampleAt[rec.Slip] = rank
				s.Example = e
				s.Lesson = titles.lesson(slipLesson(rec))
			}
		}
		r.Answered += st.Answered
		r.Correct += st.Correct
		r.Students = append(r.Students, st)
	}
	for id, s := range slips {
		s.Students = len(slipStudents[id])
		r.Slips = append(r.Slips, *s)
	}
	slices.SortFunc(r.Slips, func(a, b Slip) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Students, a.Students), cmp.Compare(a.Slip, b.Slip))
	})
	for _, q := range questions {
		if q.Missed > 0 {
			r.Questions = append(r.Questions, *q)
		}
	}
	slices.SortFunc(r.Questions, func(a, b Question) int {
		return cmp.Or(cmp.Compare(b.Missed, a.Missed), cmp.Compare(b.Asked, a.Asked), cmp.Compare(a.Quantity, b.Quantity))
	})
	for _, p := range problems {
		r.Skipped = append(r.Skipped, Skipped{File: p.File, Line: p.Line, Error: p.Err.Error()})
	}
	return r
}

// student returns the report's line for m.
func student(m classroom.Member) Student {
	st := Student{Name: m.Student.Name, Fingerprint: m.Student.Fingerprint, ID: m.ID, Topics: []Topic{}, Slips: []SlipCount{}}
	if !m.Student.FirstSeen.IsZero() {
		first, last := m.Student.FirstSeen, m.Student.LastSeen
		st.FirstSeen, st.LastSeen = &first, &last
	}
	sum := quiz.Summarize(m.Records)
	st.Answered, st.Correct, st.Close = sum.Answered, sum.Correct, sum.Close
	st.Steps, st.StepsRight, st.Hints, st.QuizSeconds = sum.Steps, sum.StepsRight, sum.Hints, sum.Seconds
	for _, t := range sum.Topics {
		st.Topics = append(st.Topics, Topic{Topic: t.Topic, Answered: t.Answered, Correct: t.Correct, Close: t.Close})
	}
	for _, s := range m.Sessions {
		st.Sessions++
		st.SessionSeconds += s.Seconds
		if end := s.End; st.LastSeen == nil || end.After(*st.LastSeen) {
			st.LastSeen = &end
		}
	}
	counts := map[string]int{}
	for _, rec := range m.Records {
		if rec.Slip != "" {
			counts[rec.Slip]++
		}
	}
	for id, n := range counts {
		st.Slips = append(st.Slips, SlipCount{Slip: id, Words: judge.SlipID(id).Words(), Count: n})
	}
	slices.SortFunc(st.Slips, func(a, b SlipCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Slip, b.Slip)) })
	return st
}

// correct reports whether r counts as correct, as the quiz's summary
// judges it (every step right).
func correct(r quiz.Record) bool { return quiz.Summarize([]quiz.Record{r}).Correct == 1 }

// firstWrong returns the first step of r that was not right, if any.
func firstWrong(r quiz.Record) (quiz.PartRecord, bool) {
	for _, p := range r.Parts {
		if p.Verdict != judge.Correct.String() && !p.Carried {
			return p, true
		}
	}
	return quiz.PartRecord{}, false
}

// exampleRank orders the candidate examples of a slip: an answer to a
// whole question (whose exact value is known) first, then the latest.
type exampleRank struct {
	exact bool
	at    time.Time
}

func (a exampleRank) better(b exampleRank) bool {
	if a.exact != b.exact {
		return a.exact
	}
	return !a.at.Before(b.at)
}

// example returns the wrong answer of student name that showed r's slip:
// the first step that went wrong, or the question's own answer.
func example(name string, r quiz.Record) Example {
	e := Example{Name: name, Quantity: r.Quantity, Answer: r.Answer}
	if p, ok := firstWrong(r); ok {
		e.Quantity, e.Answer = p.Quantity, p.Answer
	}
	if e.Quantity == r.Quantity {
		exact := r.Exact
		e.Exact = &exact
	} else {
		e.Question = r.Quantity
	}
	return e
}

// slipLesson returns the lesson that teaches the step where r's slip was made.
func slipLesson(r quiz.Record) string {
	if p, ok := firstWrong(r); ok && p.Lesson != "" {
		return p.Lesson
	}
	return r.Lesson
}

// titleTable maps lesson IDs to their menu titles.
type titleTable map[string]string

// lessonTitles returns the title of every lesson, numbered as the menu numbers them.
func lessonTitles() titleTable {
	t := titleTable{}
	for i, l := range lessons.All() {
		t[l.ID] = strconv.Itoa(i+1) + ". " + l.Title
	}
	return t
}

// lesson returns the lesson id with its title (the id itself when the
// lesson is unknown to this version).
func (t titleTable) lesson(id string) Lesson {
	if title, ok := t[id]; ok {
		return Lesson{ID: id, Title: title}
	}
	return Lesson{ID: id, Title: id}
}
