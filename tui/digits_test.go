package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nnmath/digits"
	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/mnist"
)

// withDigits returns a model at lesson id with the digits read, as the
// message of the command that reads them would leave it.
func withDigits(tb testing.TB, id string, w, h int) Model {
	tb.Helper()
	d, err := mnist.Load()
	if err != nil {
		tb.Fatal(err)
	}
	m := at(tb, id, w, h)
	if !m.lesson.work.loading {
		tb.Fatalf("%s: showing a digits lesson does not start reading the digits", id)
	}
	m, _ = update(tb, m, digitsLoadedMsg{data: d})
	return m
}

// runCmd runs cmd and its batches to the end, however long they take, and
// returns their messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runCmd(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// progressOf returns the progress message among msgs, or fails.
func progressOf(tb testing.TB, msgs []tea.Msg) digitsProgressMsg {
	tb.Helper()
	for _, msg := range msgs {
		if p, ok := msg.(digitsProgressMsg); ok {
			return p
		}
	}
	tb.Fatalf("no progress among %v", msgs)
	return digitsProgressMsg{}
}

// TestDigitsTrainingLive starts training with space, feeds two reports of
// progress back as the program would, pauses, and checks that no more
// work is asked for until it resumes.
func TestDigitsTrainingLive(t *testing.T) {
	m := withDigits(t, lessons.IDDigitsTraining, 80, 24)
	if !strings.Contains(screen(m), "space starts training") {
		t.Fatalf("no way to start shown:\n%s", screen(m))
	}
	m, cmd := update(t, m, press(t, "space"))
	p := progressOf(t, runCmd(cmd))
	m, cmd = update(t, m, p)
	r := m.session.MNIST.Run()
	if !r.Running || r.Done != trainChunk || r.Net == nil || cmd == nil {
		t.Fatalf("after one chunk: running %v, %d images, next %v", r.Running, r.Done, cmd != nil)
	}
	if s := bodyText(m); !strings.Contains(s, "epoch 1 of 5") || !strings.Contains(s, "3,000 of 60,000 pictures") || !strings.Contains(s, "h1") {
		t.Errorf("the progress is not shown:\n%s", s)
	}
	m, _ = update(t, m, press(t, "space")) // pause while the next chunk is out
	m, cmd = update(t, m, progressOf(t, runCmd(cmd)))
	if r := m.session.MNIST.Run(); r.Running || r.Done != 2*trainChunk || cmd != nil {
		t.Fatalf("paused: running %v, %d images, next %v", r.Running, r.Done, cmd != nil)
	}
	if !strings.Contains(bodyText(m), "paused: space resumes") {
		t.Errorf("the pause is not shown:\n%s", bodyText(m))
	}
	m, cmd = update(t, m, press(t, "space"))
	if cmd == nil || !m.session.MNIST.Run().Running {
		t.Fatal("space does not resume")
	}
	m, _ = update(t, m, press(t, "ctrl+s"))
	if m.focus != focusPrompt || m.prompt.kind != promptSaveDigits {
		t.Error("ctrl+s on the training lesson does not offer to save the trained network")
	}
	m, _ = update(t, m, press(t, "esc"))
	path := filepath.Join(t.TempDir(), "four.json")
	if err := saveDigits(path, m.session); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := mathcore.ParseNetwork(data); err != nil || n.Sizes[0] != 784 || n.Sizes[2] != 1 {
		t.Fatalf("the saved network does not read back: %v", err)
	}
	m, _ = update(t, m, press(t, "o"))
	if !m.session.MNIST.Ten || m.session.MNIST.Run().Started {
		t.Error("o does not switch to the ten-output question, with a run of its own")
	}
}

// TestCanvasMouse draws with a click and a drag on the canvas where the
// screen shows it, rubs out with the right button, and ignores clicks off
// the canvas.
func TestCanvasMouse(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 50}} {
		m := withDigits(t, lessons.IDDigitsAsk, size[0], size[1])
		row, col := -1, -1
		for y, l := range strings.Split(screen(m), "\n") {
			if i := strings.Index(l, lessons.CanvasTop); i >= 0 {
				row, col = y, len([]rune(l[:i]))
				break
			}
		}
		if row < 0 {
			t.Fatalf("%v: no canvas on the screen:\n%s", size, screen(m))
		}
		c := &m.session.MNIST.Canvas
		cell := func(x, y int) tea.Mouse { return tea.Mouse{X: col + 1 + x, Y: row + 1 + y, Button: tea.MouseLeft} }
		m, _ = update(t, m, tea.MouseClickMsg(cell(3, 2)))
		m, _ = update(t, m, tea.MouseMotionMsg(cell(4, 2)))
		if c.Ink[4*mnist.Side+3] != 1 || c.Ink[5*mnist.Side+4] != 1 {
			t.Fatalf("%v: a click and a drag at cells (3, 2) and (4, 2) leave no ink", size)
		}
		erase := cell(3, 2)
		erase.Button = tea.MouseRight
		m, _ = update(t, m, tea.MouseClickMsg(erase))
		if c.Ink[4*mnist.Side+3] != 0 {
			t.Errorf("%v: the right button does not rub out", size)
		}
		before := c.Ink
		m, _ = update(t, m, tea.MouseClickMsg(tea.Mouse{X: col + 40, Y: row + 30, Button: tea.MouseLeft}))
		if c.Ink != before {
			t.Errorf("%v: a click off the canvas draws", size)
		}
		if !strings.Contains(screen(m), "Is it a 4?") && !strings.Contains(screen(m), "No network") {
			t.Errorf("%v: no answer on the screen:\n%s", size, screen(m))
		}
	}
}

