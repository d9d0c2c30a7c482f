// Package plain is nnmath in plain text, one line after another: the tutor
// and the quiz for a screen reader, a pipe, a script or an SSH session
// without a terminal. Nothing it writes moves the cursor, clears the
// screen or carries a colour; each step of a lesson is written once, and
// the learner answers with a line: enter for the next step, or a command
// such as "back", "menu", a lesson's number, "set w1 0.5" or "quit".
//
// A Dialog (the Tutor, the Quiz) is a pure state machine of lines in and
// text out, tested without a terminal; Run drives one over a reader and a
// writer until the learner quits, the input ends or the context is done.
package plain
