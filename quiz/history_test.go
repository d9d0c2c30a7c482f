package quiz

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	f.WriteString("not json\n\n{\"topic\": 3}\n{}\n{\"topic\":\"loss\",\"verdict\":\"correct\",\"seconds\":-5}\n")
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
	if want := []int{3, 5, 6, 7, 9}; !slices.Equal(lines, want) {
		t.Errorf("corrupt lines %v, want %v (%v)", lines, want, bad)
	}
	if !strings.Contains(bad[0].Error(), "line 3") {
		t.Errorf("error %q does not name the line", bad[0].Error())
	}
}

// TestAppendAfterTornLine appends to a history whose last line was cut
// short: the new records start on a line of their own and are read back,
// and the torn line alone is reported.
func TestAppendAfterTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nnmath", HistoryFile)
	r := Record{Topic: "loss", Quantity: "J", Verdict: "correct"}
	if err := AppendHistory(path, []Record{r}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"topic":"loss","verd`)
	f.Close()
	r2 := Record{Topic: "update", Quantity: "w9_new", Verdict: "incorrect"}
	if err := AppendHistory(path, []Record{r2, r2}); err != nil {
		t.Fatal(err)
	}
	recs, bad, err := ReadHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[1].Quantity != "w9_new" || recs[2].Quantity != "w9_new" {
		t.Errorf("read %+v, want the first record and the two appended after the torn line", recs)
	}
	if len(bad) != 1 || bad[0].Line != 2 {
		t.Errorf("corrupt lines %v, want line 2 only", bad)
	}
	// A file ending in a newline gets no empty line.
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "\n\n") {
		t.Errorf("an empty line was written:\n%s", data)
	}
}

func TestReadHistoryErrorNamesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, HistoryFile)
	if err := os.Mkdir(path, 0o755); err != nil { // a folder where the file belongs
		t.Fatal(err)
	}
	_, _, err := ReadHistory(path)
	if err == nil || !strings.Contains(err.Error(), path) || strings.Count(err.Error(), path) != 1 ||
		!strings.Contains(err.Error(), "is a directory") {
		t.Errorf("error %v: want the file named once and the problem", err)
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
