package lessons

import (
	"nnmath/mathcore"
	"nnmath/numtext"
	"strconv"
)

// slipLessonIDs are the lessons where each of the paper's ten slips
// happens, in the order of the worked-example page.
var slipLessonIDs = [...]string{
	IDSigmoid,     // 1. the sign in the sigmoid
	IDLoss,        // 2. the output matches the exact hidden values
	IDChainOutput, // 3. the sign of dJ/dout
	IDChainOutput, // 4. two roundings of dout/dnet_o
	IDSigmoid,     // 5. the derivation of the sigmoid's slope
	IDChainOutput, // 6. dJ/dw9
	IDChainHidden, // 7. dJ/dw1
	IDLoss,        // 8. two definitions of the loss
	IDDescent,     // 9. the direction of the steps
	IDLoss,        // 10. nets instead of outputs
}

// slipSteps are, for each slip, the step of its lesson whose note explains
// it (1-based), on the paper's network.
var slipSteps = [len(slipLessonIDs)]int{1, 2, 1, 2, 8, 4, 6, 3, 1, 1}

// SelectSlip moves the selection in the slips lesson to the next (delta 1)
// or previous (delta -1) slip, wrapping around.
func (s *Session) SelectSlip(delta int) {
	n := len(slipLessonIDs)
	s.Slip = ((s.Slip+delta)%n + n) % n
}

// SlipLesson returns the ID of the lesson where the selected slip happens.
func (s *Session) SlipLesson() string {
	n := len(slipLessonIDs)
	return slipLessonIDs[(s.Slip%n+n)%n]
}

// ShowSlip returns where the selected slip happens: the ID of its lesson
// and how many of that lesson's steps to reveal so that the step with the
// paper's note is the newest. For the hidden-weight chain it also selects
// w1, the weight whose chain the paper works.
func (s *Session) ShowSlip() (lessonID string, steps int) {
	i := (s.Slip%len(slipLessonIDs) + len(slipLessonIDs)) % len(slipLessonIDs)
	if slipLessonIDs[i] == IDChainHidden {
		s.Selected = mathcore.Param{}
	}
	return slipLessonIDs[i], slipSteps[i]
}

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
	pr := func(q string) string { return printedText(bpPrinted1(q)) }
	w9, _ := n.ParamByLabel("w9")
	w1, _ := n.ParamByLabel("w1")
	oh1, oh2 := bpPrinted1("out_h1"), bpPrinted1("out_h2")
	fromPrinted := mathcore.SigmoidOf(n.Value(w9)*oh1 + n.Weights[1][0][1]*oh2)
	d := printedValues("dout/dnet_o")
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
			{"out_h1", pr("out_h1"), s.F(t.Out[1][0])},
			{"out_h2", pr("out_h2"), s.F(t.Out[1][1])},
		}, "The paper computed 1/(1 + e^x) instead of 1/(1 + e^-x): σ(-" + s.F(t.Net[1][0]) + ") = " +
			s.F(mathcore.SigmoidOf(-t.Net[1][0])) + "."},
		{"An output that does not match", [][3]string{
			{"out", pr("out"), s.F(t.Out[2][0])},
			{"out from the printed h1, h2", "", s.F(fromPrinted)},
		}, pr("out") + " comes from the exact hidden outputs, not the printed ones, so the later steps mix slipped and exact values."},
		{"The sign of dJ/dout", [][3]string{
			{"dJ/dout", "(1 - " + pr("out") + "), " + pr("dJ/dout"), s.F(t.DOut[2][0])},
		}, "(1 - " + pr("out") + ") is y - out; the slope of the loss is minus that, -(y - out)."},
		{"Two values for one slope", [][3]string{
			{"dout/dnet_o", printedText(d[0]) + " and " + printedText(d[len(d)-1]), s.F(t.DAct[2][0])},
		}, "Two roundings of the same factor; " + pr("out") + "·(1 - " + pr("out") + ") = " +
			s.F(bpPrinted1("out")*(1-bpPrinted1("out"))) + "."},
		{"The sigmoid's slope, derived", [][3]string{
			{"e^x/(1 + e^x) at net_o", "first line", s.F(mathcore.SigmoidOf(netO))},
			{"σ'(net_o) = σ·(1 - σ)", "last line", s.F(t.DAct[2][0])},
		}, "The derivation starts from e^x/(1 + e^x), which is σ itself, and its middle line does not follow; only the end, σ·(1 - σ), is right."},
		{"dJ/dw9 and the new w9", [][3]string{
			{"dJ/dw9", pr("dJ/dw9"), s.F(t.Gradient(w9))},
			{"w9 new", pr("w9_new"), s.F(t.Updated(w9))},
		}, "It multiplied by the slipped out_h1 = " + pr("out_h1") + " from the sigmoid's sign slip."},
		{"dJ/dw1 and the new w1", [][3]string{
			{"dJ/dw1", pr("dJ/dw1"), s.F(t.Gradient(w1))},
			{"w1 new", pr("w1_new"), s.F(t.Updated(w1))},
		}, "It took dJ/dout = -1 instead of " + s.F(t.DOut[2][0]) + ", which makes the slope about " +
			numtext.FormatSig(-1/t.DOut[2][0], 2) + " times too large."},
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

func buildSlips(s *Session, width int) Page {
	text := "The paper works its example by hand, and a few numbers slipped on the way. Here is each one " +
		"next to the exact value the tutor computes, with the reason."
	if s.IsPaper() {
		text += " Select one; g opens the lesson where it happens."
	}
	intro := []Block{Text(text)}
	if !s.IsPaper() {
		intro = append(intro, Text("These slips are about the paper's own example, so the numbers below are "+
			"computed on the paper's network, not on the one you are using."))
	}
	sel := (s.Slip%len(slipLessonIDs) + len(slipLessonIDs)) % len(slipLessonIDs)
	for i, sl := range paperSlips(s) {
		mark := "  "
		if i == sel {
			mark = "▶ "
		}
		where := lessonName(slipLessonIDs[i])
		lines := []string{mark + strconv.Itoa(i+1) + ". " + sl.title + "  (" + where + ")"}
		switch {
		case i == sel && s.IsPaper():
			lines = append(lines, "     g: open it in "+where)
		case i == sel && mathcore.IsPaper(s.Start):
			lines = append(lines, "     (its note shows there with the paper's values; r restores them)")
		case i == sel:
			lines = append(lines, "     (its note shows there with the paper's values)")
		}
		rows := [][]string{{"", "printed", "exact"}}
		for _, r := range sl.rows {
			rows = append(rows, []string{r[0], r[1], r[2]})
		}
		for _, l := range bpTable(rows) {
			lines = append(lines, "     "+l)
		}
		for _, l := range bpWrap(sl.reason, width-5) {
			lines = append(lines, "     "+l)
		}
		intro = append(intro, Fig(fitLines(lines, width)))
	}
	return Page{Intro: intro}
}
