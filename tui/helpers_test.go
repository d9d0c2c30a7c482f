package tui

import (
	"fmt"
	"image/color"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// This file holds the helpers every test file of the package shares: keys
// pressed as a terminal sends them, models opened at a lesson and a size,
// and the screen as plain text.

// TestMain fails the run when a test leaves files in the package directory
// (the save and export keys write to the working directory), and keeps the
// quiz history of the tests out of the user's.
func TestMain(m *testing.M) {
	// A quiz opened from the menu saves its answers: into a folder of the tests'.
	state, err := os.MkdirTemp("", "nnmath-tui-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", state)
	before := dirNames()
	code := m.Run()
	os.RemoveAll(state)
	for name := range dirNames() {
		if !before[name] && !strings.HasSuffix(name, ".go") { // .go files: someone else at work
			fmt.Fprintf(os.Stderr, "a test left %q in the package directory\n", name)
			code = 1
		}
	}
	os.Exit(code)
}

func dirNames() map[string]bool {
	out := map[string]bool{}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		out[e.Name()] = true
	}
	return out
}

// specialKeys are the named keys a binding may use, by their String().
var specialKeys = func() map[string]rune {
	out := map[string]rune{}
	for _, c := range []rune{
		tea.KeyEnter, tea.KeyTab, tea.KeyBackspace, tea.KeyEscape, tea.KeySpace,
		tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyInsert, tea.KeyDelete,
		tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd,
		tea.KeyF1, tea.KeyF2, tea.KeyF3, tea.KeyF4, tea.KeyF5, tea.KeyF6,
		tea.KeyF7, tea.KeyF8, tea.KeyF9, tea.KeyF10, tea.KeyF11, tea.KeyF12,
	} {
		out[tea.Key{Code: c}.Keystroke()] = c
	}
	return out
}()

// keyMsg returns the key press whose String() is s, as a terminal would send
// it: "n", "U", "<", "space", "enter", "ctrl+c", "shift+up", "alt+x" ...
func keyMsg(s string) (tea.KeyPressMsg, bool) {
	if r := []rune(s); len(r) == 1 {
		if unicode.IsUpper(r[0]) {
			return tea.KeyPressMsg{Code: unicode.ToLower(r[0]), ShiftedCode: r[0], Text: s, Mod: tea.ModShift}, true
		}
		return tea.KeyPressMsg{Code: r[0], Text: s}, true
	}
	var mod tea.KeyMod
	rest := s
	for {
		switch {
		case strings.HasPrefix(rest, "ctrl+") && len(rest) > 5:
			mod |= tea.ModCtrl
			rest = rest[5:]
			continue
		case strings.HasPrefix(rest, "alt+") && len(rest) > 4:
			mod |= tea.ModAlt
			rest = rest[4:]
			continue
		case strings.HasPrefix(rest, "shift+") && len(rest) > 6:
			mod |= tea.ModShift
			rest = rest[6:]
			continue
		}
		break
	}
	if c, ok := specialKeys[rest]; ok {
		k := tea.KeyPressMsg{Code: c, Mod: mod}
		if c == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k, true
	}
	if r := []rune(rest); len(r) == 1 && mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}, true
	}
	return tea.KeyPressMsg{}, false
}

// press returns the key press whose String() is s, failing the test when s
// cannot be built.
func press(tb testing.TB, s string) tea.KeyPressMsg {
	tb.Helper()
	k, ok := keyMsg(s)
	if !ok {
		tb.Fatalf("no key press for %q", s)
	}
	return k
}

// allBindingKeys returns every key of every binding of the default KeyMap,
// found by reflection so that bindings added later are covered too.
func allBindingKeys() []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := range v.NumField() {
			f := v.Field(i)
			b, ok := f.Interface().(key.Binding)
			if !ok {
				if f.Kind() == reflect.Struct {
					walk(f) // one part of the screen's key map
				}
				continue
			}
			for _, k := range b.Keys() {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
		}
	}
	walk(reflect.ValueOf(DefaultKeyMap()))
	slices.Sort(out)
	return out
}

// update sends msg to m and returns the model and command.
func update(tb testing.TB, m Model, msg tea.Msg) (Model, tea.Cmd) {
	tb.Helper()
	nm, cmd := m.Update(msg)
	mm, ok := nm.(Model)
	if !ok {
		tb.Fatalf("Update returned %T, want tui.Model", nm)
	}
	return mm, cmd
}

