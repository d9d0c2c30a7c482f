package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckDoneCriteria(t *testing.T) {
	if code, out, _ := runArgs("check", "dJ/dw9", "-0.0493"); code != exitOK || !strings.Contains(out, "correct") {
		t.Errorf("check dJ/dw9 -0.0493: exit %d\n%s", code, out)
	}
	code, out, _ := runArgs("check", "dJ/dw1", "-0.0167")
	if code != exitFail || strings.Contains(out, "dJdout_minus_one") || !strings.Contains(out, "taken as -1") {
		t.Errorf("check dJ/dw1 -0.0167: exit %d (the plain output names the slip in words, its id only in --json)\n%s", code, out)
	}
	code, out, _ = runArgs("check", "--json", "dJ/dw1", "-0.0167")
	if code != exitFail || !strings.Contains(out, `"slip": "dJdout_minus_one"`) {
		t.Errorf("check --json dJ/dw1 -0.0167: exit %d\n%s", code, out)
	}
}

func TestCheckExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		want int
		msg  string // in stdout or stderr
	}{
		{[]string{"check", "dJ/dw9", "-0.0493"}, exitOK, "correct"},
		{[]string{"check", "dJ/dw9", "-0.0498"}, exitFail, "Close"},
		{[]string{"check", "dJ/dw9", "0.0493"}, exitFail, "incorrect"},
		{[]string{"check", "dJ/dw9", "-0.033"}, exitFail, "the number the paper prints"},
		{[]string{"check", "out_h1", "0.407"}, exitFail, "σ(-0.376)"},
		{[]string{"check", "dJ/dw9", "−0,0493"}, exitOK, "correct"},
		{[]string{"check", "dJ/dw9", "-4.93x10^-2"}, exitOK, "correct"},
		{[]string{"check", "y_hat", "0.6395"}, exitOK, "correct"},
		{[]string{"check", "dJ/dw99", "1"}, exitUsage, "dJ/dw9"},
		{[]string{"check", "dJ/dw9", "abc"}, exitUsage, "not a number"},
		{[]string{"check", "dJ/dw9", "NaN"}, exitUsage, "not a finite number"},
		{[]string{"check", "dJ/dw9"}, exitUsage, "QUANTITY and VALUE"},
		{[]string{"check", "dJ/dw9", "1", "2"}, exitUsage, "QUANTITY and VALUE"},
		{[]string{"check", "--tolerance", "2", "dJ/dw9", "1"}, exitUsage, "--tolerance"},
		{[]string{"check", "--tolerance", "x", "dJ/dw9", "1"}, exitUsage, "--tolerance"},
		{[]string{"check", "--bogus", "dJ/dw9", "1"}, exitUsage, "bogus"},
		{[]string{"check", "--net", "/nonexistent.json", "dJ/dw9", "1"}, exitUsage, "nonexistent"},
		{[]string{"check", "dJ/dw9", "-0.0478", "--tolerance", "0.05"}, exitOK, "within 5%"},
		{[]string{"check", "dJ/dw9", "-0.0478", "--tolerance=0.05"}, exitOK, "correct"},
		{[]string{"check", "--", "dJ/dw9", "-0.0493"}, exitOK, "correct"},
		{[]string{"check", "--help"}, exitOK, "Usage"},
	}
	for _, c := range cases {
		code, out, errs := runArgs(c.args...)
		if code != c.want || !strings.Contains(out+errs, c.msg) {
			t.Errorf("%q: exit %d, want %d with %q\nstdout: %s\nstderr: %s", c.args, code, c.want, c.msg, out, errs)
		}
	}
}

