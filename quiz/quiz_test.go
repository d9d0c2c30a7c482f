package quiz

import (
	"math"
	"strconv"
	"testing"
	"time"

	"nnmath/judge"
	"nnmath/mathcore"
)

// fixedClock returns a clock that advances by step on every call.
func fixedClock(step time.Duration) func() time.Time {
	t := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func describe(q *Question) string {
	n := q.Network()
	s := q.Target.Name
	for _, v := range n.Inputs {
		s += " " + strconv.FormatFloat(v, 'g', -1, 64)
	}
	for _, p := range n.Params() {
		s += " " + strconv.FormatFloat(n.Value(p), 'g', -1, 64)
	}
	return s + " " + strconv.FormatFloat(n.Targets[0], 'g', -1, 64) + " " + strconv.FormatFloat(n.LearningRate, 'g', -1, 64)
}

func TestSeedDeterminism(t *testing.T) {
	a, err := Generate(42, nil, nil, 20)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(42, nil, nil, 20)
	c, _ := Generate(43, nil, nil, 20)
	same := 0
	for i := range a {
		if describe(a[i]) != describe(b[i]) {
			t.Errorf("question %d differs for the same seed:\n%s\n%s", i+1, describe(a[i]), describe(b[i]))
		}
		if describe(a[i]) == describe(c[i]) {
			same++
		}
	}
	if same == len(a) {
		t.Error("seeds 42 and 43 give the same questions")
	}
}

func twoDecimals(x float64) bool {
	return math.Abs(x*100-math.Round(x*100)) < 1e-9
}

func TestGeneratedNumbersHaveTwoDecimals(t *testing.T) {
	for seed := range uint64(200) {
		qs, err := Generate(seed, nil, nil, 4)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			n := q.Network()
			if n.Sizes[0] != 4 || n.Sizes[1] != 2 || n.Sizes[2] != 1 || n.HasBiases() || n.Loss != mathcore.HalfSSE {
				t.Fatalf("seed %d: not a 4-2-1 half_sse network without biases: %+v", seed, n)
			}
			for _, v := range n.Inputs {
				if !twoDecimals(v) || v < 0 || v > 1 {
					t.Errorf("seed %d: input %v", seed, v)
				}
			}
			for _, p := range n.Params() {
				if v := n.Value(p); !twoDecimals(v) || v < -1 || v > 1 || v == 0 {
					t.Errorf("seed %d: weight %v", seed, v)
				}
			}
			if y := n.Targets[0]; y != 0 && y != 1 {
				t.Errorf("seed %d: target %v", seed, y)
			}
			if eta := n.LearningRate; !twoDecimals(eta) || eta < 0.1 || eta > 1 {
				t.Errorf("seed %d: eta %v", seed, eta)
			}
		}
	}
}

// TestEveryTopicAnswerable answers every part of many questions of each
// topic with the exact value and expects each to be correct.
func TestEveryTopicAnswerable(t *testing.T) {
	for _, topic := range AllTopics {
		for _, net := range []*mathcore.Network{nil, mathcore.Paper()} {
			qs, err := Generate(7, net, []judge.Topic{topic}, 15)
			if err != nil {
				t.Fatal(err)
			}
			s := NewSession(qs, 7, fixedClock(time.Second))
			for !s.Done() {
				q := s.Question()
				if q.Topic != topic || q.Target.Topic() != topic {
					t.Fatalf("asked %s for topic %s", q.Target.Name, topic)
				}
				if q.Parts[len(q.Parts)-1] != q.Target {
					t.Fatalf("the last part of %s is not the target", q.Target.Name)
				}
				for !s.Answered() {
					if hints, _, err := s.Hint(); err != nil || len(hints) == 0 {
						t.Fatalf("no hint for %s: %v", s.Part().Name, err)
					}
					exact := q.Judge.Exact(s.Part())
					r, err := s.Answer(strconv.FormatFloat(exact, 'g', -1, 64))
					if err != nil || r.Verdict != judge.Correct {
						t.Fatalf("%s: exact answer judged %v (%v)", s.Part().Name, r.Verdict, err)
					}
				}
				s.Next()
			}
			if c, n := s.Score(); c != 15 || n != 15 {
				t.Errorf("%s: score %d/%d, want 15/15", topic, c, n)
			}
			if cur, best := s.Streak(); cur != 15 || best != 15 {
				t.Errorf("streak %d best %d", cur, best)
			}
		}
	}
}

