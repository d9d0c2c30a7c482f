package tui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// This file holds the size tests (no line wider than the terminal, the
// too-small message, resizing at any moment) and the random-key fuzz test.

// fitProblems lists the lines of the view wider than the terminal, apart
// from the help bar, whose lines go in help; a view taller than the terminal;
// and body lines (scrolled out of view or not) wider than the terminal,
// which the viewport would silently cut.
func fitProblems(m Model) (problems, help []string) {
	content := m.View().Content
	lines := strings.Split(content, "\n")
	helpFrom := len(lines)
	if !m.tooSmall() {
		helpFrom -= strings.Count(m.helpView(), "\n") + 1
	}
	for k, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			p := fmt.Sprintf("%dx%d: screen line %d is %d columns wide: %s", m.width, m.height, k, w, ansi.Strip(l))
			if k >= helpFrom {
				help = append(help, p)
			} else {
				problems = append(problems, p)
			}
		}
	}
	if len(lines) > m.height {
		problems = append(problems, fmt.Sprintf("%dx%d: the view has %d lines", m.width, m.height, len(lines)))
	}
	if m.tooSmall() {
		return problems, help
	}
	for k, l := range m.lesson.body.lines {
		if w := ansi.StringWidth(l); w > m.width {
			problems = append(problems, fmt.Sprintf("%dx%d: body line %d is %d columns wide (cut by the viewport): %s", m.width, m.height, k, w, ansi.Strip(l)))
		}
	}
	return problems, help
}

// checkFits fails the test on the fitProblems of m outside the help bar.
func checkFits(tb testing.TB, m Model, what string) {
	tb.Helper()
	problems, _ := fitProblems(m)
	for _, p := range problems {
		tb.Errorf("%s at %s", what, p)
	}
}

// failAll fails the test with each problem, at most 20 of them listed.
func failAll(t *testing.T, problems []string) {
	t.Helper()
	for i, p := range problems {
		if i == 20 {
			t.Errorf("... and %d more", len(problems)-i)
			return
		}
		t.Error(p)
	}
}

// eachScreen calls f on every lesson with every number of steps revealed,
// with the full help and with the menu, at w x h.
func eachScreen(t *testing.T, w, h int, f func(m Model, what string)) {
	for i, l := range lessons.All() {
		m := newModel(t, w, h)
		m = goLesson(t, m, i)
		steps := m.lesson.body.steps
		for r := 0; r <= steps; r++ {
			m = setRevealed(t, m, r)
			f(m, fmt.Sprintf("%s, %d of %d steps", l.ID, r, steps))
		}
		m = keys(t, m, "?")
		f(m, l.ID+", full help")
		m = keys(t, m, "?", "m")
		f(m, l.ID+", menu")
	}
}

var widthSizes = [][2]int{{60, 16}, {60, 24}, {80, 24}, {80, 50}, {200, 24}, {200, 60}}

// TestWidths checks every lesson with every number of steps revealed at
// 60, 80 and 200 columns, and with the help and the menu open: no line
// wider than the terminal, no view taller than it.
func TestWidths(t *testing.T) {
	for _, sz := range widthSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			eachScreen(t, sz[0], sz[1], func(m Model, what string) { checkFits(t, m, what) })
		})
	}
}

// TestHelpFits checks the help bar (short and full) the same way.
func TestHelpFits(t *testing.T) {
	var problems []string
	for _, sz := range widthSizes {
		eachScreen(t, sz[0], sz[1], func(m Model, what string) {
			_, help := fitProblems(m)
			for _, p := range help {
				problems = append(problems, what+" at "+p)
			}
		})
	}
	failAll(t, problems)
}

// TestPrintWidths checks `nnmath print` at 60, 80 and 200 columns, and that
// plain output holds no escape codes.
func TestPrintWidths(t *testing.T) {
	var wide []string
	defer func() { failAll(t, wide) }()
	for _, w := range []int{40, 60, 80, 200} {
		var buf bytes.Buffer
		if err := Print(&buf, mathcore.Paper(), nil, w, PlainStyles()); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "\x1b") {
			t.Errorf("width %d: plain print holds escape codes", w)
		}
		for k, l := range strings.Split(out, "\n") {
			if sw := ansi.StringWidth(l); sw > w {
				wide = append(wide, fmt.Sprintf("print --width %d: line %d is %d columns wide: %s", w, k+1, sw, l))
			}
		}
		for _, bad := range []string{"NaN", "+Inf", "-Inf"} {
			if strings.Contains(out, bad) {
				t.Errorf("print --width %d shows %s", w, bad)
			}
		}
		var styled bytes.Buffer
		if err := Print(&styled, mathcore.Paper(), nil, w, NewStyles(true)); err != nil {
			t.Fatal(err)
		}
		if ansi.Strip(styled.String()) != out {
			t.Errorf("width %d: styled print differs from plain print once stripped", w)
		}
	}
}

