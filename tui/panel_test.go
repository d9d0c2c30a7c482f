package tui

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// This file holds the tests of the parameter panel: focus and its keys, the
// input rules, the marks on changed values, saving with ctrl+s, and networks
// of several shapes opened in the tutor.

// shapeFiles are network files of the shapes a learner may bring, by name.
var shapeFiles = map[string]string{
	"1-1": `{"layers": [1, 1], "activation": "linear", "weights": [[[0.5]]],
		"inputs": [2], "targets": [1], "learning_rate": 0.1}`,
	"2-2-2": `{"layers": [2, 2, 2], "activation": "sigmoid", "loss": "mse",
		"weights": [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]],
		"biases": [[0.35, 0.35], [0.6, 0.6]],
		"inputs": [0.05, 0.1], "targets": [0.01, 0.99], "learning_rate": 0.5,
		"name": "2-2-2 with biases"}`,
	"3-4-4-2": `{"layers": [3, 4, 4, 2], "activation": ["tanh", "relu", "sigmoid"],
		"weights": [
			[[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [-0.7, 0.8, 0.9], [0.2, 0.1, -0.1]],
			[[0.3, -0.1, 0.2, 0.5], [0.6, 0.2, -0.4, 0.1], [-0.3, 0.7, 0.1, 0.2], [0.1, 0.1, 0.1, 0.1]],
			[[0.5, -0.5, 0.25, 0.1], [-0.2, 0.3, 0.6, -0.4]]],
		"inputs": [1, -0.5, 0.25], "targets": [1, 0], "learning_rate": 0.1}`,
	"64-16-1": wideFile(),
}

// wideFile returns a 64-16-1 network file with varied weights.
func wideFile() string {
	w1 := make([]string, 16)
	for j := range w1 {
		row := make([]string, 64)
		for i := range row {
			row[i] = fmt.Sprintf("%.3f", math.Sin(float64(j*64+i))/8)
		}
		w1[j] = "[" + strings.Join(row, ",") + "]"
	}
	w2 := make([]string, 16)
	in := make([]string, 64)
	for j := range w2 {
		w2[j] = fmt.Sprintf("%.3f", math.Cos(float64(j))/2)
	}
	for i := range in {
		in[i] = fmt.Sprintf("%.2f", float64(i%10)/10)
	}
	return `{"layers": [64, 16, 1], "weights": [[` + strings.Join(w1, ",") + `], [[` + strings.Join(w2, ",") +
		`]]], "inputs": [` + strings.Join(in, ",") + `], "targets": [1], "learning_rate": 0.1}`
}

// openShape writes the named network file into a temporary folder and opens
// the tutor on it at w x h, as `nnmath --net FILE` does.
func openShape(tb testing.TB, name string, w, h int) Model {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name+".json")
	if err := os.WriteFile(path, []byte(shapeFiles[name]), 0o644); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	n, err := mathcore.ParseNetwork(data)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return sized(tb, New(n).WithPath(path), w, h)
}

