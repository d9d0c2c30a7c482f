package mathcore

import (
	"fmt"
	"strings"
	"testing"
)

// TestControlCharactersRefused checks that every class of control
// character in every text field of a network file is refused, naming the
// field and the code point.
func TestControlCharactersRefused(t *testing.T) {
	classes := []struct {
		r    rune
		name string
	}{
		{0x00, "NUL"}, {0x07, "BEL"}, {0x0D, "CR"}, {0x1B, "ESC"}, {0x1F, "US"}, // C0
		{0x7F, "DEL"},
		{0x80, "PAD"}, {0x9B, "CSI"}, {0x9D, "OSC"}, {0x9F, "APC"}, // C1
		{0x202A, "LRE"}, {0x202E, "RLO"}, {0x2066, "LRI"}, {0x2069, "PDI"}, // bidi
	}
	fields := []struct{ field, key, pre, post string }{
		{"name", "name", `"`, `"`},
		{"notes", "notes", `"`, `"`},
		{"loss", "loss", `"half_sse`, `"`},
		{"activation", "activation", `"sigmoid`, `"`},
		{"activation[1]", "activation", `["tanh", "sigmoid`, `"]`},
	}
	for _, c := range classes {
		for _, f := range fields {
			value := fmt.Sprintf(`%s\u%04x%s`, f.pre, c.r, f.post)
			src := strings.Replace(paperJSON, `"activation": "sigmoid"`, `"activation": `+value, 1)
			if f.key != "activation" {
				src = strings.Replace(paperJSON, `"loss": "half_sse",`, "", 1)
				src = strings.Replace(src, "{", `{"`+f.key+`": `+value+", ", 1)
			}
			_, err := ParseNetwork([]byte(src))
			want := fmt.Sprintf("%s contains the control character U+%04X (%s)", f.field, c.r, c.name)
			if err == nil || err.Error() != want {
				t.Errorf("%s with U+%04X: got %v, want %q", f.field, c.r, err, want)
			}
		}
	}
}

// TestTextAllowed checks that tab and newline pass in notes, that printable
// text of any script passes everywhere, and that Validate refuses a name
// set in code.
func TestTextAllowed(t *testing.T) {
	src := strings.Replace(paperJSON, "{", `{"name": "Réseau ①, w→h", "notes": "line 1\n\tline 2 \u200f ok", `, 1)
	if _, err := ParseNetwork([]byte(src)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a\tb", "a\nb"} {
		n := Paper()
		n.Name = name
		if err := n.Validate(); err == nil || !strings.HasPrefix(err.Error(), "name contains the control character") {
			t.Errorf("name %q: %v", name, err)
		}
	}
}

// TestMaxFileSize checks that the file limit holds the largest network
// written at full precision, and that ParseNetwork refuses more.
func TestMaxFileSize(t *testing.T) {
	numbers := (MaxLayers-1)*(MaxNodes*MaxNodes+MaxNodes) + 2*MaxNodes
	longest := len(fmt.Sprint(-1.2345678901234567e-300)) + len(",\n      ")
	if MaxFileSize < numbers*longest {
		t.Errorf("MaxFileSize %d < %d numbers of %d bytes", MaxFileSize, numbers, longest)
	}
	n := randomNetwork(newRand(9), []int{MaxNodes, MaxNodes, 4}, []Activation{Sigmoid, Sigmoid}, HalfSSE, true)
	data, err := MarshalNetwork(n)
	if err != nil {
		t.Fatal(err)
	}
	if per := float64(len(data)) / float64(len(n.Params())); per > 40 {
		t.Errorf("a saved network takes %.1f bytes a number, more than the 40 MaxFileSize allows", per)
	}
	_, err = ParseNetwork(make([]byte, MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "larger than 160 MiB") {
		t.Errorf("a file past the limit: %v", err)
	}
}
