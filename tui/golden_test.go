package tui

import (
	"bytes"
	"errors"
	"flag"
	"image/color"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/mnist"
)

// requireGolden compares the plain screen with testdata/<test name>.golden,
// saying how to make the file when it is missing (a lesson that just landed).
func requireGolden(t *testing.T, m Model) {
	t.Helper()
	out := screen(m)
	if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
		path := filepath.Join("testdata", t.Name()+".golden")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("no golden file %s yet: run `go test ./tui -update` and look at it", path)
		}
	}
	golden.RequireEqual(t, []byte(out))
}

var goldenSizes = []struct{ w, h int }{{80, 24}, {120, 40}}

func sizeName(w, h int) string { return strconv.Itoa(w) + "x" + strconv.Itoa(h) }

// TestGolden pins the screen of every lesson at 80x24 and 120x40, on its
// first step and with every step revealed (scrolled to the newest step, as
// the learner sees it), colours stripped. Refresh with `go test ./tui -update`.
func TestGolden(t *testing.T) {
	for i, l := range lessons.All() {
		for _, sz := range goldenSizes {
			t.Run(l.ID+"_"+sizeName(sz.w, sz.h)+"_first", func(t *testing.T) {
				m := newModel(t, sz.w, sz.h)
				m = goLesson(t, m, i)
				m = digitsRead(t, m)
				requireGolden(t, m)
			})
			t.Run(l.ID+"_"+sizeName(sz.w, sz.h)+"_last", func(t *testing.T) {
				m := newModel(t, sz.w, sz.h)
				m = goLesson(t, m, i)
				m = digitsRead(t, m)
				m = revealAll(t, m)
				requireGolden(t, m)
			})
		}
	}
}

// TestGoldenActions pins the screens after the lesson keys of issue 3 and 4.
func TestGoldenActions(t *testing.T) {
	cases := []struct {
		name, id string
		keys     []string
	}{
		{"die_toggles", "die", []string{"a", "d"}}, // a three with one corner dot cleared and the middle-left one set
		{"die_face6", "die", []string{"+", "+", "+"}},
		{"chain-hidden_next", "chain-hidden", []string{"]"}},
		{"chain-hidden_w10", "chain-hidden", []string{"["}},
		{"update_u", "update", []string{"u"}},
		{"descent_eta_up", "descent", []string{"+", "+", "+"}},
	}
	for _, c := range cases {
		for _, sz := range goldenSizes {
			t.Run(c.name+"_"+sizeName(sz.w, sz.h), func(t *testing.T) {
				m := at(t, c.id, sz.w, sz.h)
				m = revealAll(t, m)
				m = keys(t, m, c.keys...)
				requireGolden(t, m)
			})
		}
	}
}

// TestGoldenFrame pins the menu and the full help.
func TestGoldenFrame(t *testing.T) {
	t.Run("menu_80x24", func(t *testing.T) {
		m := newModel(t, 80, 24)
		m = keys(t, m, "m")
		requireGolden(t, m)
	})
	t.Run("help_80x24", func(t *testing.T) {
		m := newModel(t, 80, 24)
		m = keys(t, m, "?")
		requireGolden(t, m)
	})
	t.Run("too_small_50x12", func(t *testing.T) {
		m := newModel(t, 50, 12)
		requireGolden(t, m)
	})
}

// TestGoldenIndependentOfBackground checks that the plain text of a screen
// does not depend on the light/dark choice, so goldens hold for both.
func TestGoldenIndependentOfBackground(t *testing.T) {
	for i, l := range lessons.All() {
		dark := newModel(t, 80, 24)
		dark = goLesson(t, dark, i)
		light := New(mathcore.Paper())
		light, _ = update(t, light, tea.WindowSizeMsg{Width: 80, Height: 24})
		light, _ = update(t, light, tea.BackgroundColorMsg{Color: color.White})
		light = goLesson(t, light, i)
		if screen(dark) != screen(light) {
			t.Errorf("%s: plain text differs between dark and light styles", l.ID)
		}
	}
}

// TestPrintMatchesScreen checks that `nnmath print` shows what the screen
// shows: every body line of a lesson with all steps revealed, at the same
// width, appears in the printed text.
func TestPrintMatchesScreen(t *testing.T) {
	for i, l := range lessons.All() {
		t.Run(l.ID, func(t *testing.T) {
			m := newModel(t, 120, 40)
			m = goLesson(t, m, i)
			if isDigitsLesson(l.ID) {
				d, err := mnist.Load()
				m, _ = update(t, m, digitsLoadedMsg{data: d, err: err})
			}
			if l.ID == "training" { // print shows a whole run: run one on the screen
				var cmd tea.Cmd
				m, cmd = update(t, m, press(t, "space"))
				for cmd != nil {
					m, cmd = update(t, m, trainTickMsg{})
				}
			}
			if l.ID == "descent" { // print shows the whole run: run it on the screen
				m = keys(t, m, "g")
			}
			m = revealAll(t, m)
			var buf bytes.Buffer
			if err := Print(&buf, mathcore.Paper(), []int{i}, m.bodyWidth(), PlainStyles()); err != nil {
				t.Fatal(err)
			}
			printed := buf.String()
			if strings.Contains(printed, "\x1b") {
				t.Error("plain print holds escape codes")
			}
			for _, line := range m.lesson.body.lines {
				line = strings.TrimSpace(ansi.Strip(line))
				if line == "" || strings.HasPrefix(line, "All ") || strings.HasPrefix(line, "space:") {
					continue
				}
				if !strings.Contains(printed, line) {
					t.Errorf("screen line not in print: %q", line)
				}
			}
		})
	}
}
