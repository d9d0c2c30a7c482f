package export

import (
	"nnmath/mathcore"
)

// update writes the table of new parameter values, w - eta * dJ/dw.
func (s *solution) update() {
	n, f, d := s.n, s.f, &s.doc
	d.heading(2, text("Update"))
	d.para(text("Gradient descent moves each parameter a small step against its gradient: "),
		tex(`w \leftarrow w - \eta\, \frac{dJ}{dw}`), text(", with "), tex(`\eta = `+f.plain(n.LearningRate)), text("."))
	tb := table{
		head: []inline{line(text("parameter")), line(text("old")), line(text("gradient")),
			line(tex(`\text{old} - \eta \cdot \text{gradient}`)), line(text("new"))},
		right:   []bool{false, true, true, false, true},
		formula: []bool{false, false, false, true, false},
	}
	for _, c := range s.chains {
		tb.rows = append(tb.rows, []inline{
			line(tex(paramSymbol(n, c.Param))),
			line(tex(f.plain(c.Old))),
			line(tex(f.plain(c.Gradient))),
			line(tex(f.plain(c.Old) + " - " + f.plain(n.LearningRate) + ` \cdot ` + f.operand(c.Gradient))),
			line(tex(f.plain(c.New))),
		})
	}
	d.table(tb)
}

// after writes the outputs and the loss of the network after the step,
// computed on a copy with the new parameters.
func (s *solution) after() {
	n, t, f, d := s.n, s.t, s.f, &s.doc
	next := n.Clone()
	t.Apply(next)
	ta := mathcore.NewTrace(next)
	ta.Compute(next)

	d.heading(2, text("After the step"))
	d.para(text("The forward pass with the new parameters gives:"))
	L := n.Output()
	var lines []string
	var ys, outs []string
	for k := range n.Sizes[L] {
		lines = append(lines, outSymbol(n, L, k)+" &= "+f.plain(ta.Out[L][k])+`\quad (\text{before } `+f.plain(t.Out[L][k])+`)`)
		ys = append(ys, f.plain(ta.Targets[k]))
		outs = append(outs, f.operand(ta.Out[L][k]))
	}
	lines = append(lines, aligned("J", lossExpr(n, ys, outs), []string{f.plain(ta.Loss)})...)
	d.display(lines...)

	was, now := f.plain(t.Loss), f.plain(ta.Loss)
	switch {
	case ta.Loss < t.Loss && was != now:
		d.para(text("The loss fell from "), tex(was), text(" to "), tex(now), text("."))
	case ta.Loss > t.Loss && was != now:
		d.para(text("The loss rose from "), tex(was), text(" to "), tex(now),
			text(": the step was too large for this point. A smaller learning rate takes a smaller step."))
	case ta.Loss < t.Loss:
		d.para(text("The loss fell, by less than the last decimal printed."))
	case ta.Loss > t.Loss:
		d.para(text("The loss rose, by less than the last decimal printed."))
	default:
		d.para(text("The loss did not change."))
	}
}