func TestParseTopics(t *testing.T) {
	ts, err := ParseTopics("loss, Update,loss")
	if err != nil || len(ts) != 2 || ts[0] != judge.LossTopic || ts[1] != judge.Update {
		t.Errorf("got %v, %v", ts, err)
	}
	if _, err := ParseTopics("forward,backprop"); err == nil {
		t.Error("backprop accepted")
	}
	if ts, _ := ParseTopics(""); len(ts) != 4 {
		t.Errorf("empty list gives %v", ts)
	}
}

// TestCarriedForward answers an early part wrongly and the target right
// for that wrong value: the target is accepted as carried forward.
func TestCarriedForward(t *testing.T) {
	j, err := judge.New(mathcore.Paper())
	if err != nil {
		t.Fatal(err)
	}
	target, _ := j.Lookup("dJ/dw9")
	q := newQuestion(1, judge.Gradients, j, target)
	names := []string{}
	for _, p := range q.Parts {
		names = append(names, p.Name)
	}
	if len(q.Parts) != 4 || q.Parts[3].Name != "dJ/dw9" {
		t.Fatalf("parts %v", names)
	}
	s := NewSession([]*Question{q}, 0, fixedClock(3*time.Second))
	// A wrong dJ/dout (taken as -1), the rest exact for that value.
	vals := map[string]float64{}
	for _, p := range q.Parts[:3] {
		v := j.Exact(p)
		if p.Name == "dJ/dout" {
			v = -1
		}
		vals[p.Name] = v
		if _, err := s.Answer(strconv.FormatFloat(v, 'g', -1, 64)); err != nil {
			t.Fatal(err)
		}
	}
	carried := vals["dJ/dout"] * vals["dout/dnet_o"] * vals["out_h1"]
	r, err := s.Answer(strconv.FormatFloat(carried, 'f', 5, 64))
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != judge.Correct || !r.Carried {
		t.Fatalf("carried answer judged %v carried=%v: %s", r.Verdict, r.Carried, r.Explanation)
	}
	if s.Parts()[0].Verdict != judge.Incorrect {
		t.Errorf("the wrong dJ/dout was judged %v", s.Parts()[0].Verdict)
	}
	found := false
	for _, st := range r.Worked.Paths[0] {
		if st.Name == "dJ/dout" && st.HasUser && st.Value == -1 {
			found = true
		}
	}
	if !found {
		t.Errorf("the worked chain does not show the learner's dJ/dout: %+v", r.Worked.Paths)
	}
	// The later steps are not punished again, but the slip still costs the
	// question: 3 of 4 steps right, the question incorrect, the lesson of
	// the slip (dJ/dout: the loss) to revisit.
	if v, right, steps := s.Outcome(); v != judge.Incorrect || right != 3 || steps != 4 {
		t.Errorf("outcome %v %d/%d, want incorrect 3/4", v, right, steps)
	}
	rec := s.Records()[0]
	if !rec.Carried || rec.Verdict != "incorrect" || rec.Slip != string(judge.DJdoutMinusOne) || rec.Seconds != 3 || len(rec.Parts) != 4 {
		t.Errorf("record %+v", rec)
	}
	if c, n := s.Score(); c != 0 || n != 1 {
		t.Errorf("score %d/%d, want 0/1", c, n)
	}
	if _, best := s.Streak(); best != 0 {
		t.Errorf("best streak %d, want 0", best)
	}
	sum := s.Summary()
	if len(sum.Topics) != 1 || sum.Topics[0].Correct != 0 || !sum.Topics[0].Weak ||
		sum.Topics[0].StepsRight != 3 || sum.Topics[0].Steps != 4 {
		t.Errorf("summary %+v", sum.Topics)
	}
	if got := sum.Lessons(); len(got) != 1 || got[0] != "loss" {
		t.Errorf("lessons to revisit %v, want the lesson of the slip, loss", got)
	}
	if last, ok := s.LastRecord(); !ok || last.Quantity != "dJ/dw9" {
		t.Errorf("last record %+v %v", last, ok)
	}
}

