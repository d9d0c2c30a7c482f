package export

import (
	"strconv"

	"nnmath/mathcore"
	"nnmath/paper"
)

// The paper's printed numbers, written as it printed them, from the
// paper package's table. They are facts about the paper, not values: the
// exact values beside them are computed at run time.
var (
	printedOutH1   = printedText("out_h1", 0)
	printedOutH2   = printedText("out_h2", 0)
	printedOut     = printedText("out", 0)
	printedDOut    = printedText("dJ/dout", 0)
	printedDActA   = printedText("dout/dnet_o", 0)
	printedDActB   = printedText("dout/dnet_o", 1)
	printedOneLess = paper.Text(1 - paper.Printed("out")[0]) // 1 - 0.64, used in 0.64 * 0.36 = 0.2304
	printedGradW9  = printedText("dJ/dw9", 0)
	printedNewW9   = printedText("w9_new", 0)
	printedGradW1  = printedText("dJ/dw1", 0)
	printedNewW1   = printedText("w1_new", 0)
)

// printedText returns the i-th number the paper printed for quantity q, as
// it printed it ("0.407").
func printedText(q string, i int) string {
	v := paper.Printed(q)
	if i >= len(v) {
		panic("export: the paper printed no value " + strconv.Itoa(i) + " for " + q)
	}
	return paper.Text(v[i])
}

// paperSlips writes where the paper's printed numbers differ from the exact
// ones, and why.
func (s *solution) paperSlips() {
	n, t, f, d := s.n, s.t, s.f, &s.doc
	w9 := mathcore.Param{Layer: 1, From: 0, To: 0}
	w10 := mathcore.Param{Layer: 1, From: 1, To: 0}
	w1 := mathcore.Param{Layer: 0, From: 0, To: 0}
	c9, c1 := t.Chain(n, w9), t.Chain(n, w1)
	outH1, outH2, out := outSymbol(n, 1, 0), outSymbol(n, 1, 1), outSymbol(n, 2, 0)
	netH1, netH2, netO := netSymbol(n, 1, 0), netSymbol(n, 1, 1), netSymbol(n, 2, 0)
	flipped := func(j int) string { return f.plain(mathcore.SigmoidOf(-t.Net[1][j])) }

	d.heading(2, text("Where the paper's numbers differ"))
	d.para(text("The paper works this example by hand, and some of its printed numbers differ from the exact values above:"))
	row := func(what string, printed, exact inline, why inline) []inline {
		return []inline{line(tex(what)), printed, exact, why}
	}
	tb := table{
		head:  []inline{line(text("quantity")), line(text("paper")), line(text("exact")), line(text("why"))},
		right: []bool{false, false, true, false},
		prose: []bool{false, false, false, true},
		rows: [][]inline{
			row(outH1, line(tex(printedOutH1)), line(tex(f.plain(t.Out[1][0]))),
				line(text("a sign slip in the sigmoid: "), tex(printedOutH1), text(" is "),
					tex(`\sigma(-`+netH1+`) = `+flipped(0)))),
			row(outH2, line(tex(printedOutH2)), line(tex(f.plain(t.Out[1][1]))),
				line(text("the same slip, then truncated: "), tex(`\sigma(-`+netH2+`) = `+flipped(1)))),
			row(out, line(tex(printedOut)), line(tex(f.plain(t.Out[2][0]))),
				line(text("rounded; it follows from the exact hidden outputs, not from the printed "),
					tex(printedOutH1), text(" and "), tex(printedOutH2))),
			row(derivative("J", out), line(tex("(1 - "+printedOut+")"), text(", then "), tex(printedDOut)), line(tex(f.plain(t.DOut[2][0]))),
				line(text("the sign belongs to "), tex(`-(y - `+out+`)`))),
			row(derivative(out, netO), line(tex(printedDActA), text(" and "), tex(printedDActB)), line(tex(f.plain(t.DAct[2][0]))),
				line(text("printed two ways; "), tex(printedOut+` \cdot `+printedOneLess+" = "+printedDActB))),
			row(derivative("J", paramSymbol(n, w9)), line(tex(printedGradW9)), line(tex(f.plain(c9.Gradient))),
				line(text("uses the slipped "), tex(outH1+" = "+printedOutH1))),
			row(paramSymbol(n, w9)+`^{\text{new}}`, line(tex(printedNewW9)), line(tex(f.plain(c9.New))),
				line(text("follows from "), tex(printedGradW9))),
			row(derivative("J", paramSymbol(n, w1)), line(tex(printedGradW1)), line(tex(f.plain(c1.Gradient))),
				line(text("takes "), tex(derivative("J", out)+" = -1"), text(" in place of "), tex(`-(y - `+out+`)`))),
			row(paramSymbol(n, w1)+`^{\text{new}}`, line(tex(printedNewW1)), line(tex(f.plain(c1.New))),
				line(text("follows from "), tex(printedGradW1))),
		},
	}
	d.table(tb)
	d.para(text("The paper defines the loss as "), tex(`J = \frac{1}{n}\sum (y - \hat{y})^{2}`),
		text(" but works the example with "), tex(`J = \frac{1}{2}(y - `+out+`)^{2}`),
		text(", as this solution does; the two gradients differ by the factor "), tex(`\frac{2}{n}`),
		text(". Once it also writes "), tex(netO+" = "+paramSymbol(n, w9)+`\,`+netH1+" + "+paramSymbol(n, w10)+`\,`+netH2),
		text(": it is the hidden outputs, not their net inputs, that feed the next layer."))
}
