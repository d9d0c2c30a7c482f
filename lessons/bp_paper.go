package lessons

import (
	"nnmath/mathcore"
	"nnmath/numtext"
)

// paperNote returns the note for one step of the chain of p where the
// paper printed something else, or "" when the network is not the paper's
// or the paper agrees. key names the step: "loss", "act-o", "act-h",
// "input", "product" or "update". The tui shows a note after "Paper: ".
func (s *Session) paperNote(p mathcore.Param, key string) string {
	if !s.IsPaper() {
		return ""
	}
	switch s.Net.ParamLabel(p) {
	case "w9":
		return s.noteW9(key)
	case "w1":
		return s.noteW1(key)
	}
	return ""
}

// pt writes the number the paper printed for quantity q, as printed.
func pt(q string) string { return printedText(bpPrinted1(q)) }

// noteW9 holds the paper's slips in the chain for w9 (slips 3, 4, 5, 6, 8, 10).
func (s *Session) noteW9(key string) string {
	t := s.Trace
	out := bpPrinted1("out")
	switch key {
	case "loss":
		return "written as (1 - " + pt("out") + ") and then as " + pt("dJ/dout") +
			": the minus sign comes from -(y - out). The paper also defines the loss as an average of squares, " +
			"(1/n)·Σ(y - out)^2, but works the example with 1/2·(y - out)^2, as we do; the two differ by a " +
			"constant factor in every slope."
	case "act-o":
		d := printedValues("dout/dnet_o")
		return "printed as " + printedText(d[0]) + " here and " + printedText(d[len(d)-1]) + " later; " +
			pt("out") + "·(1 - " + pt("out") + ") = " + s.F(out*(1-out)) + ". Its derivation of σ' also " +
			"starts from e^x/(1 + e^x), which is σ itself, not its slope; only its last line, σ·(1 - σ), is right."
	case "input":
		net := t.Net[1][0]
		return "uses out_h1 = " + pt("out_h1") + ", which is σ(-" + s.F(net) + ") = " +
			s.F(mathcore.SigmoidOf(-net)) + ": a sign slip in the sigmoid; σ(" + s.F(net) + ") = " +
			s.F(t.Out[1][0]) + ". (It also once writes net_o with net_h1 and net_h2; it is the outputs " +
			"out_h1 and out_h2 that feed the next layer.)"
	case "product":
		dj, da, oh := bpPrinted1("dJ/dout"), bpPrinted1("dout/dnet_o"), bpPrinted1("out_h1")
		return "(" + pt("dJ/dout") + ")·" + pt("dout/dnet_o") + "·" + pt("out_h1") + " = " + s.F(dj*da*oh) +
			", printed as " + pt("dJ/dw9") + ": its out_h1 came from the sigmoid sign slip."
	case "update":
		return "printed as " + pt("w9_new") + ", from its slope " + pt("dJ/dw9") + "."
	}
	return ""
}

// noteW1 holds the paper's slips in the chain for w1 (slips 4 and 7).
func (s *Session) noteW1(key string) string {
	oh := bpPrinted1("out_h1")
	dout := s.Trace.DOut[s.Net.Output()][0]
	d := printedValues("dout/dnet_o")
	switch key {
	case "loss":
		return "takes this factor as -1 instead of -(y - out) = " + s.F(dout) +
			": that alone makes its dJ/dw1 about " + numtext.FormatSig(-1/dout, 2) + " times too large."
	case "act-o":
		return "printed as " + printedText(d[len(d)-1]) + " (" + pt("out") + "·(1 - " + pt("out") + ")) here, and as " +
			printedText(d[0]) + " in the chain for w9."
	case "act-h":
		return pt("out_h1") + "·(1 - " + pt("out_h1") + ") = " + s.F(oh*(1-oh)) + ", printed as " +
			pt("dout_h1/dnet_h1") + ", from the slipped out_h1. By luck σ·(1 - σ) is the same for σ and 1 - σ, " +
			"so this factor comes out nearly right."
	case "product":
		w9 := s.Net.Weights[1][0][0]
		i1 := s.Net.Inputs[0]
		v := -1 * d[len(d)-1] * w9 * bpPrinted1("dout_h1/dnet_h1") * i1
		return "(-1)·" + printedText(d[len(d)-1]) + "·" + s.F(w9) + "·" + pt("dout_h1/dnet_h1") + "·" + s.F(i1) +
			" = " + s.F(v) + ", printed as " + pt("dJ/dw1") + ": the first factor should be " + s.F(dout) + ", not -1."
	case "update":
		return "printed as " + pt("w1_new") + ", from its slope " + pt("dJ/dw1") + "."
	}
	return ""
}
