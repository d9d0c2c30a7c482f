package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnmath/judge"
	"nnmath/mathcore"
)

// quantitiesWith returns the names of n's quantities that start with prefix.
func quantitiesWith(t *testing.T, n *mathcore.Network, prefix string) []string {
	t.Helper()
	j, err := judge.New(n)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, q := range j.Quantities() {
		if strings.HasPrefix(q.Name, prefix) {
			names = append(names, q.Name)
		}
	}
	slices.Sort(names)
	return names
}

func TestCompleteQuantitiesOfTheNetworkOnTheLine(t *testing.T) {
	want := quantitiesWith(t, mathcore.Paper(), "dJ/d")
	if got := complete([]string{"check", "dJ/d"}); !slices.Equal(got, want) || len(got) < 10 {
		t.Errorf("check dJ/d<TAB> = %v, want %v", got, want)
	}
	path := filepath.Join("export", "testdata", "net222.json")
	n, err := loadNetworkFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want = quantitiesWith(t, n, "dJ/dw")
	for _, line := range [][]string{
		{"check", "--net", path, "dJ/dw"},
		{"check", "--net=" + path, "--tolerance", "0.1", "dJ/dw"},
		{"check", "--json", "--net", path, "dJ/dw"},
	} {
		if got := complete(line); !slices.Equal(got, want) {
			t.Errorf("%v = %v, want %v", line, got, want)
		}
	}
	if got := complete([]string{"check", "--net", "no-such-file.json", ""}); len(got) != 0 {
		t.Errorf("a network that does not load: %v, want nothing", got)
	}
	if got := complete([]string{"check", "dJ/dw9", ""}); len(got) != 0 {
		t.Errorf("after the quantity (the VALUE): %v, want nothing", got)
	}
}

// Every flag of every command's own flag set is completed: the
// completions are read from the flag sets, not from a list of their own.
func TestCompleteEveryFlagOfEveryCommand(t *testing.T) {
	refs := append(references(), tutorReference())
	seen := 0
	for _, r := range refs {
		for _, r := range append([]reference{r}, r.subs...) {
			if r.flags == nil {
				continue
			}
			line := append(strings.Fields(r.name), "--")
			got := complete(line)
			r.flags.VisitAll(func(f *flag.Flag) {
				seen++
				if !slices.Contains(got, "--"+f.Name) {
					t.Errorf("nnmath %s --<TAB> lacks --%s: %v", r.name, f.Name, got)
				}
			})
		}
	}
	if seen < 30 {
		t.Errorf("only %d flags seen", seen)
	}
}

func TestCompleteValues(t *testing.T) {
	for _, c := range []struct {
		line []string
		want []string
	}{
		{[]string{""}, nil}, // checked below
		{[]string{"qu"}, []string{"quiz"}},
		{[]string{"--pl"}, []string{"--plain"}},
		{[]string{"--net", "x.json", "--pl"}, []string{"--plain"}},
		{[]string{"quiz", "--pl"}, []string{"--plain"}},
		{[]string{"export", "--format", ""}, []string{"latex", "markdown"}},
		{[]string{"class", ""}, []string{"report"}},
		{[]string{"export", "--format", "=", ""}, []string{"latex", "markdown"}}, // bash splits --format= at "="
		{[]string{"export", "--format", "="}, []string{"latex", "markdown"}},
		{[]string{"export", "--format", "=", "la"}, []string{"latex"}},
		{[]string{"export", "--example", "=", "paper", "--format", ""}, []string{"latex", "markdown"}},
		{[]string{"class", "report", "--format", ""}, []string{"csv", "json", "markdown"}},
		{[]string{"quiz", "--topics", "forward,l"}, []string{"forward,loss"}},
		{[]string{"worksheet", "--topics", ""}, []string{"forward", "gradients", "loss", "update"}},
		{[]string{"worksheet", "--example", ""}, sorted(mathcore.ExampleNames())}, // the names its usage lists
		{[]string{"--example", ""}, sorted(mathcore.ExampleNames())},
		{[]string{"check", "--net", "ne"}, []string{completeFiles}},
		{[]string{"serve", "--dir", ""}, []string{completeDirs}},
		{[]string{"print", "s"}, []string{"sigmoid", "slips"}},
		{[]string{"print", "sigmoid", "--width", "60", "ch"}, []string{"chain-hidden", "chain-output"}},
		{[]string{"completion", ""}, []string{"bash", "fish", "zsh"}},
		{[]string{"help", "cl"}, []string{"class"}},
		{[]string{"nosuchcommand", ""}, nil},
	} {
		got := complete(c.line)
		if c.line[0] == "" {
			for _, cmd := range commands() {
				if !slices.Contains(got, cmd.name) {
					t.Errorf("nnmath <TAB> lacks %s: %v", cmd.name, got)
				}
			}
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q = %v, want %v", c.line, got, c.want)
		}
	}
}

