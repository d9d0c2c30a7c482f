package mathcore

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// tokenReader reads the tokens of a JSON text one at a time, as
// json.Decoder.Token does (delimiters, strings, json.Number, bools and nil,
// with commas and colons checked and skipped), but without the decoder's
// cost per token, which on a file of a quarter of a million weights was
// most of the time taken to load it.
type tokenReader struct {
	data  []byte
	pos   int
	stack []byte // the open containers, '[' or '{'
	state tokenState
}

// tokenState says what may come next.
type tokenState int

const (
	tokValue      tokenState = iota // a value
	tokValueOrEnd                   // a value or ']', just after '['
	tokCommaOrEnd                   // ',' or the end of the open container
	tokKeyOrEnd                     // a key or '}', just after '{'
	tokKey                          // a key, after ',' in an object
	tokColon                        // ':' then a value, after a key
	tokDone                         // the top-level value is complete
)

// errSyntax is any JSON syntax error; the caller reports it by decoding.
var errSyntax = errors.New("mathcore: JSON syntax error")

func newTokenReader(data []byte) *tokenReader { return &tokenReader{data: data} }

// InputOffset returns the offset just after the last token read.
func (r *tokenReader) InputOffset() int64 { return int64(r.pos) }

// More reports whether another element follows in the open list or object.
func (r *tokenReader) More() bool {
	r.skipSpace()
	return r.pos < len(r.data) && r.data[r.pos] != ']' && r.data[r.pos] != '}'
}

// Token returns the next token.
func (r *tokenReader) Token() (json.Token, error) {
	r.skipSpace()
	if r.pos >= len(r.data) {
		return nil, errSyntax
	}
	c := r.data[r.pos]
	switch r.state {
	case tokDone:
		return nil, errSyntax
	case tokCommaOrEnd, tokValueOrEnd, tokKeyOrEnd:
		if end := r.closer(); end != 0 && c == end {
			r.pos++
			r.stack = r.stack[:len(r.stack)-1]
			r.afterValue()
			return json.Delim(c), nil
		}
		switch r.state {
		case tokValueOrEnd:
			return r.readValue(c)
		case tokKeyOrEnd:
			r.state = tokKey
			return r.Token()
		}
		if c != ',' {
			return nil, errSyntax
		}
		r.pos++
		r.state = tokValue
		if r.closer() == '}' {
			r.state = tokKey
		}
		return r.Token()
	case tokKey:
		if c != '"' {
			return nil, errSyntax
		}
		s, err := r.readString()
		r.state = tokColon
		return s, err
	case tokColon:
		if c != ':' {
			return nil, errSyntax
		}
		r.pos++
		r.state = tokValue
		return r.Token()
	}
	return r.readValue(c)
}

// closer returns the byte that closes the open container, or 0 at the top.
func (r *tokenReader) closer() byte {
	switch {
	case len(r.stack) == 0:
		return 0
	case r.stack[len(r.stack)-1] == '[':
		return ']'
	}
	return '}'
}

// readValue reads the value that starts with c.
func (r *tokenReader) readValue(c byte) (json.Token, error) {
	switch {
	case c == '{' || c == '[':
		r.pos++
		r.stack = append(r.stack, c)
		r.state = tokValueOrEnd
		if c == '{' {
			r.state = tokKeyOrEnd
		}
		return json.Delim(c), nil
	case c == '"':
		s, err := r.readString()
		r.afterValue()
		return s, err
	case c == '-' || c >= '0' && c <= '9':
		n, err := r.readNumber()
		r.afterValue()
		return n, err
	}
	for _, lit := range []struct {
		text string
		tok  json.Token
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(r.data)-r.pos >= len(lit.text) && string(r.data[r.pos:r.pos+len(lit.text)]) == lit.text {
			r.pos += len(lit.text)
			r.afterValue()
			return lit.tok, nil
		}
	}
	return nil, errSyntax
}

// afterValue sets what may follow a complete value.
func (r *tokenReader) afterValue() {
	r.state = tokCommaOrEnd
	if len(r.stack) == 0 {
		r.state = tokDone
	}
}

// readString reads a string token, unescaping it when it holds escapes.
func (r *tokenReader) readString() (string, error) {
	start := r.pos
	escaped := false
	for i := start + 1; i < len(r.data); i++ {
		switch c := r.data[i]; {
		case c == '\\':
			escaped = true
			i++
		case c == '"':
			r.pos = i + 1
			raw := r.data[start:r.pos]
			if !escaped && utf8.Valid(raw) {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", errSyntax
			}
			return s, nil
		case c < 0x20:
			return "", errSyntax
		}
	}
	return "", errSyntax
}

// readNumber reads a number token by the JSON grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func (r *tokenReader) readNumber() (json.Number, error) {
	start, i := r.pos, r.pos
	digits := func() int {
		n := 0
		for i < len(r.data) && r.data[i] >= '0' && r.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if r.data[i] == '-' {
		i++
	}
	if i < len(r.data) && r.data[i] == '0' {
		i++
	} else if digits() == 0 {
		return "", errSyntax
	}
	if i < len(r.data) && r.data[i] == '.' {
		i++
		if digits() == 0 {
			return "", errSyntax
		}
	}
	if i < len(r.data) && (r.data[i] == 'e' || r.data[i] == 'E') {
		i++
		if i < len(r.data) && (r.data[i] == '+' || r.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			return "", errSyntax
		}
	}
	r.pos = i
	return json.Number(r.data[start:i]), nil
}

// skipSpace moves past JSON white space.
func (r *tokenReader) skipSpace() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}
