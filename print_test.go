package main

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"nnmath/tui"
)

func TestPrintStyles(t *testing.T) {
	for env, want := range map[string]tui.Styles{
		"15;0":         tui.NewStyles(true),
		"0;15":         tui.NewStyles(false),
		"0;7":          tui.NewStyles(false),
		"7;8":          tui.NewStyles(true),
		"":             tui.NewStylesAnyBackground(),
		"what":         tui.NewStylesAnyBackground(),
		"0;99":         tui.NewStylesAnyBackground(),
		"15;default;0": tui.NewStyles(true),
		"0;default;15": tui.NewStyles(false),
	} {
		if got := printStyles(env); !reflect.DeepEqual(got.Text, want.Text) || !reflect.DeepEqual(got.Heading, want.Heading) {
			t.Errorf("COLORFGBG=%q: not the expected styles", env)
		}
	}
}

// nnmath print shows the backward pass on the paper's network: δ_o, both
// hidden δs with their numbers, and every gradient as δ × out.
func TestPrintBackward(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"print", "backward"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	for _, want := range []string{
		"Backpropagation", "backward pass",
		"δ_o = dJ/dout · dout/dnet_o", "= -0.0831",
		"δ_h1 = (w9·δ_o) · out_h1·(1 - out_h1)", "= -0.0120",
		"δ_h2 = (w10·δ_o) · out_h2·(1 - out_h2)", "= -0.0082",
		"dJ/dw9   = δ_o·out_h1  = (-0.08310)·0.5929  = -0.04927",
		"dJ/dw10  = δ_o·out_h2  = (-0.08310)·0.5440  = -0.04521",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("print backward does not show %q", want)
		}
	}
	for k := 1; k <= 8; k++ {
		if !strings.Contains(text, "dJ/dw"+strconv.Itoa(k)+"  = δ_h") {
			t.Errorf("print backward does not write dJ/dw%d as δ × out", k)
		}
	}
}

// --example chooses a built-in network on every command; an unknown name
// is refused with the list of names, and so is --example with --net.
func TestExampleFlag(t *testing.T) {
	for _, args := range [][]string{
		{"print", "backward", "--example", "textbook"},
		{"trace", "--example", "textbook"},
		{"check", "--example", "textbook", "dJ/dw1", "0.000438568"},
		{"export", "--example", "textbook", "--format", "md", "-o", t.TempDir() + "/s.md"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	run([]string{"trace", "--example", "textbook"}, &out, &errb)
	if !strings.Contains(out.String(), "0.7514") || !strings.Contains(out.String(), "0.3589") {
		t.Errorf("trace --example textbook does not show out_o1 0.7514 and the new w5 0.3589:\n%s", out.String())
	}
	for _, args := range [][]string{{"print", "--example", "nope"}, {"trace", "--example", "nope"}, {"quiz", "--example", "nope"}} {
		errb.Reset()
		if code := run(args, &bytes.Buffer{}, &errb); code != exitUsage || !strings.Contains(errb.String(), "paper, textbook") {
			t.Errorf("%v: exit %d, %q: want a usage error listing the examples", args, code, errb.String())
		}
	}
	errb.Reset()
	if code := run([]string{"trace", "--example", "textbook", "--net", "x.json"}, &bytes.Buffer{}, &errb); code != exitUsage ||
		!strings.Contains(errb.String(), "not both") {
		t.Errorf("--example with --net: exit %d, %q", code, errb.String())
	}
}