// sized sends the first window size and background colour to m.
func sized(tb testing.TB, m Model, w, h int) Model {
	tb.Helper()
	m, _ = update(tb, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = update(tb, m, tea.BackgroundColorMsg{Color: color.Black})
	return m
}

// fieldLabels returns the panel's field labels in order.
func fieldLabels(m Model) []string {
	var out []string
	for _, f := range m.panel.fields {
		out = append(out, f.Label)
	}
	return out
}

func TestPanelFieldOrder(t *testing.T) {
	cases := map[string][]string{
		"paper": {"i1", "i2", "i3", "i4", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "y", "eta"},
		"2-2-2": {"i1", "i2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "b3", "b4", "y1", "y2", "eta"},
		"1-1":   {"i1", "w1", "y", "eta"},
	}
	for name, want := range cases {
		var m Model
		if name == "paper" {
			m = newModel(t, 80, 24)
		} else {
			m = openShape(t, name, 80, 24)
		}
		if got := fieldLabels(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fields %v, want %v", name, got, want)
		}
	}
}

func TestPanelFocusKeys(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = keys(t, m, "tab")
	if m.focus != focusPanel || m.panel.focus != 0 {
		t.Fatalf("tab: focus %v field %d, want the panel's first field", m.focus, m.panel.focus)
	}
	if got := m.panel.input.Value(); got != "0.5" {
		t.Errorf("i1's text field holds %q, want 0.5", got)
	}
	n := len(m.panel.fields)
	m = keys(t, m, "tab", "down")
	if m.panel.focus != 2 {
		t.Errorf("tab, down: field %d, want 2", m.panel.focus)
	}
	m = keys(t, m, "shift+tab", "up", "up")
	if m.panel.focus != n-1 {
		t.Errorf("back three from field 2: field %d, want the last (%d), wrapping", m.panel.focus, n-1)
	}
	m = keys(t, m, "tab")
	if m.panel.focus != 0 {
		t.Errorf("tab from the last field: field %d, want 0, wrapping", m.panel.focus)
	}
	// Keys that mean something in a lesson are typed into the field.
	m = keys(t, m, "q", "n", "2")
	if m.focus != focusPanel || m.lesson.pos.lesson != lessonIndex(t, "dot") {
		t.Fatalf("q n 2 left the panel or the lesson")
	}
	m = keys(t, m, "esc")
	if m.focus != focusLesson {
		t.Errorf("esc: focus %v, want the lesson", m.focus)
	}
	if got := m.session.Net.Inputs[0]; got != 0.5 {
		t.Errorf("esc applied what was typed: i1 = %v", got)
	}
}

// typeInto focuses field label, clears it, types text and presses enter.
func typeInto(tb testing.TB, m Model, label, text string) Model {
	tb.Helper()
	if m.focus != focusPanel {
		m = keys(tb, m, "tab")
	}
	for range len(m.panel.fields) {
		if m.panel.field().Label == label {
			break
		}
		m = keys(tb, m, "tab")
	}
	if m.panel.field().Label != label {
		tb.Fatalf("no field %q", label)
	}
	m.panel.input.SetValue("")
	for _, r := range text {
		m = keys(tb, m, string(r))
	}
	return keys(tb, m, "enter")
}

func TestPanelEditEveryField(t *testing.T) {
	for _, name := range []string{"paper", "2-2-2"} {
		var m Model
		if name == "paper" {
			m = at(t, "update", 140, 40)
		} else {
			m = openShape(t, name, 140, 40)
		}
		for k, f := range m.panel.fields {
			want := 0.25 + float64(k)/100
			m = typeInto(t, m, f.Label, fmt.Sprintf("%g", want))
			if m.panel.err != "" {
				t.Fatalf("%s %s: refused %g: %s", name, f.Label, want, m.panel.err)
			}
			if got := f.Get(m.session.Net); got != want {
				t.Errorf("%s %s = %v after typing %g", name, f.Label, got, want)
			}
			if got := m.panel.input.Value(); got != fmt.Sprintf("%g", want) {
				t.Errorf("%s %s: the field shows %q after enter", name, f.Label, got)
			}
		}
		// Every value the lessons show follows: the trace is the network's.
		fresh := mathcore.NewTrace(m.session.Net)
		fresh.Compute(m.session.Net)
		if !reflect.DeepEqual(fresh.Out, m.session.Trace.Out) || !reflect.DeepEqual(fresh.GradW, m.session.Trace.GradW) {
			t.Errorf("%s: the session's trace is not the edited network's", name)
		}
	}
}

func TestPanelEtaHalfGivesW9New(t *testing.T) {
	m := at(t, "update", 80, 24)
	m = revealAll(t, m)
	m = typeInto(t, m, "eta", "0.5")
	m = keys(t, m, "esc")
	if !strings.Contains(bodyText(m), "0.6246") {
		t.Errorf("with eta 0.5 the update lesson does not show w9's new value 0.6246:\n%s", bodyText(m))
	}
}

func TestPanelRefusals(t *testing.T) {
	cases := []struct{ label, text, says string }{
		{"w1", "", "empty"},
		{"w1", "abc", "abc"},
		{"w1", "NaN", "finite"},
		{"w1", "Inf", "finite"},
		{"w1", "-inf", "finite"},
		{"w1", "1e400", "finite"},
		{"w1", "2e6", "1e6"},
		{"i1", "-1000001", "1e6"},
		{"y", "1e7", "1e6"},
		{"eta", "0", "learning rate"},
		{"eta", "-0.1", "learning rate"},
		{"eta", "10.5", "learning rate"},
		{"w1", "0.5.5", "0.5.5"},
		{"w1", "1,2,3", "1,2,3"},
	}
	for _, c := range cases {
		t.Run(c.label+"="+c.text, func(t *testing.T) {
			m := at(t, "dot", 80, 24)
			m = typeInto(t, m, "w9", "0.7") // an earlier edit that must survive
			before := m.session.Net.Clone()
			m = typeInto(t, m, c.label, c.text)
			if m.panel.err == "" {
				t.Fatalf("%q accepted for %s", c.text, c.label)
			}
			if !strings.Contains(strings.ToLower(m.panel.err), strings.ToLower(c.says)) {
				t.Errorf("message %q does not mention %q", m.panel.err, c.says)
			}
			if !reflect.DeepEqual(before, m.session.Net) {
				t.Errorf("a refused entry changed the network")
			}
			if !strings.Contains(screen(m), m.panel.err[:20]) {
				t.Errorf("the message is not on the screen:\n%s", screen(m))
			}
		})
	}
}

func TestPanelAccepts(t *testing.T) {
	cases := map[string]float64{
		"0.5": 0.5, ".5": 0.5, "-0.25": -0.25, "+1": 1, "1e-3": 1e-3, "2.5E2": 250,
		"−0.5": -0.5, "0,5": 0.5, "  0.75  ": 0.75, "1e6": 1e6, "-1e6": -1e6,
	}
	for text, want := range cases {
		m := at(t, "dot", 80, 24)
		m = typeInto(t, m, "w1", text)
		if m.panel.err != "" {
			t.Errorf("%q refused: %s", text, m.panel.err)
		}
		if got := m.session.Net.Weights[0][0][0]; got != want {
			t.Errorf("%q: w1 = %v, want %v", text, got, want)
		}
	}
}

func TestPanelNudges(t *testing.T) {
	cases := []struct {
		key  string
		want float64
	}{
		{"ctrl+up", 0.41}, {"ctrl+down", 0.39}, {"ctrl+shift+up", 0.5}, {"ctrl+shift+down", 0.3},
	}
	for _, c := range cases {
		m := at(t, "dot", 80, 24)
		m = keys(t, m, "tab", "tab", "tab", "tab", "tab") // w1
		m = keys(t, m, c.key)
		if got := m.session.Net.Weights[0][0][0]; math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: w1 = %v, want %v", c.key, got, c.want)
		}
		if got := m.panel.input.Value(); got != fmt.Sprintf("%g", m.session.Net.Weights[0][0][0]) {
			t.Errorf("%s: the field shows %q", c.key, got)
		}
	}
	// A nudge past a limit is refused with a message.
	m := at(t, "dot", 80, 24)
	m = typeInto(t, m, "eta", "0.005")
	m = keys(t, m, "ctrl+down")
	if m.panel.err == "" || m.session.Net.LearningRate != 0.005 {
		t.Errorf("nudging eta to below 0: err %q, eta %v", m.panel.err, m.session.Net.LearningRate)
	}
}

func TestPanelMarksChanges(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = revealAll(t, m)
	m = keys(t, m, "tab", "ctrl+shift+up", "esc") // i1 up by 0.1
	text := bodyText(m)
	if !strings.Contains(text, "▲") {
		t.Errorf("raising i1 marks nothing with ▲:\n%s", text)
	}
	m = keys(t, m, "tab", "ctrl+shift+down", "ctrl+shift+down", "esc")
	if text := bodyText(m); !strings.Contains(text, "▼") {
		t.Errorf("lowering i1 marks nothing with ▼:\n%s", text)
	}
	m = keys(t, m, "r")
	if !reflect.DeepEqual(m.session.Net, m.session.Start) {
		t.Error("r did not restore the starting values")
	}
}

func TestPanelSaturation(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = typeInto(t, m, "w1", "1e6")
	m = keys(t, m, "esc")
	for _, bad := range []string{"NaN", "Inf"} {
		if strings.Contains(bodyText(m), bad) {
			t.Errorf("a weight of 1e6 shows %s", bad)
		}
	}
	if !strings.Contains(screen(m), "saturated: h1") {
		t.Errorf("a weight of 1e6 does not say h1 is saturated:\n%s", screen(m))
	}
}

func TestPanelWideAndNarrow(t *testing.T) {
	wide := at(t, "dot", 140, 40)
	if !strings.Contains(screen(wide), "Parameters") {
		t.Error("at 140 columns the panel is not beside the lesson")
	}
	narrow := at(t, "dot", 80, 24)
	if strings.Contains(screen(narrow), "Parameters") {
		t.Error("at 80 columns the panel shows before tab")
	}
	narrow = keys(t, narrow, "tab")
	if !strings.Contains(screen(narrow), "Parameters") {
		t.Error("at 80 columns tab does not show the panel")
	}
	narrow = keys(t, narrow, "esc")
	if strings.Contains(screen(narrow), "Parameters") {
		t.Error("at 80 columns esc does not hide the panel")
	}
}

func TestGoldenPanel(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		t.Run("paper_"+sizeName(sz.w, sz.h), func(t *testing.T) {
			m := at(t, "dot", sz.w, sz.h)
			m = keys(t, m, "tab", "tab", "tab", "tab", "tab") // w1
			requireGolden(t, m)
		})
		t.Run("refused_"+sizeName(sz.w, sz.h), func(t *testing.T) {
			m := at(t, "dot", sz.w, sz.h)
			m = typeInto(t, m, "w1", "abc")
			requireGolden(t, m)
		})
		t.Run("222_chain_"+sizeName(sz.w, sz.h), func(t *testing.T) {
			m := openShape(t, "2-2-2", sz.w, sz.h)
			m = goLesson(t, m, lessonIndex(t, "chain-hidden"))
			m = revealAll(t, m)
			requireGolden(t, m)
		})
		t.Run("222_dot_"+sizeName(sz.w, sz.h), func(t *testing.T) {
			m := openShape(t, "2-2-2", sz.w, sz.h)
			m = goLesson(t, m, lessonIndex(t, "dot"))
			requireGolden(t, m)
		})
	}
}