// TestCanvasKeys: on the ask lesson the arrows move the cursor instead of
// changing lessons, and n and p still change lessons.
func TestCanvasKeys(t *testing.T) {
	m := withDigits(t, lessons.IDDigitsAsk, 80, 24)
	i := m.lesson.pos.lesson
	x := m.session.MNIST.Canvas.X
	m = keys(t, m, "left", "left", "space", "up")
	c := m.session.MNIST.Canvas
	if m.lesson.pos.lesson != i || c.X != x-2 || !c.Pen {
		t.Fatalf("arrows: lesson %d (want %d), cursor %d (want %d), pen %v", m.lesson.pos.lesson, i, c.X, x-2, c.Pen)
	}
	m = keys(t, m, "p")
	if m.lesson.pos.lesson != i-1 {
		t.Errorf("p does not go back a lesson")
	}
}

// BenchmarkDrawKey measures a key that draws on the canvas with a trained
// network answering: the page is built again with the drawing converted and
// the network run.
func BenchmarkDrawKey(b *testing.B) {
	m := withDigits(b, lessons.IDDigitsAsk, 120, 40)
	m.session.MNIST.Runs[0].Net = digits.NewNet(30, 1, 1)
	m = keys(b, m, "space")
	benchAlternate(b, m, press(b, "right"), press(b, "left"))
}

// BenchmarkKeyWhileTraining measures keys on the training lesson while a
// default network trains in the background on the workers the tutor gives
// it: scrolling, and the decimals, which build its page again.
func BenchmarkKeyWhileTraining(b *testing.B) {
	m := withDigits(b, lessons.IDDigitsTraining, 120, 40)
	m, cmd := update(b, m, press(b, "space"))
	m, _ = update(b, m, progressOf(b, runCmd(cmd)))
	cfg := digits.DefaultConfig(1)
	cfg.Workers = trainWorkers()
	tr, err := digits.NewTrainer(&m.session.MNIST.Data.Train, cfg)
	if err != nil {
		b.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				if tr.Train(trainChunk) {
					tr.FinishEpoch()
				}
			}
		}
	}()
	b.Run("scroll", func(b *testing.B) { benchAlternate(b, m, press(b, "pgdown"), press(b, "pgup")) })
	b.Run("rebuild", func(b *testing.B) { benchAlternate(b, m, press(b, "<"), press(b, ">")) })
	close(stop)
	<-done
}

// digitsRead gives m the digits, as the message of the command that reads
// them would, when it shows a digits lesson; it returns other models as
// they are.
func digitsRead(tb testing.TB, m Model) Model {
	tb.Helper()
	if !isDigitsLesson(m.lesson.Current().ID) {
		return m
	}
	d, err := mnist.Load()
	m, _ = update(tb, m, digitsLoadedMsg{data: d, err: err})
	return m
}

// TestGoldenDigits pins the training lesson after its first chunk of
// images, and the ask lesson with a 4 drawn with the keys, answered by the
// network of that chunk.
func TestGoldenDigits(t *testing.T) {
	for _, sz := range goldenSizes {
		m := withDigits(t, lessons.IDDigitsTraining, sz.w, sz.h)
		m, cmd := update(t, m, press(t, "space"))
		m, _ = update(t, m, progressOf(t, runCmd(cmd)))
		m, _ = update(t, m, press(t, "space")) // pause
		t.Run("digits-training_chunk_"+sizeName(sz.w, sz.h), func(t *testing.T) { requireGolden(t, m) })
		m = keys(t, m, "n")
		// A 4: the left stroke, the bar, then the right stroke from top to bottom.
		ks := []string{"left", "left", "left", "left", "left", "up", "up", "up", "up", "up", "space"}
		ks = append(ks, repeat("down", 6)...)
		ks = append(ks, repeat("right", 10)...)
		ks = append(ks, "space", "left", "left")
		ks = append(ks, repeat("up", 7)...)
		ks = append(ks, "space")
		ks = append(ks, repeat("down", 12)...)
		ks = append(ks, "space")
		m = keys(t, m, ks...)
		t.Run("digits-ask_four_"+sizeName(sz.w, sz.h), func(t *testing.T) { requireGolden(t, m) })
	}
}

// repeat returns n copies of key k.
func repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// Tutors that share a training gate take turns: a chunk waits while the
// gate's place is taken, and trains once it is given back.
func TestTrainingGateTakesTurns(t *testing.T) {
	gate := NewTrainingGate(1)
	m := withDigits(t, lessons.IDDigitsTraining, 80, 24).WithTrainingGate(gate)
	_, cmd := update(t, m, press(t, "space"))
	if cmd == nil {
		t.Fatal("space starts no training")
	}
	gate <- struct{}{} // another student's chunk is training
	done := make(chan []tea.Msg, 1)
	go func() { done <- runCmd(cmd) }()
	select {
	case <-done:
		t.Fatal("a chunk trained while the gate's only place was taken")
	case <-time.After(300 * time.Millisecond):
	}
	<-gate
	select {
	case msgs := <-done:
		progressOf(t, msgs)
	case <-time.After(30 * time.Second):
		t.Fatal("the chunk did not train once the place was given back")
	}
	if len(gate) != 0 {
		t.Error("the chunk kept its place after training")
	}
}
