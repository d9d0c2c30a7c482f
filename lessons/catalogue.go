package lessons

import (
	"nnmath/mnist"
	"strconv"
)

// All returns every lesson in teaching order: the forward pass (lessons 1
// to 6), then how the network learns (7 to 14), then the same math on
// 70,000 handwritten digits (15 to 17).
func All() []Lesson {
	return []Lesson{
		{ID: IDOverview, Title: "Overview", Build: buildOverview,
			Summary: "the network drawn, and what each layer does"},
		{ID: IDDie, Title: "A die face as a vector", Build: buildDie,
			Summary: "seven dot positions become seven numbers",
			Actions: []Action{ToggleDot, NextFace, PrevFace}},
		{ID: IDImage, Title: "An image as a vector", Build: buildImage,
			Summary: "a 2x2 drawing becomes four numbers, row by row",
			Actions: []Action{PrevPixel, NextPixel, Darken, Lighten}},
		{ID: IDDot, Title: "Dot product", Build: buildDot,
			Summary: "weights times inputs, added up: net"},
		{ID: IDSigmoid, Title: "Sigmoid", Build: buildSigmoid,
			Summary: "squashing net into out, and the slope σ(1 - σ)"},
		{ID: IDLoss, Title: "The output and the loss", Build: buildLoss,
			Summary: "the network's answer, and how wrong it is"},
		{ID: IDPartial, Title: "Partial derivatives", Build: buildPartial,
			Summary: "the slope of f(x, y) = x^2 + y^3 along x and along y",
			Actions: []Action{PointUp, PointDown, PointLeft, PointRight}},
		{ID: IDDescent, Title: "Gradient descent", Build: buildDescent,
			Summary: "rolling downhill one step at a time; too small, good and too large steps",
			Actions: []Action{StepDescent, RunDescent, RaiseEta, LowerEta}},
		{ID: IDChainOutput, Title: "Chain rule: output weight", Build: buildChainOutput,
			Summary: "how the loss changes with a weight into the output: three factors"},
		{ID: IDChainHidden, Title: "Chain rule: hidden weight", Build: buildChainHidden,
			Summary: "the chain for a hidden weight, and for any weight you pick",
			Actions: []Action{PrevParam, NextParam}},
		{ID: IDBackward, Title: "Backpropagation: the backward pass", Build: buildBackward,
			Summary: "δ at each node from right to left, every gradient as δ × out, and the work it saves",
			Actions: []Action{PrevParam, NextParam}},
		{ID: IDUpdate, Title: "The weight update", Build: buildUpdate,
			Summary: "every weight steps against its own slope; the loss goes down",
			Actions: []Action{ApplyUpdate, UndoUpdate}},
		{ID: IDTraining, Title: "Training", Build: buildTraining,
			Summary: "the update again and again on a set of drawings: watch the loss fall",
			Actions: []Action{ToggleTraining, TrainFaster, TrainSlower, PrevDrawing, NextDrawing, PrevDrawingPixel,
				NextDrawingPixel, ShadeDrawingPixel, ToggleDrawingTarget, AddDrawing, RemoveDrawing, KeepTrained}},
		{ID: IDSlips, Title: "The paper's slips", Build: buildSlips,
			Summary: "every number the paper printed differently, and why",
			Actions: []Action{PrevSlip, NextSlip, OpenSlip}},
		{ID: IDMatrix, Title: "Going further: matrix form", Build: buildMatrix,
			Summary: "the forward pass as W·x, gradients as outer products, the Jacobian"},
		{ID: IDDigitsIntro, Title: "From 2x2 to 28x28", Build: buildDigitsIntro,
			Summary: "a real handwritten 4 as " + strconv.Itoa(mnist.Pixels) + " inputs: the same forward pass and chain"},
		{ID: IDDigitsTraining, Title: "Training on " + thousands(mnist.TrainSize) + " digits", Build: buildDigitsTraining,
			Summary: "the same math on real handwriting, live: loss, test figures, hidden nodes",
			Actions: []Action{TrainDigits, SwitchQuestion}},
		{ID: IDDigitsAsk, Title: "Ask it", Build: buildDigitsAsk,
			Summary: "draw a digit and ask the network; browse the test digits it gets wrong",
			Actions: []Action{CanvasUp, CanvasDown, CanvasLeft, CanvasRight, CanvasPen, CanvasErase, CanvasClear,
				CanvasRandom, PrevWrong, NextWrong, SwitchQuestion}},
	}
}

// Find returns the index of the lesson whose ID or number (1-based) is key.
func Find(all []Lesson, key string) (int, bool) {
	for i, l := range all {
		if l.ID == key || strconv.Itoa(i+1) == key {
			return i, true
		}
	}
	return 0, false
}

// lessonName names the lesson with the given ID as the menu does:
// "lesson 9, Chain rule: output weight".
func lessonName(id string) string {
	all := All()
	i, _ := Find(all, id)
	return "lesson " + strconv.Itoa(i+1) + ", " + all[i].Title
}

// lessonNumber names the lesson with the given ID by its number only:
// "lesson 10".
func lessonNumber(id string) string {
	i, _ := Find(All(), id)
	return "lesson " + strconv.Itoa(i+1)
}
