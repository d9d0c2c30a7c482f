package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
)

// trainInterval is the time between two training animation ticks.
const trainInterval = 80 * time.Millisecond

// trainTickMsg advances the training animation.
type trainTickMsg struct{}

func trainTick() tea.Cmd {
	return tea.Tick(trainInterval, func(time.Time) tea.Msg { return trainTickMsg{} })
}

// startQuizMsg asks the root to start the quiz, as the menu's last entry does.
type startQuizMsg struct{}

// statusMsg asks the root to show text on the status line, as an error
// when isErr.
type statusMsg struct {
	text  string
	isErr bool
}

// lessonView is the lesson screen: where the learner is in the deck, the
// current lesson laid out for the width, and the window onto it. It reads
// and changes the session the root owns through the session's methods.
type lessonView struct {
	session  *lessons.Session
	deck     []lessons.Lesson
	pos      position
	keys     LessonKeyMap
	styles   Styles
	width    int  // the width lessons are laid out for; 0 while not shown
	height   int  // the height of the window, with the line of the scroll indicator
	more     bool // the body is taller than the window: its last line says where more lies
	viewport viewport.Model
	body     body                 // the current lesson laid out, rebuilt in Update
	pages    map[int]lessons.Page // the current lesson's pages by width, for the session as it is
	scroll   string               // what to scroll into view once sized: a mark, scrollNewest, or ""
	ticking  bool                 // a training tick is pending
	work     digitsWork           // the digits lessons' reading and training
	// startQuiz is set by next on the last lesson, which leads to the quiz.
	startQuiz bool
}

// newLessonView returns the lesson screen on session s at the first lesson.
// It lays nothing out until SetSize gives it a width.
func newLessonView(s *lessons.Session, keys LessonKeyMap, st Styles) lessonView {
	deck := lessons.All()
	v := lessonView{session: s, deck: deck, pos: newPosition(len(deck)), keys: keys, styles: st, viewport: viewport.New()}
	s.Keys = v.keys.names()
	return v
}

// Current returns the lesson shown.
func (v *lessonView) Current() lessons.Lesson { return v.deck[v.pos.lesson] }

// SetStyles restyles the lesson.
func (v *lessonView) SetStyles(st Styles) {
	v.styles = st
	v.refresh()
}

// SetSize lays the lesson out for width columns, in a window of height
// lines, then scrolls what was asked into view, which needs the final
// height. A width of 0 means the lesson is not shown (the terminal is too
// small): nothing is laid out until it is given a width again.
func (v *lessonView) SetSize(width, height int) {
	if width != v.width {
		v.width = width
		v.refresh()
	}
	if width == 0 {
		return
	}
	v.viewport.SetWidth(width + 2)
	v.height = height
	v.fitWindow()
	v.applyScroll()
}

// Update handles a key of the lesson screen, the mouse wheel and the
// training ticks.
func (v lessonView) Update(msg tea.Msg) (lessonView, tea.Cmd) {
	switch msg := msg.(type) {
	case trainTickMsg:
		v.ticking = false
		if v.session.TrainTick() {
			v.refresh()
		}
		return v, v.keepTicking()
	case digitsLoadedMsg:
		v.work.loading = false
		v.session.SetData(msg.data, msg.err)
		v.refresh()
		return v, nil
	case digitsProgressMsg:
		return v, v.progress(msg.p)
	case tea.MouseClickMsg:
		v.paint(msg.Mouse())
		return v, nil
	case tea.MouseMotionMsg:
		v.paint(msg.Mouse())
		return v, nil
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		v.viewport, cmd = v.viewport.Update(msg)
		return v, cmd
	case tea.KeyPressMsg:
		if v.canvasKeys() {
			if cmd, ok := v.actionFirst(msg); ok {
				return v, cmd
			}
		}
		if v.scrollKey(msg) || v.navigateKey(msg) {
			if v.startQuiz {
				v.startQuiz = false
				return v, func() tea.Msg { return startQuizMsg{} }
			}
			return v, nil
		}
		cmd := v.actionKey(msg)
		return v, cmd
	}
	return v, nil
}

// scrollKey scrolls the window for a scrolling key, and reports whether msg was one.
func (v *lessonView) scrollKey(msg tea.KeyPressMsg) bool {
	k := v.keys
	switch {
	case key.Matches(msg, k.Up):
		v.viewport.ScrollUp(1)
	case key.Matches(msg, k.Down):
		v.viewport.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		v.viewport.PageUp()
	case key.Matches(msg, k.PageDown):
		v.viewport.PageDown()
	case key.Matches(msg, k.First):
		v.reveal(navigate(v.pos, moveShow, 1, v.body.steps))
		v.scroll = ""
		v.viewport.GotoTop()
	case key.Matches(msg, k.Last):
		v.reveal(navigate(v.pos, moveShow, v.body.steps, v.body.steps))
		v.scroll = ""
		v.viewport.GotoBottom()
	default:
		return false
	}
	return true
}

