package lessons

import (
	"strconv"

	"nnmath/mathcore"
)

// This file checks the arithmetic a step shows against its result. Every
// number is rounded to the session's significant figures, so the rounded terms of a sum
// or product can miss the rounded result in the last digit (0.0000 + 0.0003
// shown as 0.0004). Where that happens the page says so, once.

// shown returns x as it is shown: rounded to the session's figures.
func (s *Session) shown(x float64) float64 {
	v, err := strconv.ParseFloat(s.F(x), 64)
	if err != nil {
		return x
	}
	return v
}

// shownSlope returns dout/dnet of node j of layer l computed from the
// numbers its formula shows: out·(1 - out) or 1 - out^2 with out as shown.
func (s *Session) shownSlope(l, j int) float64 {
	o := s.shown(s.Trace.Out[l][j])
	switch s.Net.Activations[l-1] {
	case mathcore.Tanh:
		return 1 - o*o
	case mathcore.Sigmoid:
		return o * (1 - o)
	}
	return s.Trace.DAct[l][j]
}

// roundingRemark is what a step says when its shown numbers do not give
// its shown result.
func (s *Session) roundingRemark() string {
	return "(Rounded to " + plural(s.Digits, "significant figure") + ": worked from the numbers shown, the " +
		"result may differ in its last figure.)"
}

// withRounding returns after, with the rounding remark put first when
// fromShown, the result computed from the numbers as shown, does not round
// to the same text as exact.
func (s *Session) withRounding(after []string, fromShown, exact float64) []string {
	if s.F(fromShown) == s.F(exact) {
		return after
	}
	return append([]string{s.roundingRemark()}, after...)
}

// onceRounded keeps the rounding remark only in the first step that has it,
// so that a page says it once.
func (s *Session) onceRounded(steps []Step) []Step {
	remark := s.roundingRemark()
	seen := false
	for i := range steps {
		kept := steps[i].After[:0:0]
		for _, a := range steps[i].After {
			if a == remark {
				if seen {
					continue
				}
				seen = true
			}
			kept = append(kept, a)
		}
		if len(kept) == 0 {
			kept = nil
		}
		steps[i].After = kept
	}
	return steps
}
