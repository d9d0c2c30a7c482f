package mathcore

import "fmt"

// controlName returns the abbreviation of r when r is a character a
// terminal would act on rather than show (a C0 or C1 control, DEL or a
// bidirectional override or isolate), and "" otherwise.
func controlName(r rune) string {
	c0 := [32]string{
		"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
		"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
	}
	c1 := [32]string{
		"PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
		"DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
	}
	bidi := [...]string{"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
	switch {
	case r < 0x20:
		return c0[r]
	case r == 0x7F:
		return "DEL"
	case r >= 0x80 && r <= 0x9F:
		return c1[r-0x80]
	case r >= 0x202A && r <= 0x202E:
		return bidi[r-0x202A]
	case r >= 0x2066 && r <= 0x2069:
		return bidi[5+r-0x2066]
	}
	return ""
}

// CheckText reports the first control character in s, naming field and
// the code point, such as "name contains the control character U+001B
// (ESC)": text from a file must never reach a terminal with a character
// that moves the cursor, changes colours or the title, or reorders what
// is shown. multiline allows tab and newline.
func CheckText(field, s string, multiline bool) error {
	for _, r := range s {
		if multiline && (r == '\t' || r == '\n') {
			continue
		}
		if name := controlName(r); name != "" {
			return fmt.Errorf("%s contains the control character U+%04X (%s)", field, r, name)
		}
	}
	return nil
}

// checkTexts reports the first control character in n's name or notes.
func (n *Network) checkTexts() error {
	if err := CheckText("name", n.Name, false); err != nil {
		return err
	}
	return CheckText("notes", n.Notes, true)
}
