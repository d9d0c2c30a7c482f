package lessons

import (
	"math"
	"strconv"
	"strings"

	"nnmath/mathcore"
	"nnmath/paper"
)

// paperNote returns the note for one step of the chain of p where the
// paper wrote something else, or "". key names the step: "loss", "act-o",
// "act-h", "input", "product" or "update". A note that quotes the paper's
// printed numbers shows only while the network holds the paper's values
// (IsPaper); one about a formula or a derivation shows for any values of
// the paper's shape (paperShape). The tui shows a note after "Paper: ".
func (s *Session) paperNote(p mathcore.Param, key string) string {
	if !s.paperShape() {
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

// paperShape reports whether the network has the shape of the paper's
// example, whatever its values, so that the paper's slips in formulas and
// derivations apply to it.
func (s *Session) paperShape() bool { return mathcore.HasPaperShape(s.Net) }

// paperNoteOf returns a note of two parts: one that quotes the paper's
// printed numbers (shown only while the network holds the paper's values)
// and one about a formula (shown for any values). alone and joined are the
// formula part written to follow "Paper: " and to follow the numbers part.
func (s *Session) paperNoteOf(numbers func() string, alone, joined string) string {
	if !s.IsPaper() {
		return alone
	}
	return numbers() + " " + joined
}

// numbersNote returns note() when the network holds the paper's values, "" otherwise.
func (s *Session) numbersNote(note func() string) string {
	if !s.IsPaper() {
		return ""
	}
	return note()
}

// printedAs writes the number the paper printed for quantity q, as printed.
func printedAs(q string) string { return paper.Text(printedValue(q)) }

// noteW9 holds the paper's slips in the chain for w9 (slips 3, 4, 5, 6, 8, 10).
func (s *Session) noteW9(key string) string {
	out := printedValue("out")
	switch key {
	case "loss":
		const loss = "the loss as an average of squares, (1/n)·Σ(y - out)^2, but works the example with " +
			"1/2·(y - out)^2, as we do; the two differ by a constant factor in every slope."
		return s.paperNoteOf(func() string {
			return "written as (1 - " + printedAs("out") + ") and then as " + printedAs("dJ/dout") +
				": the minus sign comes from -(y - out)."
		}, "defines "+loss, "The paper also defines "+loss)
	case "act-o":
		d := paper.Printed("dout/dnet_o")
		const slip = "from e^x/(1 + e^x), which is σ itself, not its slope; only its last line, σ·(1 - σ), is right."
		return s.paperNoteOf(func() string {
			return "printed as " + paper.Text(d[0]) + " here and " + paper.Text(d[len(d)-1]) + " later; " +
				printedAs("out") + "·(1 - " + printedAs("out") + ") = " + s.quote(out*(1-out)) + "."
		}, "derives σ' starting "+slip, "Its derivation of σ' also starts "+slip)
	case "input":
		const nets = "once writes net_o with net_h1 and net_h2; it is the outputs out_h1 and out_h2 that feed " +
			"the next layer."
		return s.paperNoteOf(func() string {
			t := s.Trace
			net := s.quote(t.Net[1][0])
			return "uses out_h1 = " + printedAs("out_h1") + ", which is σ(-" + net + ") = " + s.quote(mathcore.SigmoidOf(-t.Net[1][0])) +
				": a sign slip in the sigmoid; σ(" + net + ") = " + s.quote(t.Out[1][0]) + "."
		}, nets, "(It also "+nets[:len(nets)-1]+".)")
	case "product":
		return s.numbersNote(func() string {
			dj, da, oh := printedValue("dJ/dout"), printedValue("dout/dnet_o"), printedValue("out_h1")
			return "(" + printedAs("dJ/dout") + ")·" + printedAs("dout/dnet_o") + "·" + printedAs("out_h1") + " = " + s.quote(dj*da*oh) +
				", printed as " + printedAs("dJ/dw9") + ": its out_h1 came from the sigmoid sign slip."
		})
	case "update":
		return s.numbersNote(func() string {
			return "printed as " + printedAs("w9_new") + ", from its slope " + printedAs("dJ/dw9") + "."
		})
	}
	return ""
}

// noteW1 holds the paper's slips in the chain for w1 (slips 4 and 7).
func (s *Session) noteW1(key string) string {
	oh := printedValue("out_h1")
	L := s.Net.Output()
	dout := s.Trace.DOut[L][0]
	doutText := s.quote(dout) // in a note on the paper: never marked
	d := paper.Printed("dout/dnet_o")
	switch key {
	case "loss":
		if !s.IsPaper() {
			return "takes this factor as -1 instead of -(y - out)."
		}
		return "takes this factor as -1 instead of -(y - out) = " + doutText +
			": that alone makes its dJ/dw1 about " + s.quote(-1/dout) + " times too large."
	case "act-o":
		return s.numbersNote(func() string {
			return "printed as " + paper.Text(d[len(d)-1]) + " (" + printedAs("out") + "·(1 - " + printedAs("out") + ")) here, and as " +
				paper.Text(d[0]) + " in the chain for w9."
		})
	case "act-h":
		return s.numbersNote(func() string {
			return printedAs("out_h1") + "·(1 - " + printedAs("out_h1") + ") = " + s.quote(oh*(1-oh)) + ", printed as " +
				printedAs("dout_h1/dnet_h1") + ", from the slipped out_h1. By luck σ·(1 - σ) is the same for σ and 1 - σ, " +
				"so this factor comes out nearly right."
		})
	case "product":
		return s.numbersNote(func() string {
			w9 := mathcore.Param{Layer: 1}
			n, i1 := s.Net, s.Trace.Out[0][0]
			v := s.quote(-1 * d[len(d)-1] * n.Value(w9) * printedValue("dout_h1/dnet_h1") * i1)
			return "(-1)·" + paper.Text(d[len(d)-1]) + "·" + s.quote(n.Value(w9)) + "·" + printedAs("dout_h1/dnet_h1") + "·" + s.quote(i1) +
				" = " + v + ", printed as " + printedAs("dJ/dw1") + ": the first factor should be " + doutText + ", not -1."
		})
	case "update":
		return s.numbersNote(func() string {
			return "printed as " + printedAs("w1_new") + ", from its slope " + printedAs("dJ/dw1") + "."
		})
	}
	return ""
}

// paperPrinted returns what the paper printed for quantity q (the first
// value when it printed several), when the session is the paper's example.
func paperPrinted(s *Session, q string) (float64, bool) {
	if !s.IsPaper() {
		return 0, false
	}
	return paper.First(q)
}

// printedDiffers reports whether printed disagrees with exact beyond the
// rounding of the digits printed.
func printedDiffers(printed, exact float64) bool {
	dec := 0
	if s := strconv.FormatFloat(printed, 'f', -1, 64); strings.Contains(s, ".") {
		dec = len(s) - strings.Index(s, ".") - 1
	}
	return math.Abs(printed-exact) > 0.5*math.Pow(10, -float64(dec))+1e-12
}

// printedValue returns the first number the paper printed for quantity q,
// or 0 when it printed none.
func printedValue(q string) float64 {
	v, _ := paper.First(q)
	return v
}
