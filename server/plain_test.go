package server

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"nnmath/classroom"
	"nnmath/quiz"
)

// A session without a pty (ssh -T) gets the plain tutor: lines of text,
// no escape sequence, commands read line by line, the quiz's answers kept
// in the student's history.
func TestPlainSessionWithoutPty(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	st := connect(t, ts.addr, "alice", newKey(t), false)
	st.waitFor(t, 5*time.Second, "Welcome, alice.", "Signed in as alice", "Lesson 1 of ", "> ")
	st.send(t, "\n")
	st.waitFor(t, 5*time.Second, "Step 1 of 3: Input layer.")
	st.send(t, "set w1 0.5\n")
	st.waitFor(t, 5*time.Second, "w1 is now 0.5.")
	st.send(t, "quiz\n")
	st.waitFor(t, 5*time.Second, "Question 1 of 10")
	st.send(t, "1\nquit\n")
	st.waitFor(t, 5*time.Second, "Back to the lessons.")
	st.send(t, "quit\n")
	st.waitFor(t, 5*time.Second, "Goodbye, alice. Your answers are kept")
	if code := st.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	out := st.out.String()
	if strings.Contains(out, "\x1b") {
		t.Errorf("the plain tutor wrote an escape sequence:\n%q", tail(out, 400))
	}
	ts.waitLog(t, "reason=quit")
	if strings.Contains(ts.log.String(), "no terminal") {
		t.Errorf("a session without a pty was refused:\n%s", ts.log.String())
	}
}

// A plain session answered in full has its question in the history.
func TestPlainSessionQuizIsKept(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	st := connect(t, ts.addr, "bob", newKey(t), false)
	st.waitFor(t, 5*time.Second, "Lesson 1 of ")
	st.send(t, "quiz\n")
	st.waitFor(t, 5*time.Second, "Question 1 of 10")
	for range 6 { // the first question has at most a few parts
		st.send(t, "0.5\n")
	}
	st.waitFor(t, 5*time.Second, "Question 2 of 10")
	st.send(t, "quit\nquit\n")
	st.exit(t)
	ts.waitLog(t, "reason=quit")
	members, _, err := classroom.Read(ts.dir)
	if err != nil {
		t.Fatal(err)
	}
	var records []quiz.Record
	for _, m := range members {
		records = append(records, m.Records...)
	}
	if len(records) == 0 {
		t.Fatalf("no answered question in the class directory")
	}
}

// The idle limit and a shutdown end a plain session with their messages.
func TestPlainSessionIdleAndShutdown(t *testing.T) {
	ts := startServer(t, Config{Idle: 300 * time.Millisecond})
	st := connect(t, ts.addr, "carol", newKey(t), false)
	st.waitFor(t, 5*time.Second, "Lesson 1 of ")
	st.waitFor(t, 5*time.Second, "nnmath: you pressed no key for 300ms, so your session was ended.")
	if code := st.exit(t); code != 0 {
		t.Errorf("idle: exit status %d, want 0", code)
	}
	ts.waitLog(t, "reason=idle")

	ts2 := startServer(t, Config{Idle: time.Minute})
	st2 := connect(t, ts2.addr, "dan", newKey(t), false)
	st2.waitFor(t, 5*time.Second, "Lesson 1 of ")
	ts2.stop(t)
	st2.waitFor(t, 2*time.Second, "the teacher stopped the server")
	if code := st2.exit(t); code != 0 {
		t.Errorf("shutdown: exit status %d, want 0", code)
	}
	if !strings.Contains(ts2.log.String(), "reason=shutdown") {
		t.Errorf("no shutdown disconnect:\n%s", ts2.log.String())
	}
	ts2.cancel = func() {} // stopped already: the cleanup's stop finds it done
	ts2.done = make(chan error, 1)
	ts2.done <- nil
}

// Many plain sessions at once each get their own tutor; one killed
// mid-way (its connection closed, no EOF) is gone within a second, with
// every goroutine it had.
func TestManyPlainSessionsAndAKilledOne(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	warm := connect(t, ts.addr, "warm", newKey(t), false)
	warm.waitFor(t, 5*time.Second, "Lesson 1 of ")
	warm.send(t, "quit\n")
	warm.exit(t)
	warm.client.Close()
	ts.waitLog(t, "reason=quit")
	time.Sleep(50 * time.Millisecond)
	before := runtime.NumGoroutine()

	const n = 20
	students := make([]*student, n)
	for i := range students {
		students[i] = connect(t, ts.addr, fmt.Sprintf("s%02d", i), newKey(t), false)
	}
	for i, st := range students {
		st.waitFor(t, 10*time.Second, "Lesson 1 of ")
		st.send(t, fmt.Sprintf("set w1 0.%d1\nvalues\n", i+1))
	}
	for i, st := range students { // each sees its own edit, not another's
		st.waitFor(t, 10*time.Second, fmt.Sprintf("w1 (i1 to h1) = 0.%d1,", i+1))
	}
	killed := time.Now()
	students[0].conn.Close()
	for _, st := range students[1:] {
		st.send(t, "quit\n")
		if code := st.exit(t); code != 0 {
			t.Errorf("exit status %d, want 0", code)
		}
		st.client.Close()
	}
	deadline := killed.Add(3 * time.Second)
	for !strings.Contains(ts.log.String(), "reason=lost") || ts.srv.count() > 0 || runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines (%d before), %d sessions; log:\n%s", runtime.NumGoroutine(), before, ts.srv.count(), ts.log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := strings.Count(ts.log.String(), "reason=quit"); got != n { // n-1 and the warm one
		t.Errorf("%d sessions quit, want %d", got, n)
	}
}
