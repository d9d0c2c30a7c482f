// Package tui is nnmath's terminal interface: the frame every lesson lives in
// (header, body, help bar), the keys, focus, layout and styles, and the
// plain-text rendering that `nnmath print` shares with the screen.
package tui
