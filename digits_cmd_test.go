package main

import (
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnmath/mathcore"
	"nnmath/mnist"
)

// TestDigitsTrainTwiceSame trains a small network twice with the same seed
// and wants the same figures, then asks the saved network about a test
// image and a PNG, and checks a gradient on it with check.
func TestDigitsTrainTwiceSame(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "trained.json")
	args := []string{"digits", "train", "--hidden", "3", "--epochs", "1", "--batch", "50", "--lr", "2", "--seed", "4"}
	code, first, errs := runArgs(append(args, "-o", file)...)
	if code != exitOK {
		t.Fatalf("digits train: exit %d\n%s", code, errs)
	}
	if !strings.Contains(first, "epoch 1/1  loss") || !strings.Contains(first, "F1 ") {
		t.Errorf("digits train prints no epoch line with F1:\n%s", first)
	}
	_, second, _ := runArgs(args...)
	if i := strings.Index(first, "Saved to"); i < 0 || first[:i] != second {
		t.Errorf("the same seed gives other figures:\n%s\n%s", first, second)
	}

	code, out, errs := runArgs("digits", "ask", "--net", file, "--index", "4")
	if code != exitOK || !strings.Contains(out, "Its label: 4") || !strings.Contains(out, "Is it a 4?") {
		t.Errorf("digits ask --index 4: exit %d\n%s%s", code, out, errs)
	}

	pic := filepath.Join(dir, "four.png")
	writePNG(t, pic, 4)
	code, out, errs = runArgs("digits", "ask", "--json", "--net", file, pic)
	var res askJSON
	if code != exitOK || json.Unmarshal([]byte(out), &res) != nil || len(res.Outputs) != 1 || len(res.Image) != 784 {
		t.Errorf("digits ask --json PNG: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = runArgs("check", "--net", file, "dJ/dw1", "0")
	if code == exitUsage || !strings.Contains(out, "dJ/dw1") {
		t.Errorf("check --net on the saved network: exit %d\n%s%s", code, out, errs)
	}
}

// writePNG writes test image k, scaled 3 times, as black ink on white.
func writePNG(t *testing.T, path string, k int) {
	t.Helper()
	d, err := mnist.Load()
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewGray(image.Rect(0, 0, 84, 84))
	for y := range 84 {
		for x := range 84 {
			img.SetGray(x, y, color.Gray{255 - d.Test.Image(k)[(y/3)*28+x/3]})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestDigitsErrors checks that bad flags and files name the problem.
func TestDigitsErrors(t *testing.T) {
	dir := t.TempDir()
	notPic := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notPic, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.json")
	data, err := mathcore.MarshalNetwork(mathcore.Paper())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(small, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"digits"}, "digits train"},
		{[]string{"digits", "fly"}, `unknown command "fly"`},
		{[]string{"digits", "train", "--outputs", "2"}, "--outputs is 2"},
		{[]string{"digits", "train", "--hidden", "0"}, "--hidden is 0"},
		{[]string{"digits", "train", "--epochs", "-1"}, "--epochs is -1"},
		{[]string{"digits", "train", "--batch", "0"}, "--batch is 0"},
		{[]string{"digits", "train", "--lr", "-3"}, "--lr is -3"},
		{[]string{"digits", "train", "--lr", "x"}, "--lr"},
		{[]string{"digits", "train", "extra"}, `unexpected argument "extra"`},
		{[]string{"digits", "ask"}, "give a picture"},
		{[]string{"digits", "ask", "--index", "10000"}, "0 to 9999"},
		{[]string{"digits", "ask", "--index", "-2"}, "--index is -2"},
		{[]string{"digits", "train", "--epochs", "1000", "-o", filepath.Join(dir, "none", "n.json")}, "there is no folder"},
		{[]string{"digits", "train", "--epochs", "1000", "-o", dir}, "is a folder"},
		{[]string{"digits", "ask", "--index", "1", "a.png"}, "not both"},
		{[]string{"digits", "ask", filepath.Join(dir, "none.png")}, "none.png"},
		{[]string{"digits", "ask", notPic}, "not a picture"},
		{[]string{"digits", "ask", "--net", small, "--index", "1"}, "784"},
		{[]string{"digits", "ask", "--outputs", "3", "--index", "1"}, "--outputs is 3"},
	}
	for _, c := range cases {
		code, out, errs := runArgs(c.args...)
		if code != exitUsage || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, want %d and a message with %q\n%s%s", c.args, code, exitUsage, c.msg, out, errs)
		}
	}
}
