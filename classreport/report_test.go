package classreport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"nnmath/classroom"
	"nnmath/quiz"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// answer returns a record of quantity answered at minute min.
func answer(min int, quantity, topic, verdict, slip string, parts ...quiz.PartRecord) quiz.Record {
	return quiz.Record{Time: t0.Add(time.Duration(min) * time.Minute), Topic: topic, Quantity: quantity, Answer: 0.376,
		Exact: 0.5929, Verdict: verdict, Slip: slip, Seconds: 30, Lesson: "sigmoid", Parts: parts}
}

func class() ([]classroom.Member, []classroom.Problem) {
	alice := classroom.Member{ID: "SHA256-a", Student: classroom.Student{Fingerprint: "SHA256:a", Name: "alice", FirstSeen: t0, LastSeen: t0},
		Records: []quiz.Record{
			answer(1, "out_h1", "forward", "incorrect", "net_for_out"),
			answer(2, "net_h1", "forward", "correct", ""),
			answer(3, "dJ/dw9", "gradients", "incorrect", "sign",
				quiz.PartRecord{Quantity: "dJ/dout", Answer: 0.3605, Verdict: "incorrect", Lesson: "loss"},
				quiz.PartRecord{Quantity: "dJ/dw9", Answer: 0.049, Verdict: "correct", Carried: true, Lesson: "chain-output"}),
		},
		Sessions: []classroom.Session{{Start: t0, End: t0.Add(20 * time.Minute), Seconds: 1200, Reason: "quit"}}}
	bob := classroom.Member{ID: "SHA256-b", Student: classroom.Student{Fingerprint: "SHA256:b", Name: "bob"},
		Records: []quiz.Record{answer(5, "out_h1", "forward", "incorrect", "net_for_out"), answer(6, "J", "loss", "close", "")}}
	zoe := classroom.Member{ID: "name-zoe", Student: classroom.Student{Name: "Zoë | the third"}}
	return []classroom.Member{alice, bob, zoe}, []classroom.Problem{{File: "x/history.jsonl", Line: 3, Err: errors.New("unexpected end of JSON input")}}
}

func TestBuild(t *testing.T) {
	members, problems := class()
	r := Build([]string{"class"}, members, problems, t0)
	if r.Answered != 5 || r.Correct != 1 || len(r.Students) != 3 {
		t.Fatalf("answered %d, correct %d, %d students", r.Answered, r.Correct, len(r.Students))
	}
	a := r.Students[0]
	if a.Answered != 3 || a.Correct != 1 || a.SessionSeconds != 1200 || len(a.Topics) != 2 || len(a.Slips) != 2 {
		t.Errorf("alice: %+v", a)
	}
	if len(r.Slips) != 2 || r.Slips[0].Slip != "net_for_out" || r.Slips[0].Count != 2 || r.Slips[0].Students != 2 {
		t.Fatalf("slips %+v", r.Slips)
	}
	if e := r.Slips[0].Example; e.Name != "bob" || e.Exact == nil || *e.Exact != 0.5929 || r.Slips[0].Lesson.Title != "5. Sigmoid" {
		t.Errorf("net_for_out's example %+v, lesson %+v", e, r.Slips[0].Lesson)
	}
	sign := r.Slips[1]
	if sign.Example.Quantity != "dJ/dout" || sign.Example.Answer != 0.3605 || sign.Example.Exact != nil ||
		sign.Example.Question != "dJ/dw9" || sign.Lesson.ID != "loss" || sign.Words != "a flipped sign" {
		t.Errorf("sign: %+v", sign)
	}
	if len(r.Questions) != 3 || r.Questions[0].Quantity != "out_h1" || r.Questions[0].Missed != 2 {
		t.Errorf("questions %+v", r.Questions)
	}
	if len(r.Skipped) != 1 || r.Skipped[0].Line != 3 {
		t.Errorf("skipped %+v", r.Skipped)
	}
}

func TestWrite(t *testing.T) {
	members, problems := class()
	r := Build([]string{"class"}, members, problems, t0)
	var md bytes.Buffer
	if err := Write(&md, r, "markdown"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 students, 5 questions answered, 1 correct", "| alice | `SHA256:a` | 3 | 1 | 1/2 | – | 0/1 | – | 20m 00s |",
		"net where out belongs, a flipped sign", "| net where out belongs | 2 | 2 | bob wrote out_h1 = 0.376 (exact 0.5929) | 5. Sigmoid |",
		"alice wrote dJ/dout = 0.3605 on the way to dJ/dw9", "Zoë \\| the third | (no key)", "- `x/history.jsonl` line 3: unexpected end"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the markdown has no %q:\n%s", want, md.String())
		}
	}
	var c bytes.Buffer
	if err := Write(&c, r, "csv"); err != nil {
		t.Fatal(err)
	}
	tables := strings.Split(strings.TrimSpace(c.String()), "\n\n")
	if len(tables) != 3 {
		t.Fatalf("%d csv tables, want 3:\n%s", len(tables), c.String())
	}
	for i, want := range []int{4, 3, 4} {
		rows, err := csv.NewReader(strings.NewReader(tables[i])).ReadAll()
		if err != nil || len(rows) != want {
			t.Errorf("csv table %d: %d rows (%v), want %d", i+1, len(rows), err, want)
		}
	}
	var j bytes.Buffer
	if err := Write(&j, r, "json"); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(j.Bytes(), &back); err != nil || len(back.Slips) != 2 || back.Students[1].Name != "bob" {
		t.Errorf("json read back: %v %+v", err, back)
	}
	if err := Write(&j, r, "pdf"); err == nil {
		t.Error("an unknown format is written")
	}
}

// A name a student chose never reaches a spreadsheet as a formula; numbers,
// negative ones too, stay numbers.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	var b bytes.Buffer
	c := safeCSV{csv.NewWriter(&b)}
	_ = c.Write([]string{"=1+2", "+SUM(A1)", "-0.5", "@x", "alice", "-x"})
	c.Flush()
	if got, want := strings.TrimSpace(b.String()), "'=1+2,'+SUM(A1),-0.5,'@x,alice,'-x"; got != want {
		t.Errorf("row %q, want %q", got, want)
	}
}
