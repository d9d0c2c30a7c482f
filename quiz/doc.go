// Package quiz generates the questions of nnmath's quiz, runs a quiz as a
// pure state machine (answer, hint, next) and keeps the learner's history.
//
// Without a network of the learner's own, every question draws a fresh
// 4-2-1 sigmoid network whose numbers have one or two decimals, so that it
// can be worked by hand; a seed makes the whole sequence repeatable. A
// question asks for one quantity of the judge's catalogue (such as out_h1,
// J or dJ/dw9) and first for the values it is computed from, so that an
// early slip is carried forward instead of punished again at every step.
//
// Everything here is pure except history.go, which reads and appends the
// history file.
package quiz
