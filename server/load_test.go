//go:build load

package server

// The load test of nnmath serve, run by .ci/run in its own step without
// the race detector: go test -tags load -run Load -v ./server
//
// The server runs in a child process (this test binary, re-run), so that
// its resident memory, goroutines and open files are its own, not the
// clients'. Figures are logged and go into the README.

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

const (
	loadSessions = 50
	keysPerSec   = 700 // across all sessions
	loadKeys     = 40  // keystrokes per session measured
	cycles       = 1000
)

// TestLoadServerProcess is the child: a server on a free port that prints
// its address, then answers "stats" on stdin with its goroutine count
// (after a garbage collection that returns free memory to the system).
func TestLoadServerProcess(t *testing.T) {
	dir := os.Getenv("NNMATH_LOAD_SERVER_DIR")
	if dir == "" {
		t.Skip("the child process of the load test")
	}
	srv, err := New(Config{Dir: dir, MaxSessions: 200, Idle: 15 * time.Minute, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.ssh.Serve(ln) }()
	if path := os.Getenv("NNMATH_LOAD_CPUPROFILE"); path != "" { // go tool pprof -top <path>
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("addr %s\n", ln.Addr())
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if path, ok := strings.CutPrefix(sc.Text(), "heap "); ok { // go tool pprof -sample_index=inuse_space -top <path>
			if f, err := os.Create(path); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		runtime.GC()
		debug.FreeOSMemory()
		fmt.Printf("goroutines %d sessions %d\n", runtime.NumGoroutine(), srv.count())
	}
}

// child is the server process.
type child struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
}

func startChild(t *testing.T) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadServerProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "NNMATH_LOAD_SERVER_DIR="+filepath.Join(t.TempDir(), "class"))
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	t.Cleanup(func() {
		in.Close() // the child stops (and writes its profile) when its input ends
		ended := make(chan struct{})
		go func() { _ = cmd.Wait(); close(ended) }()
		select {
		case <-ended:
		case <-time.After(3 * time.Second):
			_ = cmd.Process.Kill()
			<-ended
		}
	})
	for c.out.Scan() {
		if a, ok := strings.CutPrefix(c.out.Text(), "addr "); ok {
			c.addr = a
			return c
		}
	}
	t.Fatal("the server process did not start")
	return nil
}

// stats returns the server's goroutines, sessions, resident memory in
// bytes and open file descriptors.
func (c *child) stats(t *testing.T) (goroutines, sessions int, rss int64, fds int) {
	t.Helper()
	fmt.Fprintln(c.in, "stats")
	if !c.out.Scan() {
		t.Fatal("the server process ended")
	}
	if _, err := fmt.Sscanf(c.out.Text(), "goroutines %d sessions %d", &goroutines, &sessions); err != nil {
		t.Fatalf("stats %q: %v", c.out.Text(), err)
	}
	pid := c.cmd.Process.Pid
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skip("no /proc: the load test measures a Linux process")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			rss = kb * 1024
		}
	}
	entries, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	return goroutines, sessions, rss, len(entries)
}

// chunk is output received at a time.
type chunk struct {
	at time.Time
	n  int
}

// chunkWriter reports every write as a chunk.
type chunkWriter chan chunk

func (w chunkWriter) Write(p []byte) (int, error) {
	select {
	case w <- chunk{time.Now(), len(p)}:
	default: // nobody waits: the chunk is not a frame being timed
	}
	return len(p), nil
}

