package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
)

// spaceKey is a press of the space bar.
var spaceKey = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}

// LessonKeyMap holds the lesson screen's bindings: moving through lessons
// and steps, scrolling, and the actions lessons offer (lessons.Action),
// which are on only on a lesson that offers them.
type LessonKeyMap struct {
	// Moving through lessons and steps.
	Next, Prev, Reveal, Hide, Jump key.Binding
	Fewer, More                    key.Binding // significant figures shown
	Up, Down, PageUp, PageDown     key.Binding // scrolling the body
	First, Last                    key.Binding // the first step at the top, every step to the last
	Reset                          key.Binding // restore the values the session started with

	// The die lesson.
	Dot                key.Binding // a..g toggle a dot, in the order of mathcore.DieDotNames
	FaceNext, FacePrev key.Binding
	// The partial-derivatives lesson.
	PointUp, PointDown, PointLeft, PointRight key.Binding
	// The gradient-descent lesson.
	EtaUp, EtaDown key.Binding
	DescentStep    key.Binding // one step of descent
	DescentRun     key.Binding // every step to the end
	// The chain-rule lesson: which parameter; the slips lesson: which slip.
	ParamPrev, ParamNext key.Binding
	SlipPrev, SlipNext   key.Binding
	SlipOpen             key.Binding
	// The update lesson.
	Apply, Undo key.Binding
	// The training lesson.
	TrainToggle, Faster, Slower key.Binding
	// The image lesson: choose a pixel, darken or lighten it.
	PixelPrev, PixelNext, Darken, Lighten key.Binding
	// The digits lessons: train, switch the question; the canvas.
	DigitsTrain, Question                         key.Binding
	CanvasUp, CanvasDown, CanvasLeft, CanvasRight key.Binding
	Pen, Erase, Clear, TestDigit                  key.Binding
	WrongPrev, WrongNext                          key.Binding
	// The training lesson's set of drawings, and keeping the trained weights.
	DrawingPrev, DrawingNext, DrawPixelPrev, DrawPixelNext key.Binding
	DrawShade, DrawTarget, DrawAdd, DrawRemove, Keep       key.Binding
}

// DefaultLessonKeyMap returns the lesson screen's key bindings.
func DefaultLessonKeyMap() LessonKeyMap {
	return LessonKeyMap{
		Next:     key.NewBinding(key.WithKeys("right", "l", "n"), key.WithHelp("→/n", "next")),
		Prev:     key.NewBinding(key.WithKeys("left", "h", "p"), key.WithHelp("←/p", "back")),
		Reveal:   key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "step")),
		Hide:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "hide step")),
		Jump:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to lesson")),
		Fewer:    key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "fewer figures")),
		More:     key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "more figures")),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		First:    key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first step")),
		Last:     key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last step")),
		Reset:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restore start values")),

		Dot:      key.NewBinding(key.WithKeys("a", "b", "c", "d", "e", "f", "g"), key.WithHelp("a-g", "toggle dot")),
		FaceNext: key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "change face")),
		FacePrev: key.NewBinding(key.WithKeys("-")),

		PointUp:    key.NewBinding(key.WithKeys("w", "shift+up"), key.WithHelp("w/a/s/d", "move point")),
		PointDown:  key.NewBinding(key.WithKeys("s", "shift+down")),
		PointLeft:  key.NewBinding(key.WithKeys("a", "shift+left")),
		PointRight: key.NewBinding(key.WithKeys("d", "shift+right")),

		EtaUp:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "learning rate")),
		EtaDown: key.NewBinding(key.WithKeys("-")),

		DescentStep: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "one step")),
		DescentRun:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "run to the end")),

		ParamPrev: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "other weight")),
		ParamNext: key.NewBinding(key.WithKeys("]")),
		SlipPrev:  key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "choose slip")),
		SlipNext:  key.NewBinding(key.WithKeys("]")),
		SlipOpen:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "open its lesson")),

		Apply: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "apply update")),
		Undo:  key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "undo")),

		TrainToggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "run/pause")),
		Faster:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "speed")),
		Slower:      key.NewBinding(key.WithKeys("-")),

		PixelPrev: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "choose pixel")),
		PixelNext: key.NewBinding(key.WithKeys("]")),
		Darken:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "darker/lighter")),
		Lighten:   key.NewBinding(key.WithKeys("-")),

		DigitsTrain:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "train/pause")),
		Question:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "other question")),
		CanvasUp:      key.NewBinding(key.WithKeys("up"), key.WithHelp("arrows", "move")),
		CanvasDown:    key.NewBinding(key.WithKeys("down")),
		CanvasLeft:    key.NewBinding(key.WithKeys("left")),
		CanvasRight:   key.NewBinding(key.WithKeys("right")),
		Pen:           key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pen down/up")),
		Erase:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "erase")),
		Clear:         key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clear")),
		TestDigit:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "test digit")),
		WrongPrev:     key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "wrong answers")),
		WrongNext:     key.NewBinding(key.WithKeys("]")),
		DrawingPrev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "choose drawing")),
		DrawingNext:   key.NewBinding(key.WithKeys("]")),
		DrawPixelPrev: key.NewBinding(key.WithKeys(","), key.WithHelp(",/.", "choose pixel")),
		DrawPixelNext: key.NewBinding(key.WithKeys(".")),
		DrawShade:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "shade pixel")),
		DrawTarget:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "flip target")),
		DrawAdd:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add drawing")),
		DrawRemove:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove drawing")),
		Keep:          key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep trained weights")),
	}
}