func TestCheckNearestNames(t *testing.T) {
	code, _, errs := runArgs("check", "out_h3", "0.5")
	if code != exitUsage || !strings.Contains(errs, "out_h1") || !strings.Contains(errs, "--list") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestCheckJSON(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--json", "dJ/dw9", "-0.0493"},
		{"check", "dJ/dw9", "-0.0493", "--json"}, // flags after the arguments
		{"check", "dJ/dw1", "-0.0167", "--json"},
	} {
		code, out, errs := runArgs(args...)
		dec := json.NewDecoder(strings.NewReader(out))
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("%q: %v\n%s%s", args, err, out, errs)
		}
		if dec.More() {
			t.Errorf("%q: more than one JSON value", args)
		}
		keys := []string{"quantity", "answer", "exact", "verdict", "slip", "explanation"}
		if len(m) != len(keys) {
			t.Errorf("%q: keys %v", args, m)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%q: no %q", args, k)
			}
		}
		switch args[1] + args[2] {
		case "--jsondJ/dw9", "dJ/dw9-0.0493":
			if code != exitOK || m["verdict"] != "correct" || m["slip"] != nil || m["quantity"] != "dJ/dw9" || m["answer"] != -0.0493 {
				t.Errorf("%q: exit %d %v", args, code, m)
			}
		default:
			if code != exitFail || m["verdict"] != "incorrect" || m["slip"] != "dJdout_minus_one" {
				t.Errorf("%q: exit %d %v", args, code, m)
			}
		}
	}
}

func TestCheckList(t *testing.T) {
	code, out, _ := runArgs("check", "--list")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"forward", "loss", "gradients", "update", "net_h1", "out", "J", "dJ/dout", "dout/dnet_o", "dout_h1/dnet_h1", "dJ/dw9", "w9_new"} {
		if !strings.Contains(out, want) {
			t.Errorf("--list lacks %q", want)
		}
	}
	for _, hidden := range []string{"0.5929", "-0.0493", "0.6049", "0.376"} {
		if strings.Contains(out, hidden) {
			t.Errorf("--list shows the value %s", hidden)
		}
	}
	if code, _, _ := runArgs("check", "--list", "dJ/dw9"); code != exitUsage {
		t.Errorf("--list with an argument: exit %d", code)
	}
	code, out, _ = runArgs("check", "--list", "--json")
	var v struct{ Quantities []map[string]string }
	if code != exitOK || json.Unmarshal([]byte(out), &v) != nil || len(v.Quantities) == 0 {
		t.Errorf("--list --json: exit %d %s", code, out)
	}
}

func TestCheckNetFile(t *testing.T) {
	path := testnet.WriteFile(t, "net.json", testnet.ThreeTwoTwoMSE())
	code, out, errs := runArgs("check", "--net", path, "--list")
	if code != exitOK || !strings.Contains(out, "dJ/dout_o1") || !strings.Contains(out, "dJ/db1") || !strings.Contains(out, "out_o2") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runArgs("check", "dJ/dout", "1", "--net", path)
	if code != exitUsage || !strings.Contains(errs, "dJ/dout_o1") {
		t.Errorf("dJ/dout on two outputs: exit %d\n%s%s", code, out, errs)
	}
}

// FuzzCheckAnswer feeds any text as the VALUE through the check command:
// it never panics, never prints NaN or Inf, and prints valid JSON when it
// judges.
func FuzzCheckAnswer(f *testing.F) {
	for _, s := range []string{"-0.0493", "−0,0493", "2.5x10^-3", "1e-3", "NaN", "-Inf", "1e309", "", "-", "--json", "0x1p3", "1_0", "4.93×10^-2", "-1e-400", "∞", "-h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, out, errs := runArgs("check", "dJ/dw9", s, "--json")
		for _, bad := range []string{"NaN", "Inf"} {
			if strings.Contains(out, bad) || (strings.Contains(errs, bad) && !strings.Contains(s, bad)) {
				t.Fatalf("%q: output has %s:\n%s%s", s, bad, out, errs)
			}
		}
		if asksHelp([]string{s}) { // nnmath check dJ/dw9 -h: the help, on stdout
			if code != exitOK || !strings.HasPrefix(out, "Usage: nnmath check") {
				t.Fatalf("%q: exit %d\n%s", s, code, out)
			}
			return
		}
		switch code {
		case exitOK, exitFail:
			var m map[string]any
			if err := json.Unmarshal([]byte(out), &m); err != nil && utf8.ValidString(s) {
				t.Fatalf("%q: %v\n%s", s, err, out)
			}
		case exitUsage:
		default:
			t.Fatalf("%q: exit %d", s, code)
		}
	})
}

