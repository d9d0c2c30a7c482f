package mathcore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// networkFile is the JSON form of a Network.
type networkFile struct {
	Layers       []int           `json:"layers"`
	Activation   json.RawMessage `json:"activation,omitempty"`
	Loss         string          `json:"loss,omitempty"`
	Weights      [][][]float64   `json:"weights"`
	Biases       [][]float64     `json:"biases,omitempty"`
	Inputs       []float64       `json:"inputs"`
	Targets      []float64       `json:"targets"`
	LearningRate *float64        `json:"learning_rate,omitempty"`
	Name         string          `json:"name,omitempty"`
	Notes        string          `json:"notes,omitempty"`
}

// DefaultLearningRate is the learning rate of a network file that names none.
const DefaultLearningRate = 0.1

// MaxFileSize is the largest network file ParseNetwork reads, in bytes
// (160 MiB). The largest network allowed, MaxInputs inputs and then
// MaxLayers-1 layers of MaxNodes nodes, holds 4,080,400 numbers (weights,
// biases, inputs and targets); at 40 bytes a number (24 for a float64
// written with all 17 significant digits and an exponent, 16 for
// separators, line breaks and indentation) it takes 163 MB. Readers should
// stop reading at this size.
const MaxFileSize = 160 << 20

// ParseNetwork reads a network from its JSON form: one object with the keys
// layers, activation (one name, or one per weight layer; default sigmoid),
// loss (half_sse or mse; default half_sse), weights, biases (optional),
// inputs, targets, learning_rate (default 0.1), name and notes. Unknown
// keys are an error. Errors name the field and, for malformed JSON, the line.
func ParseNetwork(data []byte) (*Network, error) {
	if len(data) > MaxFileSize {
		return nil, FileTooLarge()
	}
	file, err := checkShape(data)
	if err == errMalformed || err == errDecode {
		file, err = decodeNetworkFile(data)
	}
	if err != nil {
		return nil, err
	}
	f := *file
	switch {
	case f.Layers == nil:
		return nil, errors.New("layers is missing: list the size of every layer, such as [4, 2, 1]")
	case f.Weights == nil:
		return nil, errors.New("weights is missing: weights[l][j][i] is the weight from node i of layer l to node j of layer l+1")
	case f.Inputs == nil:
		return nil, errors.New("inputs is missing: give one value per input node")
	case f.Targets == nil:
		return nil, errors.New("targets is missing: give one wanted value per output node")
	}
	if err := checkFileTexts(&f); err != nil {
		return nil, err
	}
	n := &Network{
		Sizes:        f.Layers,
		Weights:      f.Weights,
		Biases:       f.Biases,
		Inputs:       f.Inputs,
		Targets:      f.Targets,
		LearningRate: DefaultLearningRate,
		Name:         f.Name,
		Notes:        f.Notes,
	}
	if f.LearningRate != nil {
		n.LearningRate = *f.LearningRate
	}
	if f.Loss != "" {
		l, err := ParseLoss(f.Loss)
		if err != nil {
			return nil, fmt.Errorf("loss: %w", err)
		}
		n.Loss = l
	}
	if len(f.Layers) < 2 {
		return nil, n.Validate()
	}
	acts, err := parseActivations(f.Activation, len(f.Layers)-1)
	if err != nil {
		return nil, err
	}
	n.Activations = acts
	if err := n.Validate(); err != nil {
		return nil, err
	}
	return n, nil
}

// decodeNetworkFile decodes data with encoding/json, for the messages it
// gives about a file that is not well formed.
func decodeNetworkFile(data []byte) (*networkFile, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f networkFile
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("line %d: unexpected data after the network object", lineOf(data, dec.InputOffset()))
	}
	return &f, nil
}

