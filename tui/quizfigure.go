package tui

import (
	"strconv"
	"strings"

	"nnmath/judge"
	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/numtext"
	"nnmath/quiz"
)

// This file draws a quiz question's network: the diagram with the values
// given, or a compact table when the diagram is too wide.

// drawFigure draws the current question's network for the width, with
// the values the learner computes hidden.
func (m *QuizModel) drawFigure() {
	q := m.session.Question()
	if q == nil {
		m.figure = nil
		return
	}
	m.figure = quizFigure(q, m.width-2)
}

// quizFigure draws q's network in width columns: the diagram when it
// fits, else a compact table of the given values. Node outputs are shown
// as "?".
func quizFigure(q *quiz.Question, width int) []string {
	n := q.Network()
	s := lessons.NewSession(n)
	s.Decimals = givenDigits(n)
	var hi []mathcore.Param
	if k := q.Target.Kind; (k == judge.KindGrad || k == judge.KindNew) && !q.Target.Param.Bias {
		hi = []mathcore.Param{q.Target.Param}
	}
	var lines []string
	if width >= 60 {
		lines = lessons.Diagram(s, width, lessons.DiagramOptions{Highlight: hi, HideComputed: true})
	}
	if len(lines) == 0 || blockWidth(lines) > width {
		lines = compactTable(n, s.Decimals, width)
	}
	return lines
}

// givenDigits returns the decimals that show every given number of n
// exactly (2 to 4).
func givenDigits(n *mathcore.Network) int {
	vals := append(append([]float64{n.LearningRate}, n.Inputs...), n.Targets...)
	for _, p := range n.Params() {
		vals = append(vals, n.Value(p))
	}
	for d := 2; d < 4; d++ {
		ok := true
		for _, v := range vals {
			if f, _ := strconv.ParseFloat(numtext.Format(v, d), 64); f != v {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return 4
}

// compactTable lists the given values of n, wrapped to width.
func compactTable(n *mathcore.Network, digits, width int) []string {
	var lines []string
	add := func(head string, items []string) {
		line := head
		for _, it := range items {
			if textWidth(line)+1+textWidth(it) > width && line != head {
				lines = append(lines, line)
				line = strings.Repeat(" ", min(len(head), width/3))
			}
			line += " " + it
		}
		lines = append(lines, line)
	}
	var ins []string
	for i, v := range n.Inputs {
		ins = append(ins, n.NodeLabel(0, i)+"="+numtext.Format(v, digits))
	}
	add("inputs ", ins)
	var ws []string
	for _, p := range n.Params() {
		ws = append(ws, n.ParamLabel(p)+"="+numtext.Format(n.Value(p), digits))
	}
	add("weights", ws)
	var out []string
	for i := range n.Sizes[1:] {
		l := i + 1
		for j := range n.Sizes[l] {
			var from []string
			for k := range n.Sizes[l-1] {
				from = append(from, n.ParamLabel(mathcore.Param{Layer: l - 1, From: k, To: j}))
			}
			out = append(out, n.NodeLabel(l, j)+"←"+strings.Join(from, ","))
		}
	}
	add("edges  ", out)
	return lines
}

// givens is the line of given values below the network: the targets, the
// learning rate, the loss and the activations.
func givens(n *mathcore.Network) string {
	loss := "J = 1/2 (y - out)^2"
	if n.Loss == mathcore.MSE {
		loss = "J = 1/n Σ (y - out)^2"
	}
	var ys []string
	for _, y := range n.Targets {
		ys = append(ys, strconv.FormatFloat(y, 'f', -1, 64))
	}
	return "target y = " + strings.Join(ys, ", ") + "   η = " + strconv.FormatFloat(n.LearningRate, 'f', -1, 64) +
		"   " + loss + "   " + activationsOf(n)
}

func activationsOf(n *mathcore.Network) string {
	a := n.Activations[0]
	for _, b := range n.Activations {
		if b != a {
			return "mixed activations"
		}
	}
	return a.String() + " nodes"
}
