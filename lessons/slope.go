package lessons

import "nnmath/mathcore"

// This file writes the slope of an activation, dout/dnet of one node, the
// same way wherever a lesson shows it: the sigmoid lesson, the chain-rule
// lessons (a factor of its own, or one factor of a product).

// slopeText is dout/dnet of one node, written for its layer's activation.
type slopeText struct {
	// formula is the slope in symbols: "out_h1·(1 - out_h1)",
	// "1 - out_h1^2", "1 if net_h1 > 0, else 0" or "1".
	formula string
	// numbers is formula with the values substituted, "" when there is
	// nothing to substitute (relu and linear).
	numbers string
	// factor and factorNumbers are the slope as one factor of a product,
	// bracketed where it would otherwise not read as one factor:
	// "(1 - out_h1^2)" and "(1 - (-0.4512)^2)"; relu and linear show
	// their value, "1" or "0".
	factor, factorNumbers string
	// cond is, for relu, the comparison that decides the slope:
	// "net_h1 = 0.3939 > 0" or "net_h1 = -0.2000 ≤ 0".
	cond string
	// why says in a sentence why a relu or linear slope is what it is.
	why string
	// value is the slope's value, marked when it changed: "0.2414▼", and
	// exactly "1" or "0" for relu and linear.
	value string
}

// slope returns dout/dnet of node j of layer l (l >= 1).
func (s *Session) slope(l, j int) slopeText {
	n := s.Net
	out, net := n.OutSymbol(l, j), n.NetSymbol(l, j)
	ov := paren(outText(s, l, j))
	get := func(_ *mathcore.Network, t *mathcore.Trace) float64 { return t.DAct[l][j] }
	st := slopeText{value: s.val(get)}
	switch n.Activations[l-1] {
	case mathcore.Tanh:
		st.formula, st.numbers = "1 - "+out+"^2", "1 - "+ov+"^2"
		st.factor, st.factorNumbers = "("+st.formula+")", "("+st.numbers+")"
	case mathcore.ReLU:
		exact := exactSlope(s, get)
		st.formula, st.factor, st.factorNumbers, st.value = "1 if "+net+" > 0, else 0", "d"+out+"/d"+net, exact, exact
		if s.Trace.Net[l][j] > 0 {
			st.cond = net + " = " + netText(s, l, j) + " > 0"
			st.why = "A change in " + net + " passes straight on to " + out + "."
		} else {
			st.cond = net + " = " + netText(s, l, j) + " ≤ 0"
			st.why = out + " is held at 0 here, so a change in " + net + " does not get through: " +
				"every path through " + n.NodeLabel(l, j) + " adds nothing for now."
		}
	case mathcore.Linear:
		st.formula, st.factor, st.factorNumbers, st.value = "1", "1", "1", "1"
		st.why = "The " + n.LayerName(l) + " has no activation (linear): " + out + " is " + net +
			", so it moves exactly as much as " + net + "."
	default:
		st.formula, st.numbers = out+"·(1 - "+out+")", ov+"·(1 - "+ov+")"
		st.factor, st.factorNumbers = st.formula, st.numbers
	}
	return st
}

// exactSlope writes a slope that can only be 0 or 1 (relu's, linear's) as
// "0" or "1", marked when it changed.
func exactSlope(s *Session, get getter) string {
	x := "0"
	if get(s.Net, s.Trace) > 0 {
		x = "1"
	}
	return x + s.markOf(get)
}

// isStepSlope reports whether the activation of layer l (l >= 1) has a
// slope that is always exactly 0 or 1, so that lessons write it as "0" or
// "1" rather than with decimals.
func isStepSlope(n *mathcore.Network, l int) bool {
	a := n.Activations[l-1]
	return a == mathcore.ReLU || a == mathcore.Linear
}

// slopeStep fills the formula lines of step st with dout/dnet of node j of
// layer l: "dout_h1/dnet_h1 = out_h1·(1 - out_h1) = 0.5929·(1 - 0.5929) = 0.2414",
// "dout_h1/dnet_h1 = 1 if net_h1 > 0, else 0 = 1, because net_h1 = 0.3939 > 0"
// or "dout_h1/dnet_h1 = 1", with a sentence after it for relu and linear.
func (s *Session) slopeStep(st Step, l, j int) Step {
	n := s.Net
	sl := s.slope(l, j)
	st.Formula = "d" + n.OutSymbol(l, j) + "/d" + n.NetSymbol(l, j) + " = " + sl.formula
	st.Numbers = sl.numbers
	switch {
	case sl.cond != "":
		st.Result = sl.value + ", because " + sl.cond
	case sl.formula != sl.value:
		st.Result = sl.value
	}
	if sl.why != "" {
		st.After = append([]string{sl.why}, st.After...)
	}
	return st
}