// navigateKey moves through the deck or changes the decimals for such a
// key, and reports whether msg was one.
func (v *lessonView) navigateKey(msg tea.KeyPressMsg) bool {
	k := v.keys
	switch {
	case key.Matches(msg, k.Next) && v.pos.lesson == len(v.deck)-1:
		v.startQuiz = true
	case key.Matches(msg, k.Next):
		v.moveTo(navigate(v.pos, moveNext, 0, v.body.steps))
	case key.Matches(msg, k.Prev):
		v.moveTo(navigate(v.pos, movePrev, 0, v.body.steps))
	case key.Matches(msg, k.Jump):
		v.moveTo(navigate(v.pos, moveTo, bindingIndex(k.Jump, msg), v.body.steps))
	case key.Matches(msg, k.Reveal):
		v.reveal(navigate(v.pos, moveReveal, 0, v.body.steps))
	case key.Matches(msg, k.Hide):
		v.reveal(navigate(v.pos, moveHide, 0, v.body.steps))
	case key.Matches(msg, k.Fewer):
		v.session.Digits = max(1, v.session.Digits-1)
		v.refresh()
	case key.Matches(msg, k.More):
		v.session.Digits = min(10, v.session.Digits+1)
		v.refresh()
	default:
		return false
	}
	return true
}

// actionKey does the action of the lesson bound to msg, if any.
func (v *lessonView) actionKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, v.keys.Reset) {
		return v.do(lessons.RestoreStart, 0)
	}
	for _, a := range v.Current().Actions {
		if b := v.keys.action(a); b != nil && key.Matches(msg, *b) {
			return v.do(a, bindingIndex(*b, msg))
		}
	}
	return nil
}

// do carries out lesson action a, with what follows it on the screen:
// another weight's chain shown as fully as the last, the chosen slip
// scrolled into view, its lesson opened, the training ticking.
func (v *lessonView) do(a lessons.Action, arg int) tea.Cmd {
	s := v.session
	switch a {
	case lessons.OpenSlip:
		id, steps := s.ShowSlip()
		if i, ok := lessons.Find(v.deck, id); ok {
			v.Show(i)
			v.pos = navigate(v.pos, moveShow, steps, steps) // the step with the note is the newest, later ones hidden
			v.relayout()
			v.scroll = scrollNewest
		}
		return nil
	case lessons.PrevParam, lessons.NextParam:
		all := v.pos.shown() >= v.body.steps
		s.Do(a, arg)
		v.refresh()
		if all { // every step was shown: show every step of the new chain too
			v.pos = navigate(v.pos, moveShow, v.body.steps, v.body.steps)
			v.relayout()
		}
		return nil
	}
	if a == lessons.TrainDigits {
		cmd := v.toggleTraining()
		v.refresh()
		return cmd

	}
	if a == lessons.RestoreStart {
		text := s.Restore()
		v.refresh()
		return func() tea.Msg { return statusMsg{text: text} }
	}
	err := s.Do(a, arg)
	v.refresh()
	switch {
	case err != nil:
		return func() tea.Msg { return statusMsg{text: err.Error(), isErr: true} }
	case a == lessons.PrevSlip || a == lessons.NextSlip:
		v.scroll = "▶ "
	case a == lessons.ToggleTraining:
		return v.keepTicking()
	case a == lessons.KeepTrained:
		text := "The trained weights are now the session's: every lesson shows them; " + keyName(v.keys.Reset) +
			" restores the start."
		return func() tea.Msg { return statusMsg{text: text} }
	}
	return nil
}

// canvasKeys reports whether the lesson shown takes the arrows for its
// canvas, before they move through lessons or scroll.
func (v *lessonView) canvasKeys() bool { return v.Current().ID == lessons.IDDigitsAsk }

// actionFirst does the lesson action bound to msg, if any, and reports
// whether there was one.
func (v *lessonView) actionFirst(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	for _, a := range v.Current().Actions {
		if b := v.keys.action(a); b != nil && b.Enabled() && key.Matches(msg, *b) {
			return v.do(a, bindingIndex(*b, msg)), true
		}
	}
	return nil, false
}

// keepTicking arms the next training tick while a run is going.
func (v *lessonView) keepTicking() tea.Cmd {
	if v.ticking || !v.session.Training.Running {
		return nil
	}
	v.ticking = true
	return trainTick()
}

