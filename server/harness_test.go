package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// syncBuffer is a bytes.Buffer safe for one writer and many readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Len returns the number of bytes written so far.
func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// testServer is a server running on a free port of 127.0.0.1.
type testServer struct {
	srv    *Server
	addr   string
	dir    string
	log    *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// startServer starts a server for cfg (Dir defaults to a temporary
// directory, MaxSessions to 50) and stops it when the test ends.
func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	if cfg.MaxSessions == 0 {
		cfg.MaxSessions = 50
	}
	logs := &syncBuffer{}
	cfg.Log = slog.New(slog.NewTextHandler(logs, nil))
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{srv: srv, addr: ln.Addr().String(), dir: cfg.Dir, log: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { ts.done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() { ts.stop(t) })
	return ts
}

// stop shuts the server down and waits for Serve to return.
func (ts *testServer) stop(t testing.TB) {
	t.Helper()
	ts.cancel()
	select {
	case err, ok := <-ts.done:
		if ok && err != nil {
			t.Errorf("Serve: %v", err)
		}
		close(ts.done)
	case <-time.After(10 * time.Second):
		t.Error("the server did not stop within 10 s")
	}
}

// newKey returns a fresh ed25519 key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dial opens an SSH connection as user with the given authentication and
// returns the client and its TCP connection, which a test may cut.
func dial(t testing.TB, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, net.Conn, error) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, nil, err
	}
	cfg := &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	return gossh.NewClient(c, chans, reqs), conn, nil
}

// student is one SSH session of a test student.
type student struct {
	client *gossh.Client
	conn   net.Conn
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuffer
	errs   *syncBuffer
	waited chan error // Wait's result, once the session ends
	mark   int        // waitFor looks at the output from this byte on
}

// connect opens a session as user with key; with pty it asks for an
// 80x24 terminal, then starts the shell (the tutor).
func connect(t testing.TB, addr, user string, key gossh.Signer, pty bool) *student {
	t.Helper()
	c, conn, err := dial(t, addr, user, gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	st := startSession(t, c, pty, "")
	st.conn = conn
	return st
}

// startSession starts a session on c, with an 80x24 pty when pty is set,
// running command (the shell when "").
func startSession(t testing.TB, c *gossh.Client, pty bool, command string) *student {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &student{client: c, sess: sess, out: &syncBuffer{}, errs: &syncBuffer{}, waited: make(chan error, 1)}
	sess.Stdout, sess.Stderr = st.out, st.errs
	if st.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if pty {
		if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	if command != "" {
		err = sess.Start(command)
	} else {
		err = sess.Shell()
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() { st.waited <- sess.Wait() }()
	t.Cleanup(func() { c.Close() })
	return st
}

// waitFor waits until the session's output (stdout and stderr) holds
// every one of want, failing after timeout.
func (st *student) waitFor(t testing.TB, timeout time.Duration, want ...string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		all := st.out.String()[st.mark:] + st.errs.String()
		missing := ""
		for _, w := range want {
			if !strings.Contains(all, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the output after %s:\n%q", missing, timeout, tail(all, 800))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// exit waits for the session to end and returns its exit status.
func (st *student) exit(t testing.TB) int {
	t.Helper()
	select {
	case err := <-st.waited:
		if err == nil {
			return 0
		}
		if ee, ok := err.(*gossh.ExitError); ok {
			return ee.ExitStatus()
		}
		t.Fatalf("session ended without an exit status: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end within 5 s")
	}
	return -1
}

// send types keys.
func (st *student) send(t testing.TB, keys string) {
	t.Helper()
	if _, err := io.WriteString(st.in, keys); err != nil {
		t.Fatal(err)
	}
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// waitLog waits until the server's log holds want.
func (ts *testServer) waitLog(t testing.TB, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(ts.log.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the log:\n%s", want, ts.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
