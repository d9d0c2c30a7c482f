package plain

import (
	"fmt"
	"strings"

	"nnmath/lessons"
)

// actionWords is the command that does each lesson action in plain text
// (a word, or a word and "back" for the second of a pair). The training
// lesson shows a whole run at once: "train" runs it again from the network
// as it is, and so does every change to its set of drawings.
var actionWords = map[lessons.Action]string{
	lessons.ToggleDot: "dot", lessons.NextFace: "face", lessons.PrevFace: "face back",
	lessons.PointUp: "up", lessons.PointDown: "down", lessons.PointLeft: "left", lessons.PointRight: "right",
	lessons.RaiseEta: "larger", lessons.LowerEta: "smaller", lessons.StepDescent: "step", lessons.RunDescent: "run",
	lessons.PrevParam: "weight back", lessons.NextParam: "weight",
	lessons.PrevSlip: "slip back", lessons.NextSlip: "slip", lessons.OpenSlip: "open",
	lessons.PrevPixel: "pixel back", lessons.NextPixel: "pixel", lessons.Darken: "darker", lessons.Lighten: "lighter",
	lessons.ApplyUpdate: "apply", lessons.UndoUpdate: "undo", lessons.ToggleTraining: "train",
	lessons.RestoreStart: "reset",
	lessons.PrevDrawing:  "drawing back", lessons.NextDrawing: "drawing",
	lessons.PrevDrawingPixel: "pixel back", lessons.NextDrawingPixel: "pixel", lessons.ShadeDrawingPixel: "shade",
	lessons.ToggleDrawingTarget: "target", lessons.AddDrawing: "add", lessons.RemoveDrawing: "remove",
	lessons.KeepTrained:    "keep",
	lessons.SwitchQuestion: "question",
	lessons.CanvasUp:       "up", lessons.CanvasDown: "down", lessons.CanvasLeft: "left", lessons.CanvasRight: "right",
	lessons.CanvasPen: "pen", lessons.CanvasErase: "erase", lessons.CanvasClear: "clear",
	lessons.CanvasRandom: "sample", lessons.PrevWrong: "wrong back", lessons.NextWrong: "wrong",
}

// noCommand are the actions plain text has no use for: a plain page
// shows a whole training run at once, at no speed. Training on the
// digits runs in the background of the full-screen tutor, reporting as it
// goes; in plain text it is nnmath digits train.
var noCommand = map[lessons.Action]bool{lessons.TrainFaster: true, lessons.TrainSlower: true, lessons.TrainDigits: true}

// actionCommand names the command of action a for a hint in a lesson's
// text: "“apply”"; "" for an action with no command.
func actionCommand(a lessons.Action) string {
	if w, ok := actionWords[a]; ok {
		return "“" + w + "”"
	}
	return ""
}

// actions returns the commands of the current lesson's actions, with reset.
func (t *Tutor) actions() []string {
	var out []string
	for _, a := range t.all[t.lesson].Actions {
		if w, ok := actionWords[a]; ok {
			if a == lessons.ToggleDot {
				w = "dot a to g"
			}
			out = append(out, w)
		}
	}
	return append(out, "reset")
}

// action returns the action of the current lesson whose command starts
// with word ("weight" and "weight back" both start with "weight": the
// rest of the line tells them apart in do).
func (t *Tutor) action(word string) (lessons.Action, bool) {
	if word == "reset" {
		return lessons.RestoreStart, true
	}
	for _, a := range t.all[t.lesson].Actions {
		if w, ok := actionWords[a]; ok && w == word {
			return a, true
		}
	}
	return 0, false
}

// do carries out action a with the rest of the line, and writes the page
// as it is afterwards.
func (t *Tutor) do(b *strings.Builder, a lessons.Action, rest string) {
	arg := 0
	switch {
	case rest == "back":
		if back, ok := backOf[a]; ok {
			a = back
		} else {
			line(b, fmt.Sprintf("%q takes no %q.", actionWords[a], rest))
			return
		}
	case a == lessons.ToggleDot:
		if len(rest) != 1 || rest[0] < 'a' || rest[0] > 'g' {
			line(b, "Name the dot, a to g: such as dot c.")
			return
		}
		arg = int(rest[0] - 'a')
	case rest != "":
		line(b, fmt.Sprintf("%q takes nothing after it.", actionWords[a]))
		return
	}
	switch a {
	case lessons.OpenSlip:
		id, steps := t.s.ShowSlip()
		i, _ := lessons.Find(t.all, id)
		t.lesson = i
		t.build()
		t.shown = min(steps, len(t.page.Steps))
		t.writeLesson(b)
		if t.shown > 0 {
			writeStep(b, t.page, t.shown)
		}
		return
	case lessons.ToggleTraining:
		t.s.TrainToEnd()
		t.build()
		t.again(b)
		return
	}
	if err := t.s.Do(a, arg); err != nil {
		line(b, fmt.Sprintf("Not done: %v.", err))
		return
	}
	if t.all[t.lesson].ID == lessons.IDTraining && a != lessons.KeepTrained && a != lessons.RestoreStart {
		t.s.TrainToEnd() // the set changed: the page shows the run on it
	}
	t.build()
	t.again(b)
}

// backOf is the action that undoes the forward action of a pair.
var backOf = map[lessons.Action]lessons.Action{
	lessons.NextFace: lessons.PrevFace, lessons.NextParam: lessons.PrevParam,
	lessons.NextSlip: lessons.PrevSlip, lessons.NextPixel: lessons.PrevPixel,
	lessons.NextDrawing: lessons.PrevDrawing, lessons.NextDrawingPixel: lessons.PrevDrawingPixel,
	lessons.NextWrong: lessons.PrevWrong,
}
