package lessons

import (
	"strconv"
)

// All returns every lesson in teaching order: the forward pass (lessons 1
// to 6), then how the network learns (7 to 14).
func All() []Lesson {
	return []Lesson{
		{ // the network drawn, and what each layer does
			ID: IDOverview, Title: "Overview",
			Summary: "the network drawn, and what each layer does",
			Build:   buildOverview,
		},
		{ // a die face written as a vector of seven numbers
			ID: IDDie, Title: "A die face as a vector",
			Summary: "seven dot positions become seven numbers",
			Actions: []Action{ToggleDot, NextFace, PrevFace},
			Build:   buildDie,
		},
		{ // the paper's 2x2 drawing read as four numbers
			ID: IDImage, Title: "An image as a vector",
			Summary: "a 2x2 drawing becomes four numbers, row by row",
			Actions: []Action{PrevPixel, NextPixel, Darken, Lighten},
			Build:   buildImage,
		},
		{ // net of every node of the first weight layer as a dot product
			ID: IDDot, Title: "Dot product",
			Summary: "weights times inputs, added up: net",
			Build:   buildDot,
		},
		{ // out = σ(net), the sigmoid's curve and slope, the paper's sign slip
			ID: IDSigmoid, Title: "Sigmoid",
			Summary: "squashing net into out, and the slope σ(1 - σ)",
			Build:   buildSigmoid,
		},
		{ // the output layer's net and out, the loss J, what the answer means
			ID: IDLoss, Title: "The output and the loss",
			Summary: "the network's answer, and how wrong it is",
			Build:   buildLoss,
		},
		{ // the slopes of f(x, y) = x^2 + y^3 along x and along y at a point
			ID: IDPartial, Title: "Partial derivatives",
			Summary: "the slope of f(x, y) = x^2 + y^3 along x and along y",
			Actions: []Action{PointUp, PointDown, PointLeft, PointRight},
			Build:   buildPartial,
		},
		{ // gradient descent on a curve of one weight
			ID: IDDescent, Title: "Gradient descent",
			Summary: "rolling downhill one step at a time; too small, good and too large steps",
			Actions: []Action{RaiseEta, LowerEta},
			Build:   buildDescent,
		},
		{ // the chain rule for the first weight into the output layer (w9)
			ID: IDChainOutput, Title: "Chain rule: output weight",
			Summary: "how the loss changes with a weight into the output: three factors",
			Build:   buildChainOutput,
		},
		{ // the chain rule for any weight or bias, w1 to start with
			ID: IDChainHidden, Title: "Chain rule: hidden weight",
			Summary: "the chain for a hidden weight, and for any weight you pick",
			Actions: []Action{PrevParam, NextParam},
			Build:   buildChainHidden,
		},
		{ // one step of gradient descent on every weight
			ID: IDUpdate, Title: "The weight update",
			Summary: "every weight steps against its own slope; the loss goes down",
			Actions: []Action{ApplyUpdate, UndoUpdate},
			Build:   buildUpdate,
		},
		{ // the update repeated, with the loss plotted over the steps
			ID: IDTraining, Title: "Training",
			Summary: "the update again and again: watch the loss fall",
			Actions: []Action{ToggleTraining, TrainFaster, TrainSlower},
			Build:   buildTraining,
		},
		{ // every number the paper printed differently from the exact one
			ID: IDSlips, Title: "The paper's slips",
			Summary: "every number the paper printed differently, and why",
			Actions: []Action{PrevSlip, NextSlip, OpenSlip},
			Build:   buildSlips,
		},
		{ // the same computation written with matrices
			ID: IDMatrix, Title: "Going further: matrix form",
			Summary: "the forward pass as W·x, gradients as outer products, the Jacobian",
			Build:   buildMatrix,
		},
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
