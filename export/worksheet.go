package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"nnmath/judge"
	"nnmath/mathcore"
	"nnmath/numtext"
)

// SheetQuestion is one question of a worksheet: the quantity to find and
// the values computed on the way to it, in order, the quantity last (the
// parts of a quiz question).
type SheetQuestion struct {
	Topic  string
	Target judge.Quantity
	Parts  []judge.Quantity
}

// SheetOptions choose how a worksheet is written.
type SheetOptions struct {
	Format Format
	// Answers writes the answer key: every blank filled in, with its
	// formula, the numbers substituted and the result.
	Answers bool
	// Title heads the sheet. Seed is printed on it, and Again, the command
	// that writes the same sheet (without --answers), so that the teacher
	// can write it, or its key, again.
	Title string
	Seed  uint64
	Again string
}

// blank is the space left for an answer.
const blank = "______________"

// Worksheet returns a printable exercise sheet on the network of j: the
// network drawn with its inputs and weights (the values it computes left
// as ?), its activation, loss, learning rate and target, then each
// question with a blank for every value to compute. With opt.Answers it is
// the answer key: each blank filled with the exact value in 4 significant
// figures and its worked chain. Markdown is GitHub-flavoured with $ math;
// LaTeX is a whole document (amsmath and TikZ) ready for pdflatex. The
// sheet is a pure function of its arguments: the same questions and
// options give the same bytes.
func Worksheet(j *judge.Judge, qs []SheetQuestion, opt SheetOptions) ([]byte, error) {
	n := j.Network()
	if err := n.Validate(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	s := &solution{n: n, params: n.Params(), f: numbers{DefaultDigits}}
	d := &s.doc
	title := opt.Title
	if title == "" {
		title = "Backpropagation by hand"
	}
	if opt.Answers {
		title += ": answer key"
	}
	d.heading(1, text(title))
	again := ""
	if opt.Again != "" {
		again = fmt.Sprintf(" (%s writes this sheet again; add --answers for its key)", opt.Again)
	}
	d.para(text(fmt.Sprintf("%d question%s on a %s network, drawn with seed %d%s.",
		len(qs), plural(len(qs)), shape(n), opt.Seed, again)))
	if !opt.Answers {
		d.para(text("Name: " + blank + "    Date: " + blank))
		d.para(text("Compute each value by hand and write it in the blank, to 4 significant figures. " +
			"Keep more figures in the steps than in the answer, so that rounding does not pile up."))
	}
	s.sheetNetwork(opt.Answers)
	d.heading(2, text("Questions"))
	for k, q := range qs {
		s.sheetQuestion(j, k+1, q, opt.Answers)
	}
	var b bytes.Buffer
	switch opt.Format {
	case Markdown:
		writeMarkdown(&b, d)
	case LaTeX:
		b.WriteString(sheetPreamble)
		var body bytes.Buffer
		writeLaTeX(&body, d)
		b.Write(bytes.TrimPrefix(body.Bytes(), []byte(latexPreamble)))
		b.WriteString("\n\\end{document}\n")
	default:
		return nil, fmt.Errorf("export: unknown format %v", opt.Format)
	}
	return b.Bytes(), nil
}

// sheetPreamble opens a worksheet's LaTeX document.
const sheetPreamble = `% Worksheet written by nnmath worksheet; compile with pdflatex.
\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{amsmath}
\usepackage{tikz}
\usepackage[margin=2cm]{geometry}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6em}
\begin{document}
`

// sheetNetwork writes the network: drawn, then its definitions and parameters.
func (s *solution) sheetNetwork(answers bool) {
	n, d := s.n, &s.doc
	d.heading(2, text("The network"))
	d.blocks = append(d.blocks, drawing{n: n, showComputed: answers})
	var items []inline
	for l := 1; l < len(n.Sizes); l++ {
		items = append(items, append(line(text("Activation in "+theLayer(n, l)+": ")), activationDef(n.Activations[l-1])...))
	}
	items = append(items,
		line(text("Loss: "), tex("J = "+lossFormula(n)), text(".")),
		line(text("Learning rate: "), tex(`\eta = `+s.f.plain(n.LearningRate)), text(".")),
		append(line(text("Inputs: ")), s.valueList(n.Inputs, func(j int) string { return outSymbol(n, 0, j) })...),
		append(line(text("Targets: ")), s.valueList(n.Targets, func(k int) string { return targetSymbol(n, k) })...),
	)
	d.list(items...)
	tb := s.paramTable()
	d.table(tb)
}

// sheetQuestion writes question k: what to find and a blank per value, or,
// in the key, each value with its worked chain.
func (s *solution) sheetQuestion(j *judge.Judge, k int, q SheetQuestion, answers bool) {
	d := &s.doc
	d.heading(3, text(fmt.Sprintf("Question %d (%s): find %s", k, q.Topic, q.Target.Name)))
	d.para(text(q.Target.Name + ": " + q.Target.Description + "."))
	if !answers {
		tb := table{head: []inline{line(text("value")), line(text("your answer"))}}
		for _, p := range q.Parts {
			tb.rows = append(tb.rows, []inline{line(text(p.Name)), line(text(blank))})
		}
		d.table(tb)
		return
	}
	tb := table{head: []inline{line(text("value")), line(text("answer"))}, right: []bool{false, true}}
	for _, p := range q.Parts {
		tb.rows = append(tb.rows, []inline{line(text(p.Name)), line(text(sig(j.Exact(p))))})
	}
	d.table(tb)
	for _, p := range q.Parts {
		w := j.Chain(p, j.Exact(p), nil)
		d.para(text(w.Formula))
		d.para(text(substituted(w)))
	}
}

// substituted writes the numbers of a worked chain: for products that
// are added (a net's terms, the paths of the chain rule) the numbers in
// place of the symbols, "= (-0.3605) · 0.2305 · 0.5929 = -0.04927";
// otherwise the values used and the result, "with net_h1 = 0.3760:
// out_h1 = 0.5929".
func substituted(w judge.Worked) string {
	if !w.Sum {
		var used []string
		for _, path := range w.Paths {
			for _, st := range path {
				used = append(used, st.Symbol+" = "+sig(st.Exact))
			}
		}
		return "with " + strings.Join(used, ", ") + ": " + w.Result.Symbol + " = " + sig(w.Result.Exact)
	}
	terms := make([]string, len(w.Paths))
	for i, path := range w.Paths {
		fs := make([]string, len(path))
		for k, st := range path {
			fs[k] = sig(st.Exact)
			if st.Exact < 0 && len(path) > 1 {
				fs[k] = "(" + fs[k] + ")"
			}
		}
		terms[i] = strings.Join(fs, " · ")
		if len(w.Paths) > 1 && len(path) > 1 {
			terms[i] = "(" + terms[i] + ")"
		}
	}
	return "= " + strings.Join(terms, " + ") + " = " + sig(w.Result.Exact)
}

// sig writes x to 4 significant figures.
func sig(x float64) string { return numtext.FormatSig(x, 4) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// drawing is the network drawn: in Markdown as text (the tutor's diagram),
// in LaTeX with TikZ. showComputed writes the values the network computes;
// otherwise they are ?.
type drawing struct {
	n            *mathcore.Network
	showComputed bool
}

func (drawing) isBlock() {}

// tikz draws n layer by layer, each node with its label (and its value for
// an input, or a computed one when show is set), each edge with its weight.
// A network with a layer of more than 8 nodes is not drawn (its table of
// parameters says the same).
func tikz(n *mathcore.Network, show bool) string {
	for _, size := range n.Sizes {
		if size > 8 {
			return "% (a layer of more than 8 nodes: see the table of parameters)\n"
		}
	}
	t := mathcore.NewTrace(n)
	t.Compute(n)
	var b strings.Builder
	b.WriteString(`\begin{center}` + "\n" + `\begin{tikzpicture}[x=4.2cm,y=1.5cm,` +
		`node/.style={draw,rounded corners,inner sep=3pt,font=\small},` +
		`w/.style={fill=white,inner sep=1pt,font=\scriptsize,pos=0.3}]` + "\n")
	id := func(l, j int) string { return "n" + strconv.Itoa(l) + "x" + strconv.Itoa(j) }
	for l, size := range n.Sizes {
		for j := range size {
			val := "?"
			if l == 0 || show {
				val = numtext.Format(t.Out[l][j], DefaultDigits)
			}
			y := float64(size-1)/2 - float64(j)
			fmt.Fprintf(&b, "\\node[node] (%s) at (%d,%.2f) {%s %s};\n", id(l, j), l, y, texEscape(n.NodeLabel(l, j)), val)
		}
	}
	for _, p := range n.Params() {
		if p.Bias {
			continue
		}
		fmt.Fprintf(&b, "\\draw[->] (%s) -- node[w] {$%s = %s$} (%s);\n", id(p.Layer, p.From),
			paramSymbol(n, p), numtext.Format(n.Value(p), DefaultDigits), id(p.Layer+1, p.To))
	}
	b.WriteString(`\end{tikzpicture}` + "\n" + `\end{center}` + "\n")
	return b.String()
}