// moveTo goes to the position p: to the top of another lesson.
func (v *lessonView) moveTo(p position) {
	changed := p.lesson != v.pos.lesson
	v.pos = p
	if changed {
		v.refresh()
		v.viewport.GotoTop()
	}
}

// reveal shows the steps p reveals, with the newest in view.
func (v *lessonView) reveal(p position) {
	if p.shown() == v.pos.shown() {
		return
	}
	v.pos = p
	v.relayout()
	v.scroll = scrollNewest
}

// Show shows lesson i of the deck, if there is one.
func (v *lessonView) Show(i int) { v.moveTo(navigate(v.pos, moveTo, i, v.body.steps)) }

// Open shows the lesson with ID id, if there is one.
func (v *lessonView) Open(id string) {
	if i, ok := lessons.Find(v.deck, id); ok {
		v.Show(i)
	}
	v.refresh()
}

// PageUp scrolls the lesson up by a window, for the panel.
func (v *lessonView) PageUp() { v.viewport.PageUp() }

// PageDown scrolls the lesson down by a window, for the panel.
func (v *lessonView) PageDown() { v.viewport.PageDown() }

// refresh rebuilds the current lesson from the session, after the session
// changed.
func (v *lessonView) refresh() {
	v.keys.forLesson(v.Current())
	if v.width == 0 {
		return
	}
	v.pages = map[int]lessons.Page{}
	v.relayout()
}

// relayout lays the current lesson out again from the pages already built
// for the session as it is (only the revealed steps changed), and turns
// on the keys that do something on it.
func (v *lessonView) relayout() {
	if v.width == 0 {
		return
	}
	if v.pages == nil {
		v.pages = map[int]lessons.Page{}
	}
	l := v.Current()
	build := func(w int) lessons.Page {
		p, ok := v.pages[w]
		if !ok {
			p = l.Build(v.session, w)
			v.pages[w] = p
		}
		return p
	}
	h := stepHints{reveal: keyName(v.keys.Reveal), next: keyName(v.keys.Next), hide: keyName(v.keys.Hide),
		last: v.pos.lesson == len(v.deck)-1}
	b := layoutPages(v.styles, build, v.width, v.pos.shown(), h)
	if v.pos.shown() > b.steps {
		v.pos = navigate(v.pos, moveShow, b.steps, b.steps)
		b = layoutPages(v.styles, build, v.width, b.steps, h)
	}
	b.widths = make([]int, len(b.lines))
	for i, line := range b.lines {
		b.widths[i] = 1 + textWidth(line) // the marks' colour takes no column
		b.lines[i] = " " + colourMarks(v.styles, line)
	}
	v.body = b
	v.enableKeys(build(v.width).Skip != "")
	// The viewport keeps only the scroll position: View writes the lines
	// itself, so the viewport is given blank lines of the same count,
	// which it need not measure.
	v.viewport.SetContentLines(make([]string, len(b.lines)))
	v.fitWindow()
}

// fitWindow gives the body the window's height, less the line of the scroll
// indicator when the body is taller than the window.
func (v *lessonView) fitWindow() {
	h := v.height
	v.more = len(v.body.lines) > h && h > 2
	if v.more {
		h--
	}
	v.viewport.SetHeight(h)
}

// enableKeys turns on the keys that do something on the lesson as laid
// out: none of its actions when it does not apply to the network (skip).
func (v *lessonView) enableKeys(skip bool) {
	k, s := &v.keys, v.session
	k.forSteps(v.pos.shown(), v.body.steps)
	if skip {
		k.forLesson(lessons.Lesson{})
	}
	k.Prev.SetEnabled(v.pos.lesson > 0)
	next := "next"
	if v.pos.lesson == len(v.deck)-1 { // the last lesson leads to the quiz
		next = "quiz"
	}
	k.Next.SetHelp(k.Next.Help().Key, next)
	if !s.IsPaper() { // the slips' notes show only on the paper's values
		k.SlipOpen.SetEnabled(false)
	}
	if s.ParamChoices() < 2 { // nothing else to choose
		k.ParamPrev.SetEnabled(false)
		k.ParamNext.SetEnabled(false)
	}
	k.Undo.SetEnabled(k.Undo.Enabled() && s.Updates.Steps() > 0)
	if !s.TrainsOnSet() { // the network trains on its own sample: no set to edit
		for _, b := range []*key.Binding{&k.DrawingPrev, &k.DrawingNext, &k.DrawPixelPrev, &k.DrawPixelNext,
			&k.DrawShade, &k.DrawTarget, &k.DrawAdd, &k.DrawRemove} {
			b.SetEnabled(false)
		}
	}
	k.Keep.SetEnabled(k.Keep.Enabled() && s.Training.Net != nil)
}