// TestCheckUpdates: an updated weight is judged on its step, so the
// paper's printed values and a missing update are recognised.
func TestCheckUpdates(t *testing.T) {
	cases := []struct {
		quantity, value string
		code            int
		verdict         string
		slip            any // nil or the slip's name
	}{
		{"w9_new", "0.6049", exitOK, "correct", nil},
		{"w9_new", "0.605", exitFail, "close", nil},
		{"w9_new", "0.603", exitFail, "incorrect", "paper_value"},
		{"w9_new", "0.5951", exitFail, "incorrect", "update_sign"},
		{"w9_new", "0.6493", exitFail, "incorrect", "missing_eta"},
		{"w9_new", "0.6", exitFail, "incorrect", "no_step"},
		{"w1_new", "0.4006", exitOK, "correct", nil},
		{"w1_new", "0.4016", exitFail, "incorrect", "paper_value"},
		{"w1_new", "0.4", exitFail, "incorrect", "no_step"},
		{"dJ/dw9", "-0.04877", exitFail, "close", nil}, // close: no slip named
		{"dJ/dw9", "- 0.0493", exitOK, "correct", nil},
		{"dJ/dw9", "-4.93·10^-2", exitOK, "correct", nil},
		{"dJ/dw9", "-4.93x10^(-2)", exitOK, "correct", nil},
	}
	for _, c := range cases {
		code, out, errs := runArgs("check", "--json", c.quantity, c.value)
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Errorf("%s %s: %v\n%s%s", c.quantity, c.value, err, out, errs)
			continue
		}
		if code != c.code || m["verdict"] != c.verdict || m["slip"] != c.slip {
			t.Errorf("%s %s: exit %d, %v, slip %v; want exit %d, %s, slip %v\n%s", c.quantity, c.value, code, m["verdict"], m["slip"],
				c.code, c.verdict, c.slip, m["explanation"])
		}
	}
	_, out, _ := runArgs("check", "w9_new", "0.6049")
	if !strings.Contains(out, "its step |η · dJ/dw9| = 0.004927") {
		t.Errorf("the verdict does not say how an update is judged:\n%s", out)
	}
	_, out, _ = runArgs("check", "w9_new", "0.6")
	if !strings.Contains(out, "before the update") {
		t.Errorf("no update is not named:\n%s", out)
	}
}

func TestCheckMessages(t *testing.T) {
	multi := testnet.WriteFile(t, "multi.json", testnet.ThreeTwoTwo())
	cases := []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"check", "--tolerance", "0", "dJ/dw9", "-0.0493"}, exitUsage, "above 0"},
		{[]string{"check", "dJ/db1", "0.1"}, exitUsage, "this network has no biases"},
		{[]string{"check", "b1_new", "0.1"}, exitUsage, "no biases"},
		{[]string{"check", "--net", multi, "y_hat", "0.5"}, exitUsage, "nearest valid names: out_o1, out_o2,"},
		{[]string{"check", "--net", multi, "dJ/db1", "0.5"}, exitUsage, "no biases"},
		{[]string{"check", "dJ/dw7", "0"}, exitOK, "the exact value is 0."},
	}
	for _, c := range cases {
		code, out, errs := runArgs(c.args...)
		if code != c.want || !strings.Contains(out+errs, c.msg) {
			t.Errorf("%q: exit %d, want %d with %q\nstdout: %s\nstderr: %s", c.args, code, c.want, c.msg, out, errs)
		}
	}
}