// TestShapes steps through every lesson of networks of several shapes at
// 80x24 and 140x40: every step fits, nothing shows NaN or Inf, and the keys
// of each lesson work.
func TestShapes(t *testing.T) {
	for name := range shapeFiles {
		for _, sz := range []struct{ w, h int }{{80, 24}, {140, 40}} {
			t.Run(name+"_"+sizeName(sz.w, sz.h), func(t *testing.T) {
				m := openShape(t, name, sz.w, sz.h)
				for i, l := range m.lesson.deck {
					m = goLesson(t, m, i)
					for r := 0; r <= m.lesson.body.steps; r++ {
						m = setRevealed(t, m, r)
						checkFits(t, m, fmt.Sprintf("%s %s step %d", name, l.ID, r))
						for _, bad := range []string{"NaN", "Inf"} {
							if strings.Contains(bodyText(m), bad) {
								t.Errorf("%s %s shows %s", name, l.ID, bad)
							}
						}
					}
					m = keys(t, m, "[", "]", "]", "u", "U", "+", "-")
					checkFits(t, m, name+" "+l.ID+" after its keys")
				}
			})
		}
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	m := at(t, "dot", 80, 24)
	m = typeInto(t, m, "w9", "0.75")
	m = keys(t, m, "ctrl+s")
	if m.focus != focusPrompt || m.prompt.input.Value() != DefaultSavePath {
		t.Fatalf("ctrl+s: focus %v, suggested %q, want the prompt with %q", m.focus, m.prompt.input.Value(), DefaultSavePath)
	}
	m = keys(t, m, "enter")
	if m.statusErr || m.focus != focusPanel {
		t.Fatalf("save: status %q (error %v), focus %v", m.status, m.statusErr, m.focus)
	}
	data, err := os.ReadFile(filepath.Join(dir, DefaultSavePath))
	if err != nil {
		t.Fatal(err)
	}
	back, err := mathcore.ParseNetwork(data)
	if err != nil {
		t.Fatalf("the saved file does not open: %v", err)
	}
	if !reflect.DeepEqual(back.Weights, m.session.Net.Weights) || back.Weights[1][0][0] != 0.75 {
		t.Errorf("saved weights %v, want the edited %v", back.Weights, m.session.Net.Weights)
	}
	if m.path != DefaultSavePath {
		t.Errorf("after saving, ctrl+s would write to %q", m.path)
	}

	// A second save replaces the file whole, through the same path.
	m = typeInto(t, m, "w9", "-0.125")
	m = keys(t, m, "esc", "ctrl+s")
	if m.prompt.input.Value() != DefaultSavePath {
		t.Errorf("second ctrl+s suggests %q, want the file saved to", m.prompt.input.Value())
	}
	m = keys(t, m, "enter")
	data, _ = os.ReadFile(filepath.Join(dir, DefaultSavePath))
	if back, err = mathcore.ParseNetwork(data); err != nil || back.Weights[1][0][0] != -0.125 {
		t.Errorf("second save: %v, w9 %v", err, back)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries after saving, want the one file", len(entries))
	}
}

func TestSaveErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("taken", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, says string }{
		{"", "file name"},
		{filepath.Join("no", "such", "folder", "with", "a", "long", "name", "n.json"), "does not exist"},
		{"taken", "taken"}, // a folder where the file would go
	} {
		m := at(t, "dot", 80, 24)
		m = typeInto(t, m, "w1", "0.3")
		before := m.session.Net.Clone()
		m = keys(t, m, "esc", "ctrl+s")
		m.prompt.input.SetValue(c.path)
		m = keys(t, m, "enter")
		if !m.statusErr || !strings.Contains(m.status, c.says) {
			t.Errorf("saving to %q: status %q, want an error that mentions %q", c.path, m.status, c.says)
		}
		if m.focus != focusPrompt {
			t.Errorf("saving to %q failed but the prompt closed", c.path)
		}
		if !reflect.DeepEqual(before, m.session.Net) {
			t.Errorf("saving to %q changed the network", c.path)
		}
		if words := strings.Fields(m.status); !strings.Contains(strings.Join(strings.Fields(screen(m)), " "), strings.Join(words, " ")) {
			t.Errorf("the whole error %q is not on the screen:\n%s", m.status, screen(m))
		}
		m = keys(t, m, "esc")
		if m.focus != focusLesson || m.statusErr {
			t.Errorf("esc after a failed save: focus %v status %q", m.focus, m.status)
		}
	}
	if fi, err := os.Stat("taken"); err != nil || !fi.IsDir() {
		t.Error("a failed save replaced the folder in its way")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("failed saves left %d entries, want only the folder", len(entries))
	}
}