func TestLoad(t *testing.T) {
	before := waitForQuiet(90 * time.Second)
	t.Logf("load average before the test: %.2f on %d cores", before, runtime.NumCPU())
	srv := startChild(t)
	key := newKey(t)
	warm := connect(t, srv.addr, "warm", key, true)
	warm.waitFor(t, 20*time.Second, "Overview")
	warm.send(t, "q")
	warm.exit(t)
	warm.client.Close()
	time.Sleep(200 * time.Millisecond)
	g0, _, rss0, fd0 := srv.stats(t)
	t.Logf("idle server: %d goroutines, %.1f MB resident, %d open files", g0, mb(rss0), fd0)

	// 50 sessions at 80x24, each sending keys that change the frame.
	clients := make([]*student, loadSessions)
	rtts := make([][]time.Duration, loadSessions)
	frames := make([]chunkWriter, loadSessions)
	var wg sync.WaitGroup
	for i := range clients {
		frames[i] = make(chunkWriter, 1)
		st := connectTimed(t, srv.addr, fmt.Sprintf("s%02d", i), newKey(t), frames[i])
		clients[i] = st
	}
	for _, st := range clients {
		st.waitFor(t, 30*time.Second, "Overview")
	}
	_, n, rss50, _ := srv.stats(t)
	if n != loadSessions {
		t.Fatalf("%d sessions running, want %d", n, loadSessions)
	}
	if path := os.Getenv("NNMATH_LOAD_HEAPPROFILE"); path != "" {
		fmt.Fprintln(srv.in, "heap "+path)
		srv.out.Scan()
	}
	perSession := float64(rss50-rss0) / loadSessions
	t.Logf("%d sessions: %.1f MB resident, %.2f MB per session above the idle server", n, mb(rss50), perSession/(1<<20))

	cpu0, at0 := cpuTime(srv), time.Now()
	time.Sleep(2 * time.Second)
	t.Logf("%d idle sessions use %.1f%% of a core", loadSessions, 100*(cpuTime(srv)-cpu0).Seconds()/time.Since(at0).Seconds())

	interval := time.Second * loadSessions / keysPerSec
	start, cpuKeys := time.Now(), cpuTime(srv)
	for i, st := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * interval / loadSessions) // spread the sessions over the interval
			next := time.Now()
			for k := range loadKeys {
				time.Sleep(time.Until(next))
				next = next.Add(interval)
				drain(frames[i])
				sent := time.Now()
				if _, err := io.WriteString(st.in, []string{">", "<"}[k%2]); err != nil {
					t.Error(err)
					return
				}
				select {
				case c := <-frames[i]:
					rtts[i] = append(rtts[i], c.at.Sub(sent))
				case <-time.After(5 * time.Second):
					t.Errorf("session %d: no frame 5 s after a key", i)
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("the server used %.0f%% of a core while the keys were typed", 100*(cpuTime(srv)-cpuKeys).Seconds()/elapsed.Seconds())
	var all []time.Duration
	for _, r := range rtts {
		all = append(all, r...)
	}
	slices.Sort(all)
	p := func(q float64) time.Duration { return all[int(q*float64(len(all)-1))] }
	rate := float64(len(all)) / elapsed.Seconds()
	t.Logf("%d keys in %s (%.0f keys/s): round trip p50 %s, p90 %s, p99 %s, max %s", len(all), elapsed.Round(time.Millisecond),
		rate, p(0.5).Round(100*time.Microsecond), p(0.9).Round(100*time.Microsecond), p(0.99).Round(100*time.Microsecond), all[len(all)-1].Round(time.Millisecond))
	switch {
	case p(0.99) <= 40*time.Millisecond:
	case before >= quietLoad:
		// Two cores shared with other work: the bound holds for this server
		// alone, and is not asserted when others were already running.
		t.Logf("keystroke round trip p99 %s is over 40 ms, with a load average of %.1f before the test from other processes: not asserted", p(0.99), before)
	default:
		t.Errorf("keystroke round trip p99 %s, want under 40 ms", p(0.99))
	}
	if perSession > 1.5*(1<<20) {
		t.Errorf("%.2f MB per session, want at most 1.5 MB", perSession/(1<<20))
	}

	// A killed client: its session and goroutines gone within 1 s.
	gBefore, _, _, _ := srv.stats(t)
	killed := time.Now()
	clients[0].conn.Close()
	for {
		g, n, _, _ := srv.stats(t)
		if n == loadSessions-1 && g < gBefore {
			t.Logf("a killed client's session gone after %s (%d goroutines, %d before)", time.Since(killed).Round(time.Millisecond), g, gBefore)
			break
		}
		if time.Since(killed) > time.Second {
			t.Fatalf("1 s after killing a client: %d sessions, %d goroutines (%d before)", n, g, gBefore)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, st := range clients[1:] {
		st.send(t, "q")
	}
	for _, st := range clients[1:] {
		st.exit(t)
		st.client.Close()
	}

	// 1,000 connects and disconnects, ten at a time: no goroutine or file left.
	start = time.Now()
	var next sync.Mutex
	done := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				if done == cycles {
					next.Unlock()
					return
				}
				done++
				i := done
				next.Unlock()
				st := connect(t, srv.addr, fmt.Sprintf("c%04d", i), key, true)
				st.waitFor(t, 20*time.Second, "Overview")
				if i%2 == 0 {
					st.send(t, "q")
					st.exit(t)
				}
				st.client.Close() // every other one hangs up without quitting
			}
		}()
	}
	wg.Wait()
	t.Logf("%d connect/disconnect cycles in %s", cycles, time.Since(start).Round(time.Millisecond))
	deadline := time.Now().Add(5 * time.Second)
	for {
		g, n, rss, fd := srv.stats(t)
		if g <= g0 && fd <= fd0 && n == 0 {
			t.Logf("after the cycles: %d goroutines (%d idle), %d open files (%d idle), %.1f MB resident", g, g0, fd, fd0, mb(rss))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("5 s after %d cycles: %d goroutines (%d idle), %d open files (%d idle), %d sessions", cycles, g, g0, fd, fd0, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// connectTimed connects like connect, with the session's output also
// reported to frames.
func connectTimed(t *testing.T, addr, user string, key gossh.Signer, frames chunkWriter) *student {
	t.Helper()
	c, conn, err := dial(t, addr, user, gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &student{client: c, conn: conn, sess: sess, out: &syncBuffer{}, errs: &syncBuffer{}, waited: make(chan error, 1)}
	sess.Stdout, sess.Stderr = io.MultiWriter(st.out, frames), st.errs
	if st.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { st.waited <- sess.Wait() }()
	t.Cleanup(func() { c.Close() })
	return st
}

// drain empties frames of chunks from before a key.
func drain(frames chunkWriter) {
	for {
		select {
		case <-frames:
		default:
			return
		}
	}
}

// cpuTime returns the CPU time the server process has used.
func cpuTime(c *child) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64) // fields 14 and 15 of stat, counted after the command
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // clock ticks of 1/100 s
}

// loadAverage returns the one-minute load average (0 when unknown): the
// processes already running or waiting for a core.
// quietLoad is the 1-minute load average under which the machine counts
// as free for the round-trip bound.
const quietLoad = 1.0

// waitForQuiet waits, at most limit, for the load average to fall under
// quietLoad (in CI, for the steps before this one to stop counting), and
// returns the load average it saw last.
func waitForQuiet(limit time.Duration) float64 {
	deadline := time.Now().Add(limit)
	for {
		l := loadAverage()
		if l < quietLoad || time.Now().After(deadline) {
			return l
		}
		time.Sleep(time.Second)
	}
}

// loadAverage is the machine's 1-minute load average.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(data))[0], 64)
	return f
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }
