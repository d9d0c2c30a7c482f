package lessons

import (
	"errors"
	"strconv"
)

// Action is something a lesson lets the learner do besides reading its
// steps: shade a pixel, apply an update, run the training. A lesson lists
// the actions it offers (Lesson.Actions); the tui binds each to a key, and
// lesson text names a key only through Session.Key, so that a rebinding
// never leaves a stale hint.
type Action int

// The actions. Those that come in pairs (previous and next, up and down)
// are bound to one help entry by the tui.
const (
	ToggleDot           Action = iota + 1 // toggle one of the die's dots; Do's argument says which (0 for a)
	NextFace                              // draw the next die face
	PrevFace                              // draw the previous die face
	PointUp                               // move the point of the partial-derivatives lesson up
	PointDown                             // ... down
	PointLeft                             // ... left
	PointRight                            // ... right
	RaiseEta                              // a larger learning rate on the gradient-descent lesson
	LowerEta                              // a smaller one
	StepDescent                           // one more step of descent on the gradient-descent lesson
	RunDescent                            // every step to the end of the run (at the end: back to the start)
	PrevParam                             // the previous weight or bias on the hidden chain-rule lesson
	NextParam                             // the next one
	PrevSlip                              // the previous slip on the slips lesson
	NextSlip                              // the next one
	OpenSlip                              // open the lesson where the selected slip happens
	PrevPixel                             // the previous pixel on the image lesson
	NextPixel                             // the next one
	Darken                                // darken the selected pixel
	Lighten                               // lighten it
	ApplyUpdate                           // apply one gradient-descent step to the network
	UndoUpdate                            // take the last applied step back
	ToggleTraining                        // start, pause or resume the training run
	TrainFaster                           // more training steps per tick
	TrainSlower                           // fewer
	RestoreStart                          // return the network to the values the session started with (every lesson)
	PrevDrawing                           // the previous drawing of the training set
	NextDrawing                           // the next one
	PrevDrawingPixel                      // the previous pixel of the chosen drawing
	NextDrawingPixel                      // the next one
	ShadeDrawingPixel                     // shade the chosen pixel one step darker (black wraps to white)
	ToggleDrawingTarget                   // flip the chosen drawing's target between 1 and 0
	AddDrawing                            // add a copy of the chosen drawing
	RemoveDrawing                         // remove the chosen drawing
	KeepTrained                           // take the trained weights into the session
)

// KeyNames names the key bound to an action, as a hint in prose should
// write it: "space", "u", "+".
type KeyNames func(Action) string

// Key names the key bound to action a, for a hint in a lesson's text. With
// no KeyNames set (a session built outside the tutor), it names the action
// in angle brackets instead.
func (s *Session) Key(a Action) string {
	if s.Keys != nil {
		if k := s.Keys(a); k != "" {
			return k
		}
	}
	return "⟨" + actionWords[a] + "⟩"
}

// Offers reports whether the program showing the session can carry out
// action a: a tutor that names no key for it (plain text has no use for
// background training) cannot, while a session built outside any tutor
// (nnmath print) describes every action.
func (s *Session) Offers(a Action) bool {
	return s.Keys == nil || s.Keys(a) != ""
}

// actionWords says what each action does, for a session without key names.
var actionWords = map[Action]string{
	ToggleDot: "toggle a dot", NextFace: "next face", PrevFace: "previous face",
	PointUp: "move up", PointDown: "move down", PointLeft: "move left", PointRight: "move right",
	RaiseEta: "larger η", LowerEta: "smaller η", StepDescent: "one step", RunDescent: "run to the end", PrevParam: "previous weight", NextParam: "next weight",
	PrevSlip: "previous slip", NextSlip: "next slip", OpenSlip: "open its lesson",
	PrevPixel: "previous pixel", NextPixel: "next pixel", Darken: "darker", Lighten: "lighter",
	ApplyUpdate: "apply update", UndoUpdate: "undo update", ToggleTraining: "run or pause",
	TrainFaster: "faster", TrainSlower: "slower", RestoreStart: "restore start values",
	TrainDigits: "train or pause", SwitchQuestion: "switch question",
	CanvasUp: "cursor up", CanvasDown: "cursor down", CanvasLeft: "cursor left", CanvasRight: "cursor right",
	CanvasPen: "pen down or up", CanvasErase: "erase", CanvasClear: "clear", CanvasRandom: "a test digit",
	PrevWrong: "previous wrong answer", NextWrong: "next wrong answer",
	PrevDrawing: "previous drawing", NextDrawing: "next drawing", PrevDrawingPixel: "previous pixel",
	NextDrawingPixel: "next pixel", ShadeDrawingPixel: "shade pixel", ToggleDrawingTarget: "flip target",
	AddDrawing: "add drawing", RemoveDrawing: "remove drawing", KeepTrained: "keep trained weights",
}

// Do carries out action a on the session; arg is the dot for ToggleDot and
// is ignored otherwise. It returns why an update could not be applied, and
// nil otherwise. OpenSlip is not done here: it moves to another lesson,
// which the tui does with ShowSlip.
func (s *Session) Do(a Action, arg int) error {
	switch a {
	case ToggleDot:
		s.ToggleDot(arg)
	case NextFace:
		s.StepFace(1)
	case PrevFace:
		s.StepFace(-1)
	case PointUp:
		s.MovePoint(0, 1)
	case PointDown:
		s.MovePoint(0, -1)
	case PointLeft:
		s.MovePoint(-1, 0)
	case PointRight:
		s.MovePoint(1, 0)
	case RaiseEta:
		s.ScaleEta(1)
	case LowerEta:
		s.ScaleEta(-1)
	case StepDescent:
		s.StepDescent()
	case RunDescent:
		s.RunDescent()
	case PrevParam:
		s.SelectParam(-1)
	case NextParam:
		s.SelectParam(1)
	case PrevSlip:
		s.SelectSlip(-1)
	case NextSlip:
		s.SelectSlip(1)
	case PrevPixel:
		s.SelectPixel(-1)
	case NextPixel:
		s.SelectPixel(1)
	case Darken:
		s.ShadePixel(1)
	case Lighten:
		s.ShadePixel(-1)
	case ApplyUpdate:
		return s.ApplyUpdate()
	case UndoUpdate:
		s.UndoUpdate()
	case ToggleTraining:
		s.ToggleTraining()
	case TrainFaster:
		s.TrainSpeed(1)
	case TrainSlower:
		s.TrainSpeed(-1)
	case RestoreStart:
		s.Reset()
	default:
		s.doDigits(a)
		return s.doDrawing(a)
	}
	return nil
}

// doDrawing carries out an action of the training lesson's set of
// drawings, or keeps the trained weights; it says why one could not be done.
func (s *Session) doDrawing(a Action) error {
	switch a {
	case PrevDrawing:
		s.SelectDrawing(-1)
	case NextDrawing:
		s.SelectDrawing(1)
	case PrevDrawingPixel:
		s.SelectDrawingPixel(-1)
	case NextDrawingPixel:
		s.SelectDrawingPixel(1)
	case ShadeDrawingPixel:
		s.ShadeDrawingPixel()
	case ToggleDrawingTarget:
		s.ToggleDrawingTarget()
	case AddDrawing:
		if !s.AddDrawing() {
			return errors.New("the set holds at most " + strconv.Itoa(MaxDrawings) + " drawings: remove one first")
		}
	case RemoveDrawing:
		if !s.RemoveDrawing() {
			return errors.New("the set keeps at least two drawings")
		}
	case KeepTrained:
		if !s.KeepTrained() {
			return errors.New("there are no trained weights yet: run the training first")
		}
	}
	return nil
}

// doDigits carries out an action of the digits lessons.
func (s *Session) doDigits(a Action) {
	switch a {
	case SwitchQuestion:
		s.SwitchQuestion()
	case CanvasUp:
		s.MoveCursor(0, -1)
	case CanvasDown:
		s.MoveCursor(0, 1)
	case CanvasLeft:
		s.MoveCursor(-1, 0)
	case CanvasRight:
		s.MoveCursor(1, 0)
	case CanvasPen:
		s.TogglePen()
	case CanvasErase:
		s.EraseAtCursor()
	case CanvasClear:
		s.ClearCanvas()
	case CanvasRandom:
		s.RandomTestDigit()
	case PrevWrong:
		s.StepWrong(-1)
	case NextWrong:
		s.StepWrong(1)
	}
}

// The digits lessons' actions.
const (
	TrainDigits    Action = iota + KeepTrained + 1 // start, pause or resume training on the digits (done by the tui)
	SwitchQuestion                                 // "Is it a 4?" or "Which digit?"
	CanvasUp                                       // move the canvas cursor up
	CanvasDown                                     // ... down
	CanvasLeft                                     // ... left
	CanvasRight                                    // ... right
	CanvasPen                                      // put the pen down or lift it
	CanvasErase                                    // rub out under the cursor
	CanvasClear                                    // rub out the whole drawing
	CanvasRandom                                   // a test digit on the canvas
	PrevWrong                                      // the previous test digit the network gets wrong
	NextWrong                                      // the next one
)