// FuzzFieldEdit types a random string into a random field and presses
// enter: an accepted value is finite and in range, a refused one leaves the
// whole network unchanged with a message, and nothing panics.
func FuzzFieldEdit(f *testing.F) {
	for _, s := range []string{"0.5", "abc", "NaN", "1e400", "-0", "−2,5", "2e6", "0x10", "1_000", " ", "٣", "1e-400"} {
		f.Add(uint8(4), s)
		f.Add(uint8(15), s)
	}
	base := at(f, "dot", 80, 24)
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		m := base
		m.session = lessons.NewSession(mathcore.Paper())
		m = keys(t, m, "tab")
		for range int(which) % len(m.panel.fields) {
			m = keys(t, m, "tab")
		}
		fd := m.panel.field()
		before := m.session.Net.Clone()
		m.panel.input.SetValue(text)
		m = keys(t, m, "enter")
		if m.panel.err != "" {
			if !reflect.DeepEqual(before, m.session.Net) {
				t.Fatalf("refused %q for %s but the network changed", text, fd.Label)
			}
			return
		}
		v := fd.Get(m.session.Net)
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > lessons.MaxMagnitude ||
			(fd.Label == "eta" && (v <= 0 || v > lessons.MaxEta)) {
			t.Fatalf("accepted %q for %s as %v", text, fd.Label, v)
		}
		if out := screen(m); strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
			t.Fatalf("%s = %q puts NaN or Inf on the screen:\n%s", fd.Label, text, out)
		}
	})
}