// action returns the binding of lesson action a, or nil for an action no
// key is bound to.
func (k *LessonKeyMap) action(a lessons.Action) *key.Binding {
	switch a {
	case lessons.ToggleDot:
		return &k.Dot
	case lessons.NextFace:
		return &k.FaceNext
	case lessons.PrevFace:
		return &k.FacePrev
	case lessons.PointUp:
		return &k.PointUp
	case lessons.PointDown:
		return &k.PointDown
	case lessons.PointLeft:
		return &k.PointLeft
	case lessons.PointRight:
		return &k.PointRight
	case lessons.RaiseEta:
		return &k.EtaUp
	case lessons.LowerEta:
		return &k.EtaDown
	case lessons.StepDescent:
		return &k.DescentStep
	case lessons.RunDescent:
		return &k.DescentRun
	case lessons.PrevParam:
		return &k.ParamPrev
	case lessons.NextParam:
		return &k.ParamNext
	case lessons.PrevSlip:
		return &k.SlipPrev
	case lessons.NextSlip:
		return &k.SlipNext
	case lessons.OpenSlip:
		return &k.SlipOpen
	case lessons.PrevPixel:
		return &k.PixelPrev
	case lessons.NextPixel:
		return &k.PixelNext
	case lessons.Darken:
		return &k.Darken
	case lessons.Lighten:
		return &k.Lighten
	case lessons.ApplyUpdate:
		return &k.Apply
	case lessons.UndoUpdate:
		return &k.Undo
	case lessons.ToggleTraining:
		return &k.TrainToggle
	case lessons.TrainFaster:
		return &k.Faster
	case lessons.TrainSlower:
		return &k.Slower
	case lessons.RestoreStart:
		return &k.Reset
	case lessons.PrevDrawing:
		return &k.DrawingPrev
	case lessons.NextDrawing:
		return &k.DrawingNext
	case lessons.PrevDrawingPixel:
		return &k.DrawPixelPrev
	case lessons.NextDrawingPixel:
		return &k.DrawPixelNext
	case lessons.ShadeDrawingPixel:
		return &k.DrawShade
	case lessons.ToggleDrawingTarget:
		return &k.DrawTarget
	case lessons.AddDrawing:
		return &k.DrawAdd
	case lessons.RemoveDrawing:
		return &k.DrawRemove
	case lessons.KeepTrained:
		return &k.Keep
	}
	return k.digitsAction(a)
}

// digitsAction returns the binding of an action of the digits lessons.
func (k *LessonKeyMap) digitsAction(a lessons.Action) *key.Binding {
	switch a {
	case lessons.TrainDigits:
		return &k.DigitsTrain
	case lessons.SwitchQuestion:
		return &k.Question
	case lessons.CanvasUp:
		return &k.CanvasUp
	case lessons.CanvasDown:
		return &k.CanvasDown
	case lessons.CanvasLeft:
		return &k.CanvasLeft
	case lessons.CanvasRight:
		return &k.CanvasRight
	case lessons.CanvasPen:
		return &k.Pen
	case lessons.CanvasErase:
		return &k.Erase
	case lessons.CanvasClear:
		return &k.Clear
	case lessons.CanvasRandom:
		return &k.TestDigit
	case lessons.PrevWrong:
		return &k.WrongPrev
	case lessons.NextWrong:
		return &k.WrongNext
	}
	return nil
}