func parseActivations(raw json.RawMessage, layers int) ([]Activation, error) {
	names := make([]string, layers)
	for i := range names {
		names[i] = Sigmoid.String()
	}
	list := false
	if len(raw) > 0 {
		var one string
		if err := json.Unmarshal(raw, &one); err == nil {
			for i := range names {
				names[i] = one
			}
		} else if err := json.Unmarshal(raw, &names); err != nil {
			return nil, errors.New("activation must be a name such as \"sigmoid\" or a list with one name per weight layer")
		} else if list = true; len(names) != layers {
			return nil, fmt.Errorf("activation has %d names but the network has %d weight layers", len(names), layers)
		}
	}
	acts := make([]Activation, len(names))
	for i, name := range names {
		field := "activation"
		if list {
			field = fmt.Sprintf("activation[%d]", i)
		}
		if err := CheckText(field, name, false); err != nil {
			return nil, err
		}
		a, err := ParseActivation(name)
		if err != nil {
			if list {
				return nil, fmt.Errorf("activation[%d]: %w", i, err)
			}
			return nil, fmt.Errorf("activation: %w", err)
		}
		acts[i] = a
	}
	return acts, nil
}

// checkFileTexts reports the first control character in the text fields
// of f other than the activation names, which parseActivations checks.
func checkFileTexts(f *networkFile) error {
	if err := CheckText("name", f.Name, false); err != nil {
		return err
	}
	if err := CheckText("notes", f.Notes, true); err != nil {
		return err
	}
	return CheckText("loss", f.Loss, false)
}

// FileTooLarge returns the error for a network file longer than MaxFileSize.
func FileTooLarge() error {
	return fmt.Errorf("the file is larger than %d MiB, more than the largest network (%d inputs, then %d layers of %d nodes) needs: it is not a network file",
		MaxFileSize>>20, MaxInputs, MaxLayers-1, MaxNodes)
}

// jsonError turns a decoding error into a message that names the line or field.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: malformed JSON: %v", lineOf(data, syn.Offset), syn)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the file"
		}
		return fmt.Errorf("line %d: %s must be %s, not %s", lineOf(data, typ.Offset), field, describeType(typ.Type.String()), typ.Value)
	case errors.Is(err, io.EOF):
		return errors.New("the file is empty: it should hold one JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends too early: a bracket or brace is not closed")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("unknown field %s (the fields are %s)", name, fileFieldNames)
	}
	return err
}

func describeType(t string) string {
	switch t {
	case "float64", "*float64":
		return "a number"
	case "int":
		return "a whole number"
	case "string":
		return "a string"
	}
	depth := strings.Count(t, "[]")
	if strings.HasSuffix(t, "int") {
		return "a list of whole numbers"
	}
	if depth > 0 {
		return strings.Repeat("a list of ", depth) + "numbers"
	}
	return "an object"
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// MarshalNetwork returns n in the JSON form ParseNetwork reads, one key per
// line, so that a saved file is easy to read and edit by hand.
func MarshalNetwork(n *Network) ([]byte, error) {
	type kv struct {
		key string
		val any
	}
	var act any = n.Activations[0].String()
	for _, a := range n.Activations[1:] {
		if a != n.Activations[0] {
			names := make([]string, len(n.Activations))
			for i, a := range n.Activations {
				names[i] = a.String()
			}
			act = names
			break
		}
	}
	fields := []kv{
		{"layers", n.Sizes},
		{"activation", act},
		{"loss", n.Loss.String()},
		{"weights", n.Weights},
	}
	if n.Biases != nil {
		fields = append(fields, kv{"biases", n.Biases})
	}
	fields = append(fields,
		kv{"inputs", n.Inputs},
		kv{"targets", n.Targets},
		kv{"learning_rate", n.LearningRate})
	if n.Name != "" {
		fields = append(fields, kv{"name", n.Name})
	}
	if n.Notes != "" {
		fields = append(fields, kv{"notes", n.Notes})
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, f := range fields {
		v, err := json.Marshal(f.val)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", f.key, err)
		}
		fmt.Fprintf(&b, "  %q: %s", f.key, v)
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
