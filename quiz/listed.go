package quiz

import (
	"fmt"

	"nnmath/judge"
	"nnmath/mathcore"
)

// Listed returns one question per name, in order, all on network net: a
// teacher's list of the quantities to compute, such as "out_h1", "J" or
// "dJ/dw9" (any name the judge reads). The error names the first name
// that is not a quantity of net or not one the quiz asks for.
func Listed(net *mathcore.Network, names []string) ([]*Question, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("quiz: the question list is empty")
	}
	j, err := judge.New(net)
	if err != nil {
		return nil, fmt.Errorf("quiz: %w", err)
	}
	qs := make([]*Question, 0, len(names))
	for i, name := range names {
		q, err := j.Lookup(name)
		if err != nil {
			return nil, fmt.Errorf("quiz: question %d: %w", i+1, err)
		}
		if !asked(q, net) {
			return nil, fmt.Errorf("quiz: question %d: %s is a step on the way, not a quantity the quiz asks for", i+1, name)
		}
		qs = append(qs, newQuestion(i+1, q.Topic(), j, q))
	}
	return qs, nil
}