// keys presses each key in turn, dropping the commands.
func keys(tb testing.TB, m Model, ks ...string) Model {
	tb.Helper()
	for _, k := range ks {
		m, _ = update(tb, m, press(tb, k))
	}
	return m
}

// newModel returns the tutor on the paper's network at w x h on a dark
// background, as a terminal would start it.
func newModel(tb testing.TB, w, h int) Model {
	tb.Helper()
	m := New(mathcore.Paper())
	m, _ = update(tb, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = update(tb, m, tea.BackgroundColorMsg{Color: color.Black})
	return m
}

// lessonIndex returns the index of the lesson with the given ID.
func lessonIndex(tb testing.TB, id string) int {
	tb.Helper()
	i, ok := lessons.Find(lessons.All(), id)
	if !ok || lessons.All()[i].ID != id {
		tb.Fatalf("no lesson %q", id)
	}
	return i
}

// at returns a model at w x h showing the lesson with the given ID.
func at(tb testing.TB, id string, w, h int) Model {
	tb.Helper()
	i := lessonIndex(tb, id)
	m := newModel(tb, w, h)
	m = goLesson(tb, m, i)
	return m
}

// goLesson moves to lesson i with the arrow keys, as a learner would.
func goLesson(tb testing.TB, m Model, i int) Model {
	tb.Helper()
	for range 2 * len(m.lesson.deck) {
		switch {
		case m.lesson.pos.lesson < i:
			m = keys(tb, m, "right")
		case m.lesson.pos.lesson > i:
			m = keys(tb, m, "left")
		default:
			return m
		}
	}
	tb.Fatalf("the arrows do not reach lesson %d (at %d)", i, m.lesson.pos.lesson)
	return m
}

// redrawMsg is a message the model does not know: Update only redraws.
type redrawMsg struct{}

// setRevealed shows r steps of the current lesson, scrolled to the newest,
// whatever the keys allow, and redraws.
func setRevealed(tb testing.TB, m Model, r int) Model {
	tb.Helper()
	m.lesson.pos.revealed[m.lesson.pos.lesson] = r
	m.lesson.refresh()
	m.lesson.scroll = scrollNewest
	m, _ = update(tb, m, redrawMsg{})
	return m
}

// screen returns the view as plain text.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

// bodyText returns the whole laid-out lesson as plain text, scrolled out
// parts included.
func bodyText(m Model) string { return ansi.Strip(strings.Join(m.lesson.body.lines, "\n")) }

// revealAll reveals every step of the current lesson with space (or, where
// space means something else, as the model would after the reveals).
func revealAll(tb testing.TB, m Model) Model {
	tb.Helper()
	for range 200 {
		if m.lesson.pos.revealed[m.lesson.pos.lesson] >= m.lesson.body.steps {
			return m
		}
		before := m.lesson.pos.revealed[m.lesson.pos.lesson]
		m = keys(tb, m, "enter")
		if m.lesson.pos.revealed[m.lesson.pos.lesson] == before {
			break
		}
	}
	// No key reveals steps here (see TestTrainingStepsCanBeRevealed).
	return setRevealed(tb, m, m.lesson.body.steps)
}

// cmdMsgs runs cmd and returns the messages it produces at once, opening
// batches and sequences. A command that does not answer within a few
// milliseconds (a tick: the training animation, the cursor blink) is dropped,
// so tests never wait for a timer.
func cmdMsgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(50 * time.Millisecond):
		return nil
	}
	if msg == nil {
		return nil
	}
	// tea.BatchMsg and tea's unexported sequence message are both []tea.Cmd.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, cmdMsgs(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// isQuit reports whether cmd (or any command of a batch) quits.
func isQuit(cmd tea.Cmd) bool {
	for _, msg := range cmdMsgs(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// keysRun presses each key like keys, and also runs the commands that
// answer at once (such as the menu's filtering) and feeds their messages
// back, as a program would. It fails the test on a quit.
func keysRun(tb testing.TB, m Model, ks ...string) Model {
	tb.Helper()
	for _, k := range ks {
		var cmd tea.Cmd
		m, cmd = update(tb, m, press(tb, k))
		for round := 0; cmd != nil && round < 10; round++ {
			var cmds []tea.Cmd
			for _, msg := range cmdMsgs(cmd) {
				if _, ok := msg.(tea.QuitMsg); ok {
					tb.Fatalf("key %q quit", k)
				}
				var c tea.Cmd
				m, c = update(tb, m, msg)
				cmds = append(cmds, c)
			}
			cmd = tea.Batch(cmds...)
		}
	}
	return m
}
