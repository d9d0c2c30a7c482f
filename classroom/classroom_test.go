package classroom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIDs(t *testing.T) {
	fp := "SHA256:vPdWkqElXvwIgDpukGERzGL4i0+kXDNFSdMI0FUu1JE"
	if got := KeyID(fp); got != "SHA256-vPdWkqElXvwIgDpukGERzGL4i0-kXDNFSdMI0FUu1JE" {
		t.Errorf("KeyID = %s", got)
	}
	if strings.ContainsAny(KeyID("SHA256:a/b+c"), "/:+") {
		t.Error("KeyID keeps a character a folder name cannot hold")
	}
	if NameID("Zoë") == NameID("Zo") || NameID("../..") == "" || strings.Contains(NameID("../x"), "/") {
		t.Error("NameID: names that differ share a folder, or a name escapes the folder")
	}
}

func TestEnrollKeepsFirstSeen(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "class"))
	if err != nil {
		t.Fatal(err)
	}
	s := Student{Fingerprint: "SHA256:abc", Name: "alice"}
	if seen, _ := d.Seen(s); seen {
		t.Error("a new student is seen")
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if _, err := d.Enroll(s, t0); err != nil {
		t.Fatal(err)
	}
	s.Name = "Alice B."
	got, err := d.Enroll(s, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !got.FirstSeen.Equal(t0) || !got.LastSeen.Equal(t0.Add(time.Hour)) || got.Name != "Alice B." {
		t.Errorf("enrolled again as %+v", got)
	}
	if seen, _ := d.Seen(s); !seen {
		t.Error("an enrolled student is not seen")
	}
}

// writeClass writes a class directory with the given students' files.
func writeClass(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, "students", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

const rec = `{"time":"2026-01-01T10:00:00Z","seed":1,"question":1,"topic":"forward","quantity":"out_h1","answer":0.376,"exact":0.5929,"verdict":"incorrect","slip":"net_for_out","hints":0,"seconds":30,"lesson":"sigmoid"}`

func TestReadSkipsTornAndCorruptLines(t *testing.T) {
	dir := t.TempDir()
	writeClass(t, dir, map[string]string{
		"SHA256-a/student.json":   `{"fingerprint":"SHA256:a","name":"alice","first_seen":"2026-01-01T09:00:00Z","last_seen":"2026-01-01T09:00:00Z"}`,
		"SHA256-a/history.jsonl":  rec + "\nnot json\n" + rec + "\n{\"time\":\"2026-01-01T11:00:00Z\",\"to",
		"SHA256-a/sessions.jsonl": `{"start":"2026-01-01T09:00:00Z","end":"2026-01-01T09:10:00Z","seconds":600,"reason":"quit"}` + "\n{}\n",
		"SHA256-b/student.json":   `{not json`,
		"SHA256-b/history.jsonl":  rec + "\n",
	})
	members, problems, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 {
		t.Fatalf("%d members, want 2", len(members))
	}
	var a Member
	for _, m := range members {
		if m.ID == "SHA256-a" {
			a = m
		}
	}
	if a.Student.Name != "alice" || len(a.Records) != 2 || len(a.Sessions) != 1 || a.Sessions[0].Seconds != 600 {
		t.Errorf("alice read as %+v", a)
	}
	var lines []string
	for _, p := range problems {
		lines = append(lines, p.Error())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"history.jsonl: line 2:", "history.jsonl: line 4:", "sessions.jsonl: line 2: not a session",
		"SHA256-b/student.json: "} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem %q among:\n%s", want, all)
		}
	}
}

func TestReadMergesDirectories(t *testing.T) {
	one, two := t.TempDir(), t.TempDir()
	writeClass(t, one, map[string]string{
		"SHA256-a/student.json":  `{"fingerprint":"SHA256:a","name":"alice","first_seen":"2026-01-01T09:00:00Z","last_seen":"2026-01-01T09:00:00Z"}`,
		"SHA256-a/history.jsonl": rec + "\n",
	})
	writeClass(t, two, map[string]string{
		"SHA256-a/student.json":  `{"fingerprint":"SHA256:a","name":"Alice","first_seen":"2026-01-02T09:00:00Z","last_seen":"2026-01-02T09:00:00Z"}`,
		"SHA256-a/history.jsonl": strings.Replace(rec, "10:00", "08:00", 1) + "\n",
	})
	members, problems, err := Read(one, two)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if len(members) != 1 {
		t.Fatalf("%d members, want alice once", len(members))
	}
	m := members[0]
	if m.Student.Name != "Alice" || !m.Student.FirstSeen.Equal(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)) || len(m.Records) != 2 {
		t.Errorf("merged as %+v", m.Student)
	}
	if !m.Records[0].Time.Before(m.Records[1].Time) {
		t.Error("records are not in time order")
	}
	if _, _, err := Read(filepath.Join(one, "missing")); err == nil {
		t.Error("a missing directory is read")
	}
	empty := t.TempDir()
	if ms, _, err := Read(empty); err != nil || len(ms) != 0 {
		t.Errorf("an empty class directory: %v, %v", ms, err)
	}
}

func TestLogSessionAppends(t *testing.T) {
	d, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if err := d.LogSession("x", Session{Start: t0, End: t0.Add(time.Minute), Seconds: 60, Reason: []string{"quit", "idle", "lost"}[i]}); err != nil {
			t.Fatal(err)
		}
	}
	m := &Member{}
	if p := readSessions(filepath.Join(string(d), "students", "x", sessionsFile), m); len(p) > 0 || len(m.Sessions) != 3 || m.Sessions[2].Reason != "lost" {
		t.Errorf("sessions %+v, problems %v", m.Sessions, p)
	}
}

// A directory named twice is read once, and an overlong sessions line is
// skipped with the sessions after it still counted.
func TestReadOnceAndPastALongLine(t *testing.T) {
	dir := t.TempDir()
	session := `{"start":"2026-01-01T09:00:00Z","end":"2026-01-01T09:10:00Z","seconds":600,"reason":"quit"}`
	writeClass(t, dir, map[string]string{
		"SHA256-a/student.json":   `{"fingerprint":"SHA256:a","name":"alice","first_seen":"2026-01-01T09:00:00Z","last_seen":"2026-01-01T09:00:00Z"}`,
		"SHA256-a/history.jsonl":  rec + "\n",
		"SHA256-a/sessions.jsonl": strings.Repeat("x", 70000) + "\n" + session + "\n",
	})
	members, problems, err := Read(dir, dir+string(filepath.Separator), filepath.Join(dir, "."))
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || len(members[0].Records) != 1 || len(members[0].Sessions) != 1 {
		t.Fatalf("read as %+v", members)
	}
	if len(problems) != 1 || problems[0].Line != 1 || !strings.Contains(problems[0].Error(), "longer than") {
		t.Errorf("problems %v, want line 1 too long", problems)
	}
}
