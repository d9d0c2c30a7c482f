package mathcore

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// tokenSeeds are JSON texts, well formed and not, that the token reader
// must read as encoding/json's Decoder.Token does.
var tokenSeeds = []string{
	`{"layers": [4, 2, 1], "weights": [[[0.4, -1e-3]], [[2.5E2]]], "name": "a \"b\" \u00e9", "x": [true, false, null]}`,
	`[]`, `{}`, `[[],[{}]]`, ` 1 `, `"s"`, `-0.5e+7`,
	`[1 2]`, `[1,]`, `{"a" 1}`, `{"a":}`, `{,}`, `[01]`, `[1.]`, `[.5]`, `[-]`, `[1e]`, `{"a":1,}`, `[}`, `{]`,
	`["a\q"]`, "[\"a\x01\"]", `[nul]`, `[tru]`, `{"a":1}{"b":2}`, `[1]x`, "[\"\xff\"]", `{"a":[1,{"b":[2]}],"c":"d"}`,
}

// decoderTokens reads the tokens of data's first value with encoding/json,
// and whether it met an error before that value ended.
func decoderTokens(data []byte) ([]json.Token, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return readTokens(dec.Token)
}

func readerTokens(data []byte) ([]json.Token, bool) {
	r := newTokenReader(data)
	return readTokens(r.Token)
}

// readTokens reads one whole value with next, or up to its first error.
func readTokens(next func() (json.Token, error)) ([]json.Token, bool) {
	var out []json.Token
	depth := 0
	for {
		tok, err := next()
		if err != nil {
			return out, true
		}
		out = append(out, tok)
		if d, ok := tok.(json.Delim); ok {
			if d == '[' || d == '{' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return out, false
		}
	}
}

func checkSameTokens(t *testing.T, data []byte) {
	want, wantErr := decoderTokens(data)
	got, gotErr := readerTokens(data)
	if wantErr != gotErr || !reflect.DeepEqual(got, want) {
		t.Errorf("%q: reader %v (error %v), encoding/json %v (error %v)", data, got, gotErr, want, wantErr)
	}
}

func TestTokenReaderMatchesDecoder(t *testing.T) {
	for _, s := range tokenSeeds {
		checkSameTokens(t, []byte(s))
	}
}

func FuzzTokenReader(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSameTokens(t, data) })
}

// fileSeeds are network files, valid and not, that the one-pass reading of
// checkShape must read as encoding/json decodes them.
var fileSeeds = []string{
	paperJSON,
	`{"layers":[1,1],"weights":[[[2]]],"biases":[[0.5]],"inputs":[1],"targets":[0],"learning_rate":0.25,"name":"n","notes":"a\nb"}`,
	`{"layers":[2,2,2],"activation":["tanh","relu"],"loss":"mse","weights":[[[1,2],[3,4]],[[5,6],[7,8]]],"inputs":[1,2],"targets":[0,1]}`,
	`{"layers":[2,1],"activation":"linear","weights":[[[-0,1e-3]]],"inputs":[],"targets":[1E2]}`,
	`{"activation":[],"layers":[],"weights":[],"inputs":[1],"targets":[1]}`,
	`{"layers":[2,1],"weights":[[[1,2]]],"inputs":[1,2],"targets":[1],"name":"\u00e9\"<&>"} `,
}

// checkOnePass compares the file checkShape collects with what
// encoding/json decodes, wherever checkShape collects one.
func checkOnePass(t *testing.T, data []byte) {
	got, err := checkShape(data)
	if err != nil {
		return
	}
	want, werr := decodeNetworkFile(data)
	if werr != nil {
		t.Fatalf("%q: read in one pass, but encoding/json says %v", data, werr)
	}
	var ga, wa any
	json.Unmarshal(got.Activation, &ga)
	json.Unmarshal(want.Activation, &wa)
	got.Activation, want.Activation = nil, nil
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(ga, wa) {
		t.Errorf("%q: one pass read %+v (activation %v), encoding/json %+v (activation %v)", data, got, ga, want, wa)
	}
}

func TestOnePassMatchesDecoder(t *testing.T) {
	for _, s := range append(fileSeeds, tokenSeeds...) {
		checkOnePass(t, []byte(s))
	}
}

func FuzzOnePass(f *testing.F) {
	for _, s := range fileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkOnePass(t, data) })
}
