package tui

import "charm.land/bubbles/v2/textinput"

// newTextInput returns a text field with delete-word-forward (alt+d,
// alt+delete, ctrl+delete) turned off: in bubbles v2.2.1 it indexes past the
// end of the value when the cursor is on the last character, and panics
// (charmbracelet/bubbles#1056).
func newTextInput() textinput.Model {
	t := textinput.New()
	safeTextInput(&t)
	return t
}

// safeTextInput turns off delete-word-forward in t (see newTextInput).
func safeTextInput(t *textinput.Model) {
	t.KeyMap.DeleteWordForward.SetEnabled(false)
}