// TestCheckJSONNumbers: a dead ReLU's gradient is written 0, not -0, and a
// value JSON cannot hold is refused with a message instead of an empty
// output.
func TestCheckJSONNumbers(t *testing.T) {
	path := testnet.WriteFile(t, "relu.json", testnet.DeadReLU())
	for _, q := range []string{"dJ/dw2", "dJ/dnet_o"} {
		code, out, errs := runArgs("check", "--net", path, "--json", q, "0")
		if code != exitOK || !strings.Contains(out, `"exact": 0,`) || strings.Contains(out, "-0") {
			t.Errorf("%s: exit %d\n%s%s", q, code, out, errs)
		}
	}
	code, out, errs := runArgs("check", "--net", path, "--json", "dJ/dw2", "-0")
	if code != exitOK || strings.Contains(out, "-0") {
		t.Errorf("answer -0: exit %d\n%s%s", code, out, errs)
	}

	// A network whose values overflow is refused when loaded: exit 2, no output.
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, []byte(`{"layers": [1, 1, 1], "activation": "linear", "weights": [[[1e200]], [[1e200]]], "inputs": [1e200], "targets": [1]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runArgs("check", "--net", big, "--json", "out", "1")
	if code != exitUsage || out != "" || !strings.Contains(errs, "overflows") {
		t.Errorf("overflowing network: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
}

func TestCheckMalformedNegativeValue(t *testing.T) {
	code, out, stderr := runArgs("check", "dJ/dw9", "-0.049.3")
	if code != exitUsage || out != "" || !strings.Contains(stderr, `"-0.049.3" is not a number`) || strings.Contains(stderr, "flag provided") {
		t.Errorf("check dJ/dw9 -0.049.3: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// TestCheckTinyValues: the sc3 network (the paper's with i1 =
// 3e-4, dJ/dw1 = -3.845e-6) and a weight whose gradient is 0, through the
// command: tiny values are judged relatively, an update that does not move
// or moves the wrong way is never correct, and no advice repeats the answer.
func TestCheckTinyValues(t *testing.T) {
	sc3 := mathcore.Paper()
	sc3.Inputs[0] = 3e-4
	sc3File := testnet.WriteFile(t, "sc3.json", sc3)
	w7 := mathcore.Paper()
	p, _ := w7.ParamByLabel("w7")
	w7.SetValue(p, 0.2345678)
	w7File := testnet.WriteFile(t, "w7.json", w7)
	cases := []struct {
		net, quantity, value string
		verdict              string
		slip                 any
		says, never          string
	}{
		{sc3File, "w1_new", "0.3999996", "incorrect", "update_sign", "", "does not move"},
		{sc3File, "w1_new", "0.4000", "close", nil, "0.4000003845", "does not move"},
		{sc3File, "dJ/dw1", "0", "incorrect", "early_rounding", "significant figures", ""},
		{sc3File, "dJ/dw1", "0.0000", "incorrect", "early_rounding", "significant figures", ""},
		{sc3File, "dJ/dw1", "-3.0e-6", "incorrect", nil, "", ""},
		{sc3File, "dJ/dw1", "-3.845e-6", "correct", nil, "", ""},
		{w7File, "w7_new", "0.2346", "correct", nil, "does not move", "Write it as 0.2346"},
		{w7File, "dJ/dw7", "0", "correct", nil, "", ""},
	}
	for _, c := range cases {
		_, out, errs := runArgs("check", "--net", c.net, "--json", c.quantity, c.value)
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("%s %s: %v\n%s%s", c.quantity, c.value, err, out, errs)
		}
		expl, _ := m["explanation"].(string)
		if m["verdict"] != c.verdict || (c.slip != nil && m["slip"] != c.slip) || !strings.Contains(expl, c.says) ||
			(c.never != "" && strings.Contains(expl, c.never)) {
			t.Errorf("%s %s: %v, slip %v; want %s, slip %v, saying %q, never %q\n%s", c.quantity, c.value, m["verdict"], m["slip"],
				c.verdict, c.slip, c.says, c.never, expl)
		}
		_, plain, _ := runArgs("check", "--net", c.net, c.quantity, c.value)
		for _, id := range []string{"early_rounding", "update_sign", "no_step", "paper_value", "sigma", "half_sse"} {
			if strings.Contains(plain, id) {
				t.Errorf("%s %s: the plain output says %q:\n%s", c.quantity, c.value, id, plain)
			}
		}
	}
}
