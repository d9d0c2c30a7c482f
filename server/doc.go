// Package server serves the tutor to a class over SSH (`nnmath serve`):
// one tutor program per SSH session, sized to the session's terminal, each
// student known by the SHA256 fingerprint of their key, their quiz history
// kept in the class directory (package classroom).
//
// Only the tutor is served: a command, a subsystem (sftp), a session
// without a terminal and every kind of forwarding are refused, each with
// a log line and, where SSH lets the server speak, a message. Every
// session owns its own tutor model, network and quiz; the server's own
// state (the sessions it runs) lives in a Server value, never in a
// package variable, so that tests may run several servers in one process.
package server
