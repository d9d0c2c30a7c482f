package lessons

import (
	"nnmath/mathcore"
	"nnmath/paper"
)

// slip is one of the paper's slips: its numbers side by side (quantity,
// printed, exact) and the reason in one sentence.
type slip struct {
	title  string
	rows   [][3]string
	reason string
}

// paperSlips computes the ten slips on the paper's own network.
func paperSlips(s *Session) []slip {
	n := mathcore.Paper()
	t := mathcore.NewTrace(n)
	t.Compute(n)
	w9, _ := n.ParamByLabel("w9")
	w1, _ := n.ParamByLabel("w1")
	oh1, oh2 := printedValue("out_h1"), printedValue("out_h2")
	fromPrinted := mathcore.SigmoidOf(n.Value(w9)*oh1 + n.Weights[1][0][1]*oh2)
	d := paper.Printed("dout/dnet_o")
	netO := t.Net[2][0]

	along := n.Clone()
	for _, p := range n.Params() {
		along.SetValue(p, n.Value(p)+n.LearningRate*t.Gradient(p))
	}
	against := n.Clone()
	t.Apply(against)
	tt := mathcore.NewTrace(n)
	jAlong := tt.LossFor(along, along.Inputs, along.Targets)
	jAgainst := tt.LossFor(against, against.Inputs, against.Targets)
	t.Compute(n)

	return []slip{
		{"The sigmoid's sign", [][3]string{
			{"out_h1", printedAs("out_h1"), s.F(t.Out[1][0])},
			{"out_h2", printedAs("out_h2"), s.F(t.Out[1][1])},
		}, "The paper computed 1/(1 + e^x) instead of 1/(1 + e^-x): σ(-" + s.F(t.Net[1][0]) + ") = " +
			s.F(mathcore.SigmoidOf(-t.Net[1][0])) + "."},
		{"An output that does not match", [][3]string{
			{"out", printedAs("out"), s.F(t.Out[2][0])},
			{"out from the printed h1, h2", "", s.F(fromPrinted)},
		}, printedAs("out") + " comes from the exact hidden outputs, not the printed ones, so the later steps mix slipped and exact values."},
		{"The sign of dJ/dout", [][3]string{
			{"dJ/dout", "(1 - " + printedAs("out") + "), " + printedAs("dJ/dout"), s.F(t.DOut[2][0])},
		}, "(1 - " + printedAs("out") + ") is y - out; the slope of the loss is minus that, -(y - out)."},
		{"Two values for one slope", [][3]string{
			{"dout/dnet_o", paper.Text(d[0]) + " and " + paper.Text(d[len(d)-1]), s.F(t.DAct[2][0])},
		}, "Two roundings of the same factor; " + printedAs("out") + "·(1 - " + printedAs("out") + ") = " +
			s.F(printedValue("out")*(1-printedValue("out"))) + "."},
		{"The sigmoid's slope, derived", [][3]string{
			{"e^x/(1 + e^x) at net_o", "first line", s.F(mathcore.SigmoidOf(netO))},
			{"σ'(net_o) = σ·(1 - σ)", "last line", s.F(t.DAct[2][0])},
		}, "The derivation starts from e^x/(1 + e^x), which is σ itself, and its middle line does not follow; only the end, σ·(1 - σ), is right."},
		{"dJ/dw9 and the new w9", [][3]string{
			{"dJ/dw9", printedAs("dJ/dw9"), s.F(t.Gradient(w9))},
			{"w9 new", printedAs("w9_new"), s.F(t.Updated(w9))},
		}, "It multiplied by the slipped out_h1 = " + printedAs("out_h1") + " from the sigmoid's sign slip."},
		{"dJ/dw1 and the new w1", [][3]string{
			{"dJ/dw1", printedAs("dJ/dw1"), s.F(t.Gradient(w1))},
			{"w1 new", printedAs("w1_new"), s.F(t.Updated(w1))},
		}, "It took dJ/dout = -1 instead of " + s.F(t.DOut[2][0]) + ", which makes the slope about " +
			s.F(-1/t.DOut[2][0]) + " times too large."},
		{"Two definitions of the loss", [][3]string{
			{"J = (1/n)·Σ(y - out)^2", "defined", s.F(mathcore.MSE.Value(t.Targets, t.Outputs()))},
			{"J = 1/2·(y - out)^2", "worked", s.F(t.Loss)},
		}, "Both are common; their slopes differ by the factor 2/n. The example, and this tutor, use 1/2·(y - out)^2."},
		{"Which way to step", [][3]string{
			{"J after a step against the gradient", "", s.F(jAgainst)},
			{"J after a step along it", "", s.F(jAlong)},
			{"J now", "", s.F(t.Loss)},
		}, "The paper says to step \"in the direction of the gradient\"; descent steps against it, w - η·dJ/dw, as its own rule says."},
		{"Nets instead of outputs", [][3]string{
			{"w9·net_h1 + w10·net_h2", "written once", s.F(n.Value(w9)*t.Net[1][0] + n.Weights[1][0][1]*t.Net[1][1])},
			{"net_o = w9·out_h1 + w10·out_h2", "", s.F(netO)},
		}, "A layer passes on its outputs, not its nets: net_o is built from out_h1 and out_h2."},
	}
}
