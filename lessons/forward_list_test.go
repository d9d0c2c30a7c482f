package lessons

import (
	"unicode"
	"unicode/utf8"
)

// fwdWidth returns the display width of a line of plain text: one column per
// rune, two for East Asian wide runes, none for combining marks. The
// figures use only narrow runes (box drawing, braille, shades, ● ◆ ·), so
// this matches a terminal.
func fwdWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError, unicode.Is(unicode.Mn, r):
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
			(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1f300 && r <= 0x1faff) || (r >= 0x20000 && r <= 0x3fffd)):
			w += 2
		default:
			w++
		}
	}
	return w
}
