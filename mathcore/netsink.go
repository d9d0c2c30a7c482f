package mathcore

import (
	"encoding/json"
	"math"
)

// valueSink collects the values of one key of a network file as checkShape
// walks them: the numbers and strings in the order they come, and the
// length of every list, in the order the lists open.
type valueSink struct {
	nums   []float64
	counts []int
	strs   []string
	single bool // the activation was one name, not a list
	decode bool // a value that encoding/json should decode, for its message
	next   int  // the next list length to read back
	num    int  // the next number to read back
}

// openList reserves the length of a list that opens, and returns where it
// goes.
func (s *valueSink) openList() int {
	s.counts = append(s.counts, 0)
	return len(s.counts) - 1
}

// store puts the collected value of key into f, and reports false when
// encoding/json should decode the file instead (a layer size that no int
// holds, or one written with a decimal point or an exponent).
func (s *valueSink) store(f *networkFile, key string) bool {
	if s.decode {
		return false
	}
	switch key {
	case "layers":
		f.Layers = make([]int, len(s.nums))
		for i, x := range s.nums {
			if math.Abs(x) > 1<<31 {
				return false
			}
			f.Layers[i] = int(x)
		}
	case "activation":
		var raw []byte
		if s.single {
			raw, _ = json.Marshal(s.strs[0])
		} else {
			raw, _ = json.Marshal(append([]string{}, s.strs...))
		}
		f.Activation = raw
	case "loss":
		f.Loss = s.strs[0]
	case "name":
		f.Name = s.strs[0]
	case "notes":
		f.Notes = s.strs[0]
	case "learning_rate":
		x := s.nums[0]
		f.LearningRate = &x
	case "weights":
		f.Weights = make([][][]float64, s.count())
		for l := range f.Weights {
			f.Weights[l] = make([][]float64, s.count())
			for j := range f.Weights[l] {
				f.Weights[l][j] = s.list()
			}
		}
	case "biases":
		f.Biases = make([][]float64, s.count())
		for l := range f.Biases {
			f.Biases[l] = s.list()
		}
	case "inputs":
		f.Inputs = s.list()
	case "targets":
		f.Targets = s.list()
	}
	return true
}

// count reads back the length of the next list.
func (s *valueSink) count() int {
	n := s.counts[s.next]
	s.next++
	return n
}

// list reads back the next list of numbers.
func (s *valueSink) list() []float64 {
	n := s.count()
	out := make([]float64, n)
	copy(out, s.nums[s.num:s.num+n])
	s.num += n
	return out
}