// TestOutcomeOfOldRecords reads a record written when a slip followed by
// carried steps counted as correct: it counts as a miss now.
func TestOutcomeOfOldRecords(t *testing.T) {
	old := Record{Topic: "forward", Verdict: "correct", Carried: true, Lesson: "sigmoid", Parts: []PartRecord{
		{Quantity: "net_h1", Verdict: "incorrect"},
		{Quantity: "out_h1", Verdict: "correct", Carried: true},
	}}
	closeOne := Record{Topic: "forward", Verdict: "close", Lesson: "sigmoid", Parts: []PartRecord{
		{Quantity: "net_h1", Verdict: "close", Lesson: "dot"},
		{Quantity: "out_h1", Verdict: "correct"},
	}}
	single := Record{Topic: "loss", Verdict: "correct", Lesson: "loss"}
	sum := Stats([]Record{old, closeOne, single})
	f := sum.Topics[0]
	if f.Correct != 0 || f.Close != 1 || f.Steps != 4 || f.StepsRight != 2 || !f.Weak {
		t.Errorf("forward %+v", f)
	}
	if got := sum.Lessons(); len(got) != 2 || got[0] != "dot" || got[1] != "sigmoid" {
		t.Errorf("lessons %v, want dot (a step's lesson) and sigmoid (the question's, for a record without step lessons)", got)
	}
	if sum.Correct != 1 || sum.Steps != 5 || sum.StepsRight != 3 {
		t.Errorf("summary %+v", sum)
	}
}

func TestAnswerErrorsChangeNothing(t *testing.T) {
	qs, _ := Generate(1, nil, []judge.Topic{judge.Forward}, 1)
	s := NewSession(qs, 1, fixedClock(time.Second))
	part := s.PartIndex()
	if _, err := s.Answer("abc"); err == nil {
		t.Fatal("abc accepted")
	}
	if s.PartIndex() != part || len(s.Parts()) != 0 {
		t.Error("a bad number moved the quiz on")
	}
	if s.Next() {
		t.Error("Next before an answer")
	}
}

func TestSummary(t *testing.T) {
	recs := []Record{
		{Topic: "update", Verdict: "correct", Seconds: 10, Lesson: "update"},
		{Topic: "forward", Verdict: "incorrect", Seconds: 20, Hints: 2, Lesson: "sigmoid"},
		{Topic: "forward", Verdict: "close", Seconds: 40, Lesson: "dot"},
		{Topic: "forward", Verdict: "incorrect", Seconds: 30, Lesson: "sigmoid"},
		{Topic: "gradients", Verdict: "correct", Seconds: 5, Lesson: "chain-hidden"},
	}
	s := Stats(recs)
	if len(s.Topics) != 3 || s.Topics[0].Topic != "forward" || s.Topics[2].Topic != "update" {
		t.Fatalf("topics %+v", s.Topics)
	}
	f := s.Topics[0]
	if f.Answered != 3 || f.Correct != 0 || f.Close != 1 || f.Hints != 2 || f.MeanSeconds() != 30 || !f.Weak {
		t.Errorf("forward %+v", f)
	}
	if got := s.Lessons(); len(got) != 2 || got[0] != "sigmoid" || got[1] != "dot" {
		t.Errorf("lessons %v", got)
	}
	if s.Topics[1].Weak || s.Answered != 5 || s.Correct != 2 {
		t.Errorf("summary %+v", s)
	}
}

func TestLessonFor(t *testing.T) {
	j, _ := judge.New(mathcore.Paper())
	want := map[string]string{"net_h1": "dot", "out_h2": "sigmoid", "J": "loss", "dJ/dout": "loss",
		"dout/dnet_o": "chain-output", "dJ/dw9": "chain-output", "dJ/dw1": "chain-hidden",
		"dout_h1/dnet_h1": "chain-hidden", "w3_new": "update"}
	for name, id := range want {
		q, _ := j.Lookup(name)
		if got := LessonFor(q, 2); got != id {
			t.Errorf("LessonFor(%s) = %s, want %s", name, got, id)
		}
	}
}

// No quantity is asked twice in a quiz, on fresh networks or on one
// network, while others are left to ask.
func TestNoQuestionRepeats(t *testing.T) {
	for _, net := range []*mathcore.Network{nil, mathcore.Paper()} {
		for seed := range uint64(20) {
			qs, err := Generate(seed, net, nil, 10)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, q := range qs {
				if seen[q.Target.Name] {
					t.Errorf("seed %d, paper %v: %s asked twice", seed, net != nil, q.Target.Name)
				}
				seen[q.Target.Name] = true
			}
		}
	}
}

func TestListed(t *testing.T) {
	n := mathcore.Paper()
	qs, err := Listed(n, []string{"out_h1", "J", "dJ/dw9"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].Target.Name != "out_h1" || qs[2].Number != 3 {
		t.Fatalf("questions %+v", qs)
	}
	if last := qs[2].Parts[len(qs[2].Parts)-1]; last.Name != qs[2].Target.Name {
		t.Errorf("last part %s, want the target %s", last.Name, qs[2].Target.Name)
	}
	for _, bad := range [][]string{nil, {"out_h9"}, {"J", "nonsense"}} {
		if _, err := Listed(n, bad); err == nil {
			t.Errorf("Listed(%q) accepted", bad)
		}
	}
}