// TestNothingCutAt80 compares the text printed at the body width of an 80
// column terminal with the text at 400 columns: a figure cut with "…" at 80
// columns hides something the learner cannot scroll to.
func TestNothingCutAt80(t *testing.T) {
	var problems []string
	cutLines := func(text string) []string {
		var cut []string
		for _, line := range strings.Split(text, "\n") {
			if strings.HasSuffix(line, "…") {
				cut = append(cut, line)
			}
		}
		return cut
	}
	for i, l := range lessons.All() {
		var narrow, wide bytes.Buffer
		if err := Print(&narrow, mathcore.Paper(), []int{i}, 78, PlainStyles()); err != nil {
			t.Fatal(err)
		}
		if err := Print(&wide, mathcore.Paper(), []int{i}, 400, PlainStyles()); err != nil {
			t.Fatal(err)
		}
		// A lesson may abbreviate on purpose ("[w1 …]"); render.go's cut
		// leaves the … at the end of the line.
		if n, w := cutLines(narrow.String()), cutLines(wide.String()); len(n) > len(w) {
			problems = append(problems, fmt.Sprintf("%s: %d line(s) cut with … at 78 columns:\n%s", l.ID, len(n)-len(w), strings.Join(n, "\n")))
		}
	}
	failAll(t, problems)
}

