package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnmath/mathcore"
)

func TestWorksheetSameSeedSameSheet(t *testing.T) {
	sheet := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(append([]string{"worksheet"}, args...), &out, &errb); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	a, b := sheet("--seed", "42"), sheet("--seed", "42")
	if a != b {
		t.Error("the same seed gives two sheets")
	}
	if c := sheet("--seed", "43"); c == a {
		t.Error("another seed gives the same sheet")
	}
	key := sheet("--seed", "42", "--answers")
	for _, line := range strings.Split(a, "\n") {
		if q, ok := strings.CutPrefix(line, "### "); ok && !strings.Contains(key, q) {
			t.Errorf("the key lacks the sheet's %q", q)
		}
	}
	if n := strings.Count(sheet("--seed", "1", "--count", "8", "--example", "paper"), "### Question"); n != 8 {
		t.Errorf("%d questions, want 8", n)
	}
	path := filepath.Join(t.TempDir(), "sheet.tex")
	sheet("--seed", "42", "-o", path)
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "% Worksheet") || !strings.Contains(string(data), `\documentclass`) {
		t.Errorf("a .tex name writes %q", data[:min(len(data), 80)])
	}
}

func TestWorksheetBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--count", "0"}, "--count must be from 1 to 50"},
		{[]string{"--seed", "x"}, "--seed must be a whole number"},
		{[]string{"--format", "pdf"}, "unknown format"},
		{[]string{"--example", "mnist"}, `no example called "mnist"`},
		{[]string{"--example", "paper", "--net", "x.json"}, "not both"},
		{[]string{"--net", filepath.Join(t.TempDir(), "missing.json")}, "missing.json"},
		{[]string{"--topics", "loss", "--count", "3"}, "only 1 different quantity"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"worksheet"}, tc.args...), &out, &errb); code != exitUsage || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, message %q, want %q", tc.args, code, errb.String(), tc.want)
		}
	}
}

// The command a sheet prints writes the same sheet again, whatever chose it.
func TestWorksheetNamesItsCommand(t *testing.T) {
	net := filepath.Join(t.TempDir(), "my net.json")
	writeSheetNetwork(t, net)
	var out, errb bytes.Buffer
	for _, args := range [][]string{
		{"--seed", "5"},
		{"--example", "textbook", "--seed", "9", "--count", "3", "--topics", "loss,update"},
		{"--net", net, "--seed", "11", "--topics", "gradients"},
	} {
		out.Reset()
		errb.Reset()
		if code := run(append([]string{"worksheet"}, args...), &out, &errb); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		first := out.String()
		_, rest, ok := strings.Cut(first, "(nnmath worksheet ")
		cmd, _, ok2 := strings.Cut(rest, " writes this sheet again")
		if !ok || !ok2 {
			t.Fatalf("%v: the sheet names no command:\n%s", args, first[:min(len(first), 400)])
		}
		again := shellWords(t, cmd)
		out.Reset()
		if code := run(append([]string{"worksheet"}, again...), &out, &errb); code != exitOK || out.String() != first {
			t.Errorf("%v: the sheet says %q, which writes another sheet (exit %d)", args, cmd, code)
		}
	}
}

// shellWords splits a command line written by shellQuote.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	in, started := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			in, started = !in, true
		case c == '\\' && !in && i+1 < len(s):
			i++
			w.WriteByte(s[i])
		case c == ' ' && !in:
			if started || w.Len() > 0 {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteByte(c)
		}
	}
	if in {
		t.Fatalf("unclosed quote in %q", s)
	}
	if started || w.Len() > 0 {
		words = append(words, w.String())
	}
	return words
}

// writeSheetNetwork writes the textbook example to path.
func writeSheetNetwork(t *testing.T, path string) {
	t.Helper()
	data, err := mathcore.MarshalNetwork(mathcore.Textbook())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
