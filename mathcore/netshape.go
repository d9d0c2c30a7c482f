package mathcore

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// fileField is what one key of a network file holds: lists nested depth
// deep of leaf values ("number", "whole number" or "string").
type fileField struct {
	depth int
	leaf  string
}

// fileFields are the keys of a network file and what each holds; the
// activation may also be a single name (see checkValue).
var fileFields = map[string]fileField{
	"layers":        {1, "whole number"},
	"activation":    {1, "string"},
	"loss":          {0, "string"},
	"weights":       {3, "number"},
	"biases":        {2, "number"},
	"inputs":        {1, "number"},
	"targets":       {1, "number"},
	"learning_rate": {0, "number"},
	"name":          {0, "string"},
	"notes":         {0, "string"},
}

// fileFieldNames lists the keys in the order the file format documents them.
const fileFieldNames = "layers, activation, loss, weights, biases, inputs, targets, learning_rate, name, notes"

// errMalformed stops the shape check where the JSON itself is broken: the
// decoder then reports the line and what is wrong.
var errMalformed = errors.New("malformed JSON")

// checkShape walks the tokens of a network file and reports, by the path of
// the value ("weights[0][1]", "inputs[2]"), what encoding/json would let
// pass silently or explain poorly: a null, a key given twice, a key in the
// wrong case, a value of the wrong kind, a number too large to hold. It
// returns errMalformed when the JSON is not well formed. On the way it
// collects the file's values: when the file passes, it returns them, so
// that a wide network is read in one pass; it returns errDecode instead
// where encoding/json should decode the file to word its complaint (data
// after the object, a layer size too large for an int).
func checkShape(data []byte) (*networkFile, error) {
	dec := newTokenReader(data)
	at := func(err error) error {
		return fmt.Errorf("line %d: %w", lineOf(data, dec.InputOffset()), err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, errMalformed
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, at(fmt.Errorf("the file must hold one JSON object {...}, not %s", describeToken(tok)))
	}
	seen := map[string]bool{}
	var file networkFile
	var sink valueSink
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, errMalformed
		}
		key, _ := tok.(string)
		f, known := fileFields[key]
		if !known {
			for name := range fileFields {
				if strings.EqualFold(name, key) {
					return nil, at(fmt.Errorf("unknown field %q: field names are lower case, write %q", key, name))
				}
			}
			return nil, at(fmt.Errorf("unknown field %q (the fields are %s)", key, fileFieldNames))
		}
		if seen[key] {
			return nil, at(fmt.Errorf("%s is given twice: keep one", key))
		}
		seen[key] = true
		sink = valueSink{nums: sink.nums[:0], counts: sink.counts[:0], strs: sink.strs[:0]}
		if err := checkValue(dec, valuePath{key: key}, f.depth, f.leaf, key == "activation", &sink); err != nil {
			if err == errMalformed {
				return nil, err
			}
			return nil, at(err)
		}
		if !sink.store(&file, key) {
			return nil, errDecode
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, errMalformed
	}
	if dec.skipSpace(); dec.pos < len(data) {
		return nil, errDecode
	}
	return &file, nil
}

// errDecode asks ParseNetwork to decode the file with encoding/json, whose
// messages name what is wrong.
var errDecode = errors.New("decode with encoding/json")

// valuePath is where a value stands in the file: a key and the indices into
// its lists. It is written out ("weights[0][1][2]") only for a message, so
// that walking a large file builds no string per value.
type valuePath struct {
	key string
	idx []int
}

// String writes the path as the file reads it: "weights[0][1][2]".
func (p valuePath) String() string {
	b := []byte(p.key)
	for _, i := range p.idx {
		b = append(strconv.AppendInt(append(b, '['), int64(i), 10), ']')
	}
	return string(b)
}

// at returns the path of element i of the list at p.
func (p valuePath) at(i int) valuePath { return valuePath{key: p.key, idx: append(p.idx, i)} }

// checkValue reads one value of lists nested depth deep of leaf values at
// path; orOne also accepts a single leaf value in place of the list.
func checkValue(dec *tokenReader, path valuePath, depth int, leaf string, orOne bool, sink *valueSink) error {
	tok, err := dec.Token()
	if err != nil {
		return errMalformed
	}
	want := func() string {
		switch {
		case orOne:
			return `a name such as "sigmoid" or a list of names, one per weight layer`
		case depth > 0:
			return "a list of " + strings.Repeat("lists of ", depth-1) + leaf + "s"
		}
		return "a " + leaf
	}
	if tok == nil {
		return fmt.Errorf("%s is null: give %s", path, want())
	}
	if d, ok := tok.(json.Delim); ok && d == '[' && depth > 0 {
		at := sink.openList()
		i := 0
		for ; dec.More(); i++ {
			if err := checkValue(dec, path.at(i), depth-1, leaf, false, sink); err != nil {
				return err
			}
		}
		sink.counts[at] = i
		if _, err := dec.Token(); err != nil { // the closing ]
			return errMalformed
		}
		return nil
	}
	if depth > 0 && !orOne {
		return fmt.Errorf("%s must be %s, not %s", path, want(), describeToken(tok))
	}
	if orOne {
		sink.single = true
	}
	return checkLeaf(tok, path, leaf, want, sink)
}

// checkLeaf checks one number or string; want describes what belongs there.
func checkLeaf(tok json.Token, path valuePath, leaf string, want func() string, sink *valueSink) error {
	switch v := tok.(type) {
	case json.Number:
		if leaf == "string" {
			break
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil || math.IsInf(x, 0) {
			return fmt.Errorf("%s is %s, too large to be a number here (at most about 1.8e308)", path, v)
		}
		if leaf == "whole number" && x != math.Trunc(x) {
			return fmt.Errorf("%s must be a whole number, not %s", path, v)
		}
		if leaf == "whole number" && strings.ContainsAny(string(v), ".eE") {
			sink.decode = true // 1.0 or 1e2: encoding/json words why it is no int
		}
		sink.nums = append(sink.nums, x)
		return nil
	case string:
		if leaf == "string" {
			sink.strs = append(sink.strs, v)
			return nil
		}
	}
	return fmt.Errorf("%s must be %s, not %s", path, want(), describeToken(tok))
}

// describeToken names a JSON value for an error message.
func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object {...}"
		}
		return "a list [...]"
	case string:
		return "the text " + strconv.Quote(v)
	case json.Number:
		return "the number " + string(v)
	case bool:
		return "the value " + strconv.FormatBool(v)
	}
	return "null"
}
