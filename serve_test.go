//go:build unix

package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// lockedBuffer is a bytes.Buffer written by one goroutine and read by another.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitText waits until b holds want.
func waitText(t *testing.T, b *lockedBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(b.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in:\n%s", want, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServeStopsOnSIGINT runs nnmath serve as the teacher does, connects a
// student with a Go SSH client, and presses ctrl+c (SIGINT to the process):
// the student's tutor ends with its message, and serve exits 0.
func TestServeStopsOnSIGINT(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	code := make(chan int, 1)
	go func() { code <- run([]string{"serve", "--listen", "127.0.0.1:0", "--dir", dir}, stdout, stderr) }()
	waitText(t, stdout, "Press ctrl+c")
	addr := regexp.MustCompile(`listening on (\S+),`).FindStringSubmatch(stdout.String())[1]

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "alice", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &lockedBuffer{}
	sess.Stdout, sess.Stderr = out, io.Discard
	if _, err := sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitText(t, out, "Overview")

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	waitText(t, out, "the teacher stopped the server")
	select {
	case got := <-code:
		if got != exitOK {
			t.Errorf("serve exited %d, want 0; stderr:\n%s", got, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of SIGINT")
	}
	for _, want := range []string{"msg=connect", "msg=shutdown sessions=1", "msg=disconnect", "reason=shutdown"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("no %q in the log:\n%s", want, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "every session ended; stopped.") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}