// lessonActions are every action a lesson may offer, in the order the help
// bar lists them.
var lessonActions = []lessons.Action{
	lessons.ToggleDot, lessons.NextFace, lessons.PrevFace,
	lessons.PointUp, lessons.PointDown, lessons.PointLeft, lessons.PointRight,
	lessons.StepDescent, lessons.RunDescent, lessons.RaiseEta, lessons.LowerEta, lessons.PrevParam, lessons.NextParam,
	lessons.PrevSlip, lessons.NextSlip, lessons.OpenSlip,
	lessons.PrevPixel, lessons.NextPixel, lessons.Darken, lessons.Lighten,
	lessons.ApplyUpdate, lessons.UndoUpdate,
	lessons.ToggleTraining, lessons.TrainFaster, lessons.TrainSlower,
	lessons.TrainDigits, lessons.CanvasUp, lessons.CanvasDown, lessons.CanvasLeft, lessons.CanvasRight,
	lessons.CanvasPen, lessons.CanvasErase, lessons.CanvasClear, lessons.CanvasRandom,
	lessons.PrevWrong, lessons.NextWrong, lessons.SwitchQuestion,
	lessons.PrevDrawing, lessons.NextDrawing, lessons.PrevDrawingPixel, lessons.NextDrawingPixel,
	lessons.ShadeDrawingPixel, lessons.ToggleDrawingTarget, lessons.AddDrawing, lessons.RemoveDrawing,
	lessons.KeepTrained,
}

// forLesson enables the bindings of the actions lesson l offers and
// disables every other lesson's. Where l runs something with space, only
// enter reveals steps.
func (k *LessonKeyMap) forLesson(l lessons.Lesson) {
	for _, a := range lessonActions {
		k.action(a).SetEnabled(false)
	}
	for _, a := range l.Actions {
		if b := k.action(a); b != nil {
			b.SetEnabled(true)
		}
	}
	k.Reveal.SetKeys("space", "enter")
	for _, a := range l.Actions {
		if key.Matches(spaceKey, *k.action(a)) {
			k.Reveal.SetKeys("enter")
		}
	}
	k.Reveal.SetHelp(keyName(k.Reveal), "step")
	// Where the arrows move a cursor, n and p move through the lessons and
	// the window scrolls with the page keys only.
	canvas := slices.Contains(l.Actions, lessons.CanvasLeft)
	if canvas {
		k.Next.SetKeys("n")
		k.Next.SetHelp("n", "next")
		k.Prev.SetKeys("p")
		k.Prev.SetHelp("p", "back")
		k.Up.SetKeys()
		k.Down.SetKeys()
	} else {
		k.Up.SetKeys("up")
		k.Down.SetKeys("down")
		k.Next.SetKeys("right", "l", "n")
		k.Next.SetHelp("→/n", "next")
		k.Prev.SetKeys("left", "h", "p")
		k.Prev.SetHelp("←/p", "back")
	}
}

// forSteps enables revealing and hiding only when there is a step to reveal or hide.
func (k *LessonKeyMap) forSteps(revealed, steps int) {
	k.Reveal.SetEnabled(revealed < steps)
	k.Hide.SetEnabled(revealed > 0)
}

// actionHelp returns the enabled action bindings that have a help entry,
// in lessonActions' order, for the help bar.
func (k LessonKeyMap) actionHelp() []key.Binding {
	var out []key.Binding
	for _, a := range lessonActions {
		if b := k.action(a); b.Enabled() && b.Help().Key != "" {
			out = append(out, *b)
		}
	}
	return out
}

// names returns the key names lesson text uses for hints (lessons.Session.Key).
func (k LessonKeyMap) names() lessons.KeyNames {
	return func(a lessons.Action) string {
		if b := k.action(a); b != nil {
			return keyName(*b)
		}
		return ""
	}
}

// ShortHelp returns the lesson screen's bindings worth listing: moving
// through the lesson first, so that a narrow help bar, which drops keys
// from the end, drops the lesson's own actions first.
func (k LessonKeyMap) ShortHelp() []key.Binding {
	return append([]key.Binding{k.Reveal, k.Next, k.Prev, k.Hide}, k.actionHelp()...)
}

// FullHelp returns every binding of the lesson screen.
func (k LessonKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.actionHelp(), {k.Reveal, k.Hide, k.Next, k.Prev, k.Jump},
		{k.Fewer, k.More, k.Reset}, {k.Up, k.Down, k.PageUp, k.PageDown, k.First, k.Last}}
}