func TestPanelPixelsOnTheImageLesson(t *testing.T) {
	m := at(t, "image", 80, 24)
	m = keys(t, m, "tab")
	if !strings.Contains(screen(m), "Pixels") {
		t.Errorf("on the image lesson the inputs are not headed as pixels:\n%s", screen(m))
	}
	for _, text := range []string{"1.5", "-0.1"} {
		m = typeInto(t, m, "i1", text)
		if !strings.Contains(m.panel.err, "darkness") || m.session.Net.Inputs[0] != 0.5 {
			t.Errorf("pixel i1 = %s: err %q, i1 %v", text, m.panel.err, m.session.Net.Inputs[0])
		}
	}
	m = typeInto(t, m, "i1", "1")
	if m.panel.err != "" || m.session.Net.Inputs[0] != 1 {
		t.Errorf("pixel i1 = 1 refused: %q", m.panel.err)
	}
	// Elsewhere an input is any number; the image lesson then says so.
	m = keys(t, m, "esc", "right")
	m = typeInto(t, m, "i1", "1.5")
	if m.panel.err != "" || m.session.Net.Inputs[0] != 1.5 {
		t.Errorf("input i1 = 1.5 refused on the dot lesson: %q", m.panel.err)
	}
	m = keys(t, m, "esc", "left")
	if !strings.Contains(bodyText(m), "i1 = 1.500▲ lies outside 0 to 1") {
		t.Errorf("the image lesson does not say i1 = 1.5 is not a darkness:\n%s", bodyText(m))
	}
}

