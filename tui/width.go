package tui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// textWidth is the number of terminal columns s takes, as ansi.StringWidth
// counts them. Lesson text is mostly printable ASCII, Latin and Greek
// letters, arrows, math symbols and block and box drawing characters, each
// one column wide and never joined into a larger grapheme: those are
// counted here without segmenting graphemes, which is what made relaying a
// page out expensive, and the colour sequences (CSI) that style them take
// no column. A string holding anything else (another escape sequence, a
// combining mark, a wide or joining character) is measured by
// ansi.StringWidth.
func textWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0x1b {
				end := csiEnd(s, i)
				if end < 0 {
					return ansi.StringWidth(s)
				}
				i = end
				continue
			}
			if c < 0x20 || c == 0x7f {
				return ansi.StringWidth(s)
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !narrowRune(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// narrowRune reports whether r is one column wide and starts a grapheme of
// its own whatever follows it, as long as what follows is also narrow.
func narrowRune(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x2ff: // Latin-1 and Latin Extended, no soft hyphen
		return r != 0xad
	case r >= 0x370 && r <= 0x3ff: // Greek
		return r != 0x378 && r != 0x379 && (r < 0x380 || r > 0x383) && r != 0x38b && r != 0x38d && r != 0x3a2
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e: // punctuation: dashes, quotes, bullets, primes
		return true
	case r >= 0x2070 && r <= 0x209c: // superscripts and subscripts
		return r != 0x2072 && r != 0x2073 && r != 0x208f
	case r >= 0x2190 && r <= 0x21ff, r >= 0x2200 && r <= 0x22ff: // arrows, math operators
		return true
	case r >= 0x2500 && r <= 0x25ff: // box drawing, block elements, geometric shapes but two emoji
		return r != 0x25fd && r != 0x25fe
	case r >= 0x2800 && r <= 0x28ff: // braille patterns
		return true
	}
	return false
}

// csiEnd returns the index just past the control sequence (ESC [ parameters
// intermediates final) that starts at s[i], or -1 when s[i:] starts no
// complete one.
func csiEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return -1
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1
	}
	return -1
}
