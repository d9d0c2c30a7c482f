// Package lessons turns mathcore's values into what each lesson of the tutor
// shows: steps with a formula in symbols, the numbers substituted into it and
// the result, figures drawn as plain text, and notes where the paper printed
// something else.
//
// A lesson is data plus a pure function of the session (the network, its
// trace and each lesson's own settings). The package knows no key and no
// colour: the tui package maps keys to the Session's methods and styles what
// Build returns.
package lessons