func TestNudgesLandOnRoundDecimals(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = keys(t, m, "tab", "shift+tab") // the first field, then back round to eta, 0.1
	m = keys(t, m, "ctrl+shift+up", "ctrl+shift+up")
	if got := m.session.Net.LearningRate; got != 0.3 || m.panel.input.Value() != "0.3" {
		t.Errorf("0.1 nudged up twice by 0.1: %v, shown %q", got, m.panel.input.Value())
	}
	m = typeInto(t, m, "eta", "0.01")
	m = keys(t, m, "ctrl+down")
	if m.panel.err == "" || m.session.Net.LearningRate != 0.01 {
		t.Errorf("0.01 nudged down by 0.01: eta %v, message %q", m.session.Net.LearningRate, m.panel.err)
	}
}

// TestEditEndsUndo: U takes back an update step by restoring the weights
// from before it, which would also take back a later edit; so an edit ends
// what U can undo.
func TestEditEndsUndo(t *testing.T) {
	m := at(t, "update", 80, 24)
	m = keys(t, m, "u")
	m = typeInto(t, m, "w9", "0.7")
	m = keys(t, m, "esc")
	if m.lesson.keys.Undo.Enabled() {
		t.Fatal("U is offered after an edit that followed the update")
	}
	m = keys(t, m, "U")
	if got := m.session.Net.Weights[1][0][0]; got != 0.7 {
		t.Errorf("U undid the edit: w9 = %v", got)
	}
}

// TestTypingReplacesTheValue: the first character typed into a field just
// focused replaces its value; backspace first edits the value instead.
func TestTypingReplacesTheValue(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = keys(t, m, "tab", "tab", "tab", "tab", "tab", "0", ".", "7", "enter") // w1
	if got := m.session.Net.Weights[0][0][0]; got != 0.7 {
		t.Errorf("typing 0.7 into w1: w1 = %v (%s)", got, m.panel.err)
	}
	m = keys(t, m, "backspace", "5", "enter") // 0.7 -> 0. -> 0.5
	if got := m.session.Net.Weights[0][0][0]; got != 0.5 {
		t.Errorf("backspace then 5 on 0.7: w1 = %v (%s)", got, m.panel.err)
	}
}

// TestLongFieldMessageFits: under the lesson the panel is as wide as the
// screen, so a long message is shown whole.
func TestLongFieldMessageFits(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = typeInto(t, m, "w1", "1,000.5")
	flat := strings.Join(strings.Fields(screen(m)), " ")
	if msg := strings.Join(strings.Fields(m.panel.err), " "); m.panel.err == "" || !strings.Contains(flat, msg) {
		t.Errorf("the message %q is not whole on the screen:\n%s", m.panel.err, screen(m))
	}
}

// TestDeleteWordForwardNeverPanics presses alt+d and its kin with the cursor
// on the last character of every text field: bubbles v2.2.1 would index past
// the end there.
func TestDeleteWordForwardNeverPanics(t *testing.T) {
	for _, k := range []string{"alt+d", "alt+delete", "ctrl+delete"} {
		m := at(t, "dot", 80, 24)
		m = keys(t, m, "tab", "left", k, "esc", "ctrl+s", "left", k, "esc", "m", "/", "s", "i", "left", k)
		_ = screen(m)
	}
}

func TestPasteReplacesTheValue(t *testing.T) {
	m := at(t, "dot", 80, 24)
	m = keys(t, m, "tab", "tab", "tab", "tab", "tab") // w1, 0.4
	m, _ = update(t, m, tea.PasteMsg{Content: "0.7"})
	m = keys(t, m, "enter")
	if got := m.session.Net.Weights[0][0][0]; got != 0.7 {
		t.Errorf("pasting 0.7 into w1: w1 = %v (%s)", got, m.panel.err)
	}
}
