package judge

import (
	"strings"

	"nnmath/mathcore"
	"nnmath/paper"
)

// short writes x with 4 significant figures and no trailing zeros, as the
// paper writes its numbers: 0.376, 0.407.
func short(x float64) string {
	s := sig(x)
	if strings.Contains(s, ".") && !strings.ContainsAny(s, "eE") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// asPrinted writes a number the paper printed exactly as it printed it.
func asPrinted(x float64) string { return paper.Text(x) }

// paperCause returns the judge's slip for a slip of the paper's; ok is
// false for the paper's slips that give no wrong number to explain
// (paper.Rounded, paper.TwoWays).
func paperCause(s paper.Slip) (id SlipID, ok bool) {
	switch s {
	case paper.SigmoidSign:
		return SigmoidSign, true
	case paper.DJdoutSign:
		return Sign, true
	case paper.DJdoutMinusOne:
		return DJdoutMinusOne, true
	}
	return "", false
}

// printed returns the first number the paper printed for the quantity name.
func printed(name string) (float64, bool) { return paper.First(name) }

// paperCandidates returns the paper's printed values for q, for the
// paper's network, each with its slip explained with the exact values.
func (j *Judge) paperCandidates(q Quantity) []candidate {
	cause, ok := paperCause(paper.Cause(q.Name))
	if !ok {
		return nil
	}
	v := j.exact
	prefix := "This is the number the paper prints: "
	var value float64
	var text string
	switch q.Name {
	case "out_h1", "out_h2":
		value, _ = printed(q.Name)
		net := v.net[q.Layer][q.Node]
		text = q.Name + " = " + asPrinted(value) + " is σ(-" + short(net) + ") = " + sig(mathcore.SigmoidOf(-net)) +
			", a sign slip in the sigmoid. The exact value is σ(" + short(net) + ") = " + sig(v.out[q.Layer][q.Node]) + "."
	case "dJ/dout":
		out, _ := printed("out")
		value = 1 - out
		prefix = "This is the number the paper first writes: "
		text = "dJ/dout as (1 - " + asPrinted(out) + ") = " + short(value) + ". The sign belongs to -(y - out), so dJ/dout = " +
			sig(v.dOut[q.Layer][q.Node]) + "."
	case "dJ/dw9":
		value, _ = printed(q.Name)
		slipped, _ := printed("out_h1")
		text = "dJ/dw9 = dJ/dout · dout/dnet_o · out_h1 with the paper's slipped out_h1 = " + asPrinted(slipped) +
			" = σ(-" + short(v.net[1][0]) + "), a sign slip in the sigmoid. With the exact out_h1 = " + sig(v.out[1][0]) +
			", dJ/dw9 = " + sig(j.Exact(q)) + "."
	case "w9_new", "w1_new":
		value, _ = printed(q.Name)
		grad := "dJ/dw9"
		why := "which comes from its slipped out_h1"
		if q.Name == "w1_new" {
			grad, why = "dJ/dw1", "which takes dJ/dout as -1"
		}
		pg, _ := printed(grad)
		exactGrad := v.grad(q.Param)
		text = q.Name + " = " + mathcore.Paper().ParamLabel(q.Param) + " - η · " + grad + " carries the paper's " + grad +
			" = " + asPrinted(pg) + ", " + why + ". With the exact " + grad + " = " + sig(exactGrad) + ", " + q.Name + " = " +
			sig(j.Exact(q)) + "."
	case "dJ/dw1":
		value, _ = printed(q.Name)
		dOut := v.dOut[j.net.Output()][0]
		minusOne := -j.Exact(q) / dOut
		text = "its hidden-weight chain takes dJ/dout as -1 instead of -(y - out) = " + sig(dOut) + ", which gives " +
			sig(minusOne) + ", printed " + asPrinted(value) + ". The exact dJ/dw1 is " + sig(j.Exact(q)) + ", about " +
			short(minusOne/j.Exact(q)) + " times smaller."
	}
	return []candidate{{id: PaperValue, cause: cause, rank: 0, value: value, text: prefix + text}}
}