func TestTooSmall(t *testing.T) {
	t.Chdir(t.TempDir()) // every key is pressed: ctrl+s and x write files
	sizes := [][2]int{{59, 24}, {80, 15}, {59, 15}, {40, 10}, {20, 5}, {1, 1}, {0, 0}}
	for _, sz := range sizes {
		for i := range lessons.All() {
			m := newModel(t, 80, 24)
			m = goLesson(t, m, i)
			m, _ = update(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			s := screen(m)
			if !strings.Contains(strings.ToLower(strings.ReplaceAll(s, "\n", " ")), "make the terminal larger") &&
				!strings.Contains(strings.ToLower(strings.ReplaceAll(s, "\n", "")), "maketheterminallarger") {
				t.Errorf("%dx%d: no 'make the terminal larger' message:\n%s", sz[0], sz[1], s)
			}
			for _, k := range allBindingKeys() {
				m, _ = update(t, m, press(t, k))
				_ = m.View()
			}
			if m.lesson.pos.lesson != i || m.focus != focusLesson {
				t.Errorf("%dx%d: keys pressed behind the message moved to lesson %d, focus %v", sz[0], sz[1], m.lesson.pos.lesson, m.focus)
			}
			if sz[0] > 0 {
				for _, l := range strings.Split(m.View().Content, "\n") {
					if ansi.StringWidth(l) > sz[0] && sz[0] >= 20 {
						t.Errorf("%dx%d: message line wider than the terminal: %q", sz[0], sz[1], l)
					}
				}
			}
		}
	}
	// At exactly the minimum the lesson shows.
	m := newModel(t, MinWidth, MinHeight)
	if strings.Contains(strings.ToLower(screen(m)), "make the terminal larger") {
		t.Errorf("%dx%d shows the too-small message", MinWidth, MinHeight)
	}
	checkFits(t, m, "minimum size")
}

// TestResizeAnyMoment interleaves window sizes, tiny ones included, with
// every key on every lesson.
func TestResizeAnyMoment(t *testing.T) {
	t.Chdir(t.TempDir()) // every key is pressed: ctrl+s and x write files
	sizes := [][2]int{{80, 24}, {10, 3}, {200, 60}, {60, 16}, {0, 0}, {59, 40}, {141, 30}, {120, 40}, {61, 17}}
	ks := append(allBindingKeys(), "esc", "enter", "/", "x", "m", "esc")
	for i, l := range lessons.All() {
		t.Run(l.ID, func(t *testing.T) {
			m := newModel(t, 80, 24)
			m = goLesson(t, m, i)
			for k, key := range ks {
				if key == "q" || key == "ctrl+c" {
					continue
				}
				sz := sizes[k%len(sizes)]
				m, _ = update(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				_ = m.View()
				m, _ = update(t, m, press(t, key))
				_ = m.View()
				m, _ = update(t, m, trainTickMsg{})
				if !m.tooSmall() {
					checkFits(t, m, "after "+key)
				}
			}
			// Back to a good size: the screen must be whole again.
			m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			checkFits(t, m, "after resizing back")
			if strings.Contains(strings.ToLower(screen(m)), "make the terminal larger") {
				t.Error("still too small at 80x24")
			}
		})
	}
}

// fuzzRunes are the runes the fuzz test types besides the bound keys.
var fuzzRunes = []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~éß日本😀\t")

// fuzzKeys is the key table of FuzzKeys: every key the KeyMap knows, and
// keys the menu and viewport use.
var fuzzKeys = func() []tea.KeyPressMsg {
	names := append(allBindingKeys(), "esc", "enter", "tab", "shift+tab", "home", "end", "/", "j", "k", "backspace", "ctrl+u", "ctrl+d",
		// the editing keys of a text field, alt and ctrl ones among them
		"left", "right", "delete", "alt+d", "alt+delete", "ctrl+delete", "alt+backspace", "ctrl+w", "ctrl+k", "ctrl+a", "ctrl+e", "alt+b", "alt+f")
	var out []tea.KeyPressMsg
	for _, n := range names {
		if k, ok := keyMsg(n); ok {
			out = append(out, k)
		}
	}
	return out
}()

// decodeEvents turns fuzz input into a sequence of messages: keys from
// fuzzKeys, typed runes, window sizes, training ticks and mouse wheels.
func decodeEvents(data []byte) []tea.Msg {
	const maxEvents = 24
	var out []tea.Msg
	next := func(i *int) byte {
		*i++
		if *i < len(data) {
			return data[*i]
		}
		return 0
	}
	for i := 0; i < len(data) && len(out) < maxEvents; i++ {
		b := data[i]
		switch {
		case b < 180:
			out = append(out, fuzzKeys[int(b)%len(fuzzKeys)])
		case b < 215:
			r := fuzzRunes[int(next(&i))%len(fuzzRunes)]
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		case b < 240:
			w, h := int(next(&i))%230, int(next(&i))%80
			out = append(out, tea.WindowSizeMsg{Width: w, Height: h})
		case b < 250:
			out = append(out, trainTickMsg{})
		case b < 253:
			out = append(out, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		default:
			out = append(out, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
		}
	}
	return out
}

// FuzzKeys feeds random key sequences and window sizes to the root model:
// it must never panic, and the screen must never show NaN or Inf.
func FuzzKeys(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("nnnn    \x7f\x7f<<>>"))
	f.Add([]byte{230, 10, 3, 0, 1, 2, 230, 200, 60, 3, 4})
	for i := range lessons.All() {
		seed := []byte{byte(i)}
		for k := range fuzzKeys {
			seed = append(seed, byte(k))
		}
		f.Add(seed)
	}
	// Jump to each lesson by digit, then hammer its keys with ticks.
	for d := byte('1'); d <= '9'; d++ {
		f.Add([]byte{200, byte(strings.IndexRune(string(fuzzRunes), rune(d))), 60, 60, 60, 245, 245, 245, 1, 2, 3, 4, 5, 6})
	}
	f.Chdir(f.TempDir()) // random keys save networks and export solutions
	f.Fuzz(func(t *testing.T, data []byte) {
		var m tea.Model = New(mathcore.Paper())
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for k, msg := range decodeEvents(data) {
			m, _ = m.Update(msg) // a quit command is ignored: keep going
			s := ansi.Strip(m.View().Content)
			for _, bad := range []string{"NaN", "+Inf", "-Inf"} {
				if strings.Contains(s, bad) {
					t.Fatalf("after event %d (%T %v) the screen shows %s:\n%s", k, msg, msg, bad, s)
				}
			}
		}
	})
}
