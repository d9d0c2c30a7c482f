package quiz

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHistoryPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	p, err := HistoryPath()
	if err != nil || p != filepath.Join(dir, "nnmath", HistoryFile) {
		t.Errorf("HistoryPath() = %q, %v", p, err)
	}
	t.Setenv("XDG_STATE_HOME", "relative/dir")
	t.Setenv("HOME", dir)
	if p, err := HistoryPath(); err != nil || !strings.HasPrefix(p, dir) {
		t.Errorf("with a relative XDG_STATE_HOME: %q, %v", p, err)
	}
}

func TestHistoryRoundTripAndCorruptLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nnmath", HistoryFile)
	if recs, bad, err := ReadHistory(path); err != nil || recs != nil || bad != nil {
		t.Fatalf("missing file: %v %v %v", recs, bad, err)
	}
	r := Record{Time: time.Unix(0, 0).UTC(), Topic: "loss", Quantity: "J", Verdict: "correct", Seconds: 4}
	if err := AppendHistory(path, []Record{r, r}); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("not json\n\n{\"topic\": 3}\n{}\n")
	f.Close()
	if err := AppendHistory(path, []Record{r}); err != nil {
		t.Fatal(err)
	}
	// A torn last line, as a crash mid-write would leave it.
	f, _ = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"topic":"loss","verd`)
	f.Close()
	recs, bad, err := ReadHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Errorf("read %d records, want 3", len(recs))
	}
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
	}
	if want := []int{3, 5, 6, 8}; len(lines) != len(want) || lines[0] != 3 || lines[1] != 5 || lines[2] != 6 || lines[3] != 8 {
		t.Errorf("corrupt lines %v, want %v (%v)", lines, want, bad)
	}
	if !strings.Contains(bad[0].Error(), "line 3") {
		t.Errorf("error %q does not name the line", bad[0].Error())
	}
}

const childEnv = "NNMATH_QUIZ_HISTORY_CHILD"

// TestHistoryChild is the child process of TestConcurrentAppends: it
// appends many records to the file named in the environment.
func TestHistoryChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("only run as a child of TestConcurrentAppends")
	}
	id := os.Getenv(childEnv + "_ID")
	for i := range 300 {
		r := Record{Topic: "forward", Verdict: "correct", Quantity: id + "-" + strconv.Itoa(i) + "-" + strings.Repeat("x", i*7%500)}
		if err := AppendHistory(path, []Record{r}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConcurrentAppends runs two processes appending to one history at
// the same time; afterwards every line must parse.
func TestConcurrentAppends(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("child")
	}
	path := filepath.Join(t.TempDir(), "nnmath", HistoryFile)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	out := make([][]byte, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(exe, "-test.run=^TestHistoryChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), childEnv+"="+path, childEnv+"_ID=p"+strconv.Itoa(i), "XDG_STATE_HOME="+t.TempDir())
			out[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, out[i])
		}
	}
	recs, bad, err := ReadHistory(path)
	if err != nil || len(bad) > 0 {
		t.Fatalf("corrupt lines after concurrent appends: %v %v", bad, err)
	}
	if len(recs) != 600 {
		t.Fatalf("read %d records, want 600", len(recs))
	}
	seen := map[string]bool{}
	for _, r := range recs {
		seen[r.Quantity] = true
	}
	if len(seen) != 600 {
		t.Errorf("%d distinct records, want 600", len(seen))
	}
}
