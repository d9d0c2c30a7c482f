package server

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"nnmath/classroom"
	"nnmath/lessons"
	"nnmath/mathcore"
)

// altScreenOff is the sequence that leaves the alternate screen: the
// student's terminal is restored when it has been written.
const altScreenOff = "\x1b[?1049l"

func TestTutorWelcomeAndGoodbye(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	key := newKey(t)
	fp := gossh.FingerprintSHA256(key.PublicKey())
	st := connect(t, ts.addr, "alice", key, true)
	st.waitFor(t, 5*time.Second, "Welcome, alice. Your key is "+fp, "Overview", "Signed in as alice")
	st.send(t, "q")
	st.waitFor(t, 5*time.Second, "Goodbye, alice.")
	if code := st.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	out := st.out.String()
	if i, j := strings.LastIndex(out, altScreenOff), strings.Index(out, "Goodbye"); i < 0 || i > j {
		t.Errorf("the goodbye is not written after the alternate screen is left:\n%q", tail(out, 300))
	}
	ts.waitLog(t, "msg=disconnect fingerprint="+fp+" name=alice")
	ts.waitLog(t, "reason=quit")
	if !strings.Contains(ts.log.String(), "msg=connect fingerprint="+fp+" name=alice") {
		t.Errorf("no connect line:\n%s", ts.log.String())
	}
}

func TestRefusals(t *testing.T) {
	ts := startServer(t, Config{})
	key := newKey(t)

	c, _, err := dial(t, ts.addr, "bob", gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cmd := startSession(t, c, true, "ls")
	cmd.waitFor(t, 5*time.Second, "nnmath serves only the tutor, not commands")
	if code := cmd.exit(t); code != 1 {
		t.Errorf("a command: exit status %d, want 1", code)
	}
	noPty := startSession(t, c, false, "")
	noPty.waitFor(t, 5*time.Second, "nnmath needs a terminal: connect with  ssh -t -p ")
	if code := noPty.exit(t); code != 1 {
		t.Errorf("no pty: exit status %d, want 1", code)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was granted")
	}
	if conn, err := c.Dial("tcp", "127.0.0.1:22"); err == nil {
		conn.Close()
		t.Error("local port forwarding was granted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding was granted")
	}
	noKey := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	if c, _, err := dial(t, ts.addr, "dave", noKey); err == nil {
		c.Close()
		t.Error("a student without a key was let in on a server that is not open")
	}
	for _, reason := range []string{"name=bob remote=", "reason=command", `reason="no terminal"`, `reason="subsystem sftp"`,
		`reason="channel direct-tcpip"`, `reason="request tcpip-forward"`, `name=dave`, `reason="no key"`} {
		ts.waitLog(t, reason)
	}
	if n := strings.Count(ts.log.String(), "msg=connect"); n != 0 {
		t.Errorf("%d tutors started, want none", n)
	}
}

func TestClassFull(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1})
	first := connect(t, ts.addr, "alice", newKey(t), true)
	first.waitFor(t, 5*time.Second, "Overview")
	second := connect(t, ts.addr, "bob", newKey(t), true)
	second.waitFor(t, 5*time.Second, "nnmath: the class is full (1 student is connected); try again in a few minutes.")
	if code := second.exit(t); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	ts.waitLog(t, `name=bob remote=`)
	ts.waitLog(t, `reason="the class is full`)
	first.send(t, "q")
	first.exit(t)
	third := connect(t, ts.addr, "carol", newKey(t), true) // the place is free again
	third.waitFor(t, 5*time.Second, "Overview")
}

func TestIdleEndsTheTutor(t *testing.T) {
	ts := startServer(t, Config{Idle: 300 * time.Millisecond})
	st := connect(t, ts.addr, "alice", newKey(t), true)
	st.waitFor(t, 5*time.Second, "Overview")
	st.waitFor(t, 5*time.Second, "nnmath: you pressed no key for 300ms, so your session was ended.")
	out := st.out.String()
	if i, j := strings.LastIndex(out, altScreenOff), strings.Index(out, "pressed no key"); i < 0 || i > j {
		t.Errorf("the terminal is not restored before the message:\n%q", tail(out, 300))
	}
	if code := st.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	ts.waitLog(t, "reason=idle")
}

func TestKilledClientIsGoneWithinASecond(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	warm := connect(t, ts.addr, "bob", newKey(t), true) // the server's own goroutines all started
	warm.waitFor(t, 5*time.Second, "Overview")
	warm.send(t, "q")
	warm.exit(t)
	warm.client.Close()
	ts.waitLog(t, "reason=quit")
	time.Sleep(50 * time.Millisecond)
	before := runtime.NumGoroutine()
	st := connect(t, ts.addr, "alice", newKey(t), true)
	st.waitFor(t, 5*time.Second, "Overview")
	st.send(t, " ")
	killed := time.Now()
	st.conn.Close() // the student's laptop lid closes: no goodbye, no EOF
	deadline := killed.Add(time.Second)
	for !strings.Contains(ts.log.String(), "reason=lost") || runtime.NumGoroutine() > before || ts.srv.count() > 0 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("1 s after the kill: %d goroutines (%d before), %d sessions; log:\n%s\n%s",
				runtime.NumGoroutine(), before, ts.srv.count(), ts.log.String(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("session and goroutines gone %s after the kill", time.Since(killed).Round(time.Millisecond))
}

func TestShutdownEndsEverySession(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	a := connect(t, ts.addr, "alice", newKey(t), true)
	b := connect(t, ts.addr, "bob", newKey(t), true)
	a.waitFor(t, 5*time.Second, "Overview")
	b.waitFor(t, 5*time.Second, "Overview")
	start := time.Now()
	ts.stop(t)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("shutting down took %s", d)
	}
	for _, st := range []*student{a, b} {
		st.waitFor(t, time.Second, "the teacher stopped the server")
		out := st.out.String()
		if i, j := strings.LastIndex(out, altScreenOff), strings.Index(out, "teacher stopped"); i < 0 || i > j {
			t.Errorf("the terminal is not restored before the message:\n%q", tail(out, 300))
		}
		if code := st.exit(t); code != 0 {
			t.Errorf("exit status %d, want 0", code)
		}
	}
	if n := strings.Count(ts.log.String(), "reason=shutdown"); n != 2 {
		t.Errorf("%d disconnects for the shutdown, want 2:\n%s", n, ts.log.String())
	}
	ts.cancel = func() {} // stopped already
	ts.done = make(chan error, 1)
	ts.done <- nil
}

func TestHistorySurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	a := &Assignment{Title: "Week 1", Network: mathcore.Paper(), names: []string{"net_h1", "out_h1"}}
	key := newKey(t)
	ts := startServer(t, Config{Dir: dir, Idle: time.Minute, Assignment: a})
	host := ts.srv.HostKeyFingerprint()
	st := connect(t, ts.addr, "alice", key, true)
	st.waitFor(t, 5*time.Second, "Assignment: Week 1")
	st.send(t, "mG\r")
	st.waitFor(t, 5*time.Second, "Question 1 of 2")
	st.send(t, "0.376\r")
	hist := filepath.Join(dir, "students", classroom.KeyID(gossh.FingerprintSHA256(key.PublicKey())), "history.jsonl")
	waitFile(t, hist, 1)
	st.send(t, "\r")             // the next question: its title differs from the first by one figure, which is all the renderer writes
	st.send(t, "0.376\r0.376\r") // net where out belongs
	waitFile(t, hist, 2)
	ts.stop(t)
	st.waitFor(t, time.Second, "the teacher stopped the server")
	ts.cancel, ts.done = func() {}, make(chan error, 1)
	ts.done <- nil

	again := startServer(t, Config{Dir: dir, Idle: time.Minute, Assignment: a})
	if got := again.srv.HostKeyFingerprint(); got != host {
		t.Errorf("the host key changed over a restart: %s, then %s", host, got)
	}
	st = connect(t, again.addr, "alice", key, true)
	st.waitFor(t, 5*time.Second, "Welcome back, alice.", "So far: 2 questions answered, 1 correct.", "Overview")
	st.send(t, "q")
	st.exit(t)
	members, problems, err := classroom.Read(dir)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if len(members) != 1 || members[0].Student.Name != "alice" || len(members[0].Records) != 2 || len(members[0].Sessions) != 2 {
		t.Fatalf("members %+v", members)
	}
	if r := members[0].Records[1]; r.Slip == "" || r.Verdict != "incorrect" {
		t.Errorf("second answer recorded as %+v", r)
	}
}

// waitFile waits until the file at path has n lines.
func waitFile(t *testing.T, path string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		if strings.Count(string(data), "\n") >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s has not %d lines after 5 s:\n%s", path, n, data)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestOpenServerAsksAName(t *testing.T) {
	ts := startServer(t, Config{Open: true, Idle: time.Minute})
	answer := gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
		if len(q) != 1 {
			return nil, fmt.Errorf("asked %q", q)
		}
		return []string{"  Zoë\x1b[31m  "}, nil
	})
	c, _, err := dial(t, ts.addr, "guest", answer)
	if err != nil {
		t.Fatal(err)
	}
	st := startSession(t, c, true, "")
	st.waitFor(t, 5*time.Second, "Welcome, Zoë[31m. Your answers are kept under this name.")
	st.send(t, "q")
	st.exit(t)
	if _, err := os.Stat(filepath.Join(ts.dir, "students", classroom.NameID("Zoë[31m"), "student.json")); err != nil {
		t.Error(err)
	}
}

func TestSessionsOwnTheirState(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	a := connect(t, ts.addr, "alice", newKey(t), true)
	b := connect(t, ts.addr, "bob", newKey(t), true)
	total := "/" + strconv.Itoa(len(lessons.All())) // the header's "1/15": the lesson and how many there are
	a.waitFor(t, 5*time.Second, "1"+total)
	b.waitFor(t, 5*time.Second, "1"+total)
	for range 3 {
		a.send(t, "n")
		b.send(t, ">")
	}
	a.waitFor(t, 5*time.Second, "4"+total)
	b.waitFor(t, 5*time.Second, "w1 0.4000000") // seven decimals on bob's screen only
	if strings.Contains(b.out.String(), "4"+total) {
		t.Error("alice's lesson moved bob's")
	}
	if strings.Contains(a.out.String(), "0.4000000") {
		t.Error("bob's decimals changed alice's screen")
	}
}

func TestTheTutorFollowsTheWindow(t *testing.T) {
	ts := startServer(t, Config{Idle: time.Minute})
	st := connect(t, ts.addr, "alice", newKey(t), true)
	st.waitFor(t, 5*time.Second, "Overview")
	st.mark = st.out.Len() // wait for what follows the first frame
	if err := st.sess.WindowChange(12, 50); err != nil {
		t.Fatal(err)
	}
	st.waitFor(t, 5*time.Second, "Make the terminal larger")
	if err := st.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	st.waitFor(t, 5*time.Second, "Overview")
	st.send(t, "n") // the tutor takes keys again at a usable size
	st.waitFor(t, 5*time.Second, "A die face as a vector")
}
