package export

import (
	"strings"
	"testing"

	"nnmath/judge"
	"nnmath/mathcore"
)

// sheet returns the worksheet of the paper's network asking names.
func sheet(t *testing.T, opt SheetOptions, names ...string) string {
	t.Helper()
	j, err := judge.New(mathcore.Paper())
	if err != nil {
		t.Fatal(err)
	}
	var qs []SheetQuestion
	for _, name := range names {
		q, err := j.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		parts := []judge.Quantity{q}
		if name == "out_h1" {
			net, _ := j.Lookup("net_h1")
			parts = []judge.Quantity{net, q}
		}
		qs = append(qs, SheetQuestion{Topic: q.Topic().String(), Target: q, Parts: parts})
	}
	data, err := Worksheet(j, qs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWorksheetLeavesBlanks(t *testing.T) {
	md := sheet(t, SheetOptions{Format: Markdown, Seed: 42}, "out_h1", "dJ/dw9")
	for _, want := range []string{"seed 42", "Name: \\_\\_", "### Question 1 (forward): find out\\_h1",
		"| net\\_h1 | \\_\\_\\_", "h1 ?", "| $w_{9}$ | h1 | o | $0.6000$ |", "```text"} {
		if !strings.Contains(md, want) {
			t.Errorf("the sheet has no %q:\n%s", want, md)
		}
	}
	for _, leak := range []string{"0.3760", "0.5929", "-0.04927"} { // the values to compute
		if strings.Contains(md, leak) {
			t.Errorf("the sheet gives away %s", leak)
		}
	}
}

func TestWorksheetAnswerKey(t *testing.T) {
	md := sheet(t, SheetOptions{Format: Markdown, Seed: 42, Answers: true}, "out_h1", "dJ/dw9")
	for _, want := range []string{"answer key", "| net\\_h1 | 0.3760 |", "| out\\_h1 | 0.5929 |", "with net\\_h1 = 0.3760: out\\_h1 = 0.5929",
		"= (0.4000 · 0.5000) + (0.1000 · 0.5600) + (0.4000 · 0.3000) + (0.2000 · 0) = 0.3760",
		"= (-0.3605) · 0.2305 · 0.5929 = -0.04927", "h1 0.5929"} {
		if !strings.Contains(md, want) {
			t.Errorf("the key has no %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "\\_\\_\\_") {
		t.Error("the key has blanks")
	}
}

func TestWorksheetLaTeXIsADocument(t *testing.T) {
	tex := sheet(t, SheetOptions{Format: LaTeX, Seed: 7, Answers: true}, "w9_new")
	for _, want := range []string{`\documentclass`, `\usepackage{tikz}`, `\begin{tikzpicture}`, `{h1 0.5929}`,
		`{$w_{9} = 0.6000$}`, `w9\_new = w9 - $\eta$ $\cdot$ dJ/dw9`} {
		if !strings.Contains(tex, want) {
			t.Errorf("the LaTeX has no %q:\n%s", want, tex)
		}
	}
	if !strings.HasSuffix(tex, "\\end{document}\n") {
		t.Error("the LaTeX document is not closed")
	}
	for _, r := range tex {
		if r > 127 {
			t.Errorf("the LaTeX holds %q, which pdflatex's fonts may lack", r)
			break
		}
	}
}
