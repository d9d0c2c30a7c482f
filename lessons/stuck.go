package lessons

import "nnmath/mathcore"

// stuckOutputs returns the output nodes of n that training on its sample
// cannot move: off its target, with a slope dout/dnet of exactly 0 (a ReLU
// whose net input is below 0), so that no gradient reaches anything behind
// them.
func stuckOutputs(n *mathcore.Network) []int {
	t := mathcore.NewTrace(n)
	t.Compute(n)
	L := n.Output()
	var stuck []int
	for k := range n.Sizes[L] {
		if t.DAct[L][k] == 0 && t.Out[L][k] != n.Targets[k] {
			stuck = append(stuck, k)
		}
	}
	return stuck
}

// stuckWords says which outputs cannot move and why, for a sentence of
// its own; "" when every output can.
func (s *Session) stuckWords(n *mathcore.Network) string {
	stuck := stuckOutputs(n)
	if len(stuck) == 0 {
		return ""
	}
	L := n.Output()
	var names []string
	for _, k := range stuck {
		names = append(names, n.OutSymbol(L, k))
	}
	it, its, verb := "it", "its slope is", "stays where it is"
	if len(stuck) > 1 {
		it, its, verb = "them", "their slopes are", "stay where they are"
	}
	return joinWords(names) + " " + verb + ": a " + n.Activations[L-1].String() + " whose net input is below 0 " +
		"gives 0, and " + its + " 0 there, so no gradient passes back through " + it +
		", and no step of training on this sample moves " + it + "."
}