// The bash script, sourced by bash, completes check dJ/d to the network's
// quantities, asking this nnmath.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	wrapper := "#!/bin/sh\nNNMATH_TEST_RUN_MAIN=1 exec " + os.Args[0] + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "nnmath"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	script := `source <(nnmath completion bash)
COMP_WORDS=(nnmath check dJ/d); COMP_CWORD=2; _nnmath; echo "${COMPREPLY[*]}"
COMP_WORDS=(nnmath check --net export/testdata/net2); COMP_CWORD=3; _nnmath; echo "${COMPREPLY[*]}"`
	cmd := exec.Command(bash, "--norc", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := strings.Join(quantitiesWith(t, mathcore.Paper(), "dJ/d"), " ")
	if len(lines) != 2 || lines[0] != want || lines[1] != "export/testdata/net222.json" {
		t.Errorf("bash completed:\n%s\nwant:\n%s\nexport/testdata/net222.json", out, want)
	}
}

func TestHelpTopics(t *testing.T) {
	var out, errs strings.Builder
	if code := run([]string{"help", "check"}, &out, &errs); code != exitOK {
		t.Fatalf("help check: exit %d: %s", code, errs.String())
	}
	var direct strings.Builder
	run([]string{"check", "--help"}, &direct, &direct)
	if out.String() != direct.String() || !strings.Contains(out.String(), "-tolerance") {
		t.Errorf("help check =\n%s\nwant check --help:\n%s", out.String(), direct.String())
	}
	out.Reset()
	run([]string{"help", "all"}, &out, &errs)
	for _, r := range references() {
		for _, r := range append([]reference{r}, r.subs...) {
			if r.flags != nil && !strings.Contains(out.String(), r.help) {
				t.Errorf("help all lacks the reference of %s", r.name)
			}
		}
	}
	for _, w := range []string{"--plain", "set NAME VALUE", "Plain mode"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("help all lacks %q", w)
		}
	}
	errs.Reset()
	if code := run([]string{"help", "nope"}, &out, &errs); code != exitUsage || !strings.Contains(errs.String(), `no topic "nope"`) {
		t.Errorf("help nope: exit %d, %q", code, errs.String())
	}
}

// FuzzComplete: whatever the words on the line, the completer answers
// without crashing, and never with an empty candidate.
func FuzzComplete(f *testing.F) {
	for _, line := range []string{"check dJ/d", "check --net export/testdata/net222.json dJ/dw", "quiz --topics forward,",
		"class report --format ", "--net x --pl", "help ", "print --width 60 s", "check --net=/dev/null ", "worksheet --example "} {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words := strings.Split(line, " ")
		for _, c := range complete(words) {
			if c == "" {
				t.Fatalf("an empty candidate for %q", words)
			}
		}
	})
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// BenchmarkComplete measures the answer to one TAB: check dJ/d on the
// paper's network, which reads every command's flags and the network's
// quantities.
func BenchmarkComplete(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		complete([]string{"check", "dJ/d"})
	}
}

// help man is help all as a man page: every command's reference, and no
// line that roff would read as a request.
func TestHelpMan(t *testing.T) {
	var out, errs strings.Builder
	if code := run([]string{"help", "man"}, &out, &errs); code != exitOK {
		t.Fatalf("help man: exit %d: %s", code, errs.String())
	}
	page := out.String()
	if !strings.HasPrefix(page, ".TH NNMATH 1 ") {
		t.Errorf("no .TH header:\n%.200s", page)
	}
	for _, r := range references() {
		if !strings.Contains(page, ".SH NNMATH "+strings.ToUpper(r.name)) {
			t.Errorf("no section for %s", r.name)
		}
		for _, r := range append([]reference{r}, r.subs...) {
			if r.flags != nil && !strings.Contains(page, r.synopsis()) {
				t.Errorf("no synopsis of %s", r.name)
			}
		}
	}
	for _, l := range strings.Split(page, "\n") {
		if strings.HasPrefix(l, ".") && !slices.Contains([]string{".TH", ".SH", ".nf", ".fi"}, strings.SplitN(l, " ", 2)[0]) {
			t.Errorf("a line roff reads as a request: %q", l)
		}
	}
}
