package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnmath/internal/testnet"
)

func runExportArgs(args ...string) (code int, stdout, stderr string) {
	return runArgs(append([]string{"export"}, args...)...)
}

func TestExportFormats(t *testing.T) {
	code, md, stderr := runExportArgs()
	if code != exitOK || stderr != "" {
		t.Fatalf("export: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"# Worked solution: one training step of a 4-2-1 network", "$$\n\\begin{aligned}",
		"## Where the paper's numbers differ", `\frac{dJ}{dw_{9}} &= `} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	code, tex, _ := runExportArgs("--format", "latex", "--digits", "2")
	if code != exitOK || !strings.Contains(tex, `\begin{align*}`) || !strings.Contains(tex, `\section*{`) ||
		!strings.Contains(tex, "&= -0.05") {
		t.Errorf("latex: exit %d, or no align*, section or dJ/dw9 at 2 digits", code)
	}
	code, own, _ := runExportArgs("--net", testnet.WriteFile(t, "net222.json", testnet.TwoTwoTwo()), "--lr", "0.25")
	if code != exitOK || !strings.Contains(own, "b_{4}") || !strings.Contains(own, `\eta = 0.2500`) ||
		strings.Contains(own, "paper") {
		t.Errorf("own network: exit %d, or missing biases, learning rate, or a mention of the paper", code)
	}
	code, changed, _ := runExportArgs("--inputs", "0.1,0.2,0.3,0.4", "--targets", "0")
	if code != exitOK || strings.Contains(changed, "Where the paper's numbers differ") {
		t.Errorf("changed sample: exit %d, or the paper's section is still there", code)
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf"}, `unknown format "pdf" (use markdown or latex)`},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"--digits", "11"}, "--digits must be 0..10"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"--inputs", "1,2"}, "--inputs has 2 values but the network needs 4"},
		{[]string{"--net", "no-such-file.json"}, "no-such-file.json"},
	} {
		code, stdout, stderr := runExportArgs(tc.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q; want exit 2 and %q", tc.args, code, len(stdout), stderr, tc.want)
		}
	}
	code, stdout, stderr := runExportArgs("--help")
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "--format markdown|latex") || !strings.Contains(stdout, "-o FILE") {
		t.Errorf("--help: exit %d, stdout %q, stderr %q; want the usage on stdout", code, stdout, stderr)
	}
}

func TestExportToFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "solution.md")
	if err := os.WriteFile(path, []byte("an old solution"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runExportArgs("-o", path)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("-o: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	_, want, _ := runExportArgs()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("the file does not hold the solution (err %v)", err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("replacing a file changed its permissions: %v, %v", info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the solution", len(entries))
	}

	fresh := filepath.Join(dir, "new.tex")
	if code, _, _ := runExportArgs("--format", "latex", "-o", fresh); code != exitOK {
		t.Fatalf("-o new file: exit %d", code)
	}
	if info, err := os.Stat(fresh); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("a new file should be readable by all: %v", err)
	}

	// A .tex name selects LaTeX unless --format says otherwise; - is stdout.
	inferred := filepath.Join(dir, "inferred.tex")
	if code, _, _ := runExportArgs("-o", inferred); code != exitOK {
		t.Fatalf("-o inferred.tex: exit %d", code)
	}
	if got, _ := os.ReadFile(inferred); !strings.Contains(string(got), `\begin{align*}`) {
		t.Error("-o FILE.tex without --format did not write LaTeX")
	}
	forced := filepath.Join(dir, "forced.tex")
	if code, _, _ := runExportArgs("--format", "markdown", "-o", forced); code != exitOK {
		t.Fatalf("--format markdown -o forced.tex: exit %d", code)
	}
	if got, _ := os.ReadFile(forced); strings.Contains(string(got), `\begin{align*}`) {
		t.Error("--format markdown was overridden by the .tex name")
	}
	code, stdout, _ = runExportArgs("-o", "-")
	if code != exitOK || stdout != want {
		t.Errorf("-o -: exit %d, %d bytes on stdout", code, len(stdout))
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - wrote a file named -")
	}
}

func TestExportToFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing", "solution.md")
	code, stdout, stderr := runExportArgs("-o", missing)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, missing) || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing folder: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// A destination that is a folder cannot be replaced; nothing may be left behind.
	target := filepath.Join(dir, "folder")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runExportArgs("-o", target)
	if code != exitUsage || !strings.Contains(stderr, target) {
		t.Errorf("folder as destination: exit %d, stderr %q", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "folder" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("failed writes left %v behind", names)
	}
}
