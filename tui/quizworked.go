package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nnmath/judge"
	"nnmath/numtext"
	"nnmath/quiz"
)

// This file lays out the worked chains shown under an answered question.

// workedLines lays out a worked chain under heading: the formula, then
// each value with the learner's beside the exact one, marked as the
// learner's answers (parts) were judged.
func workedLines(st Styles, heading string, wk judge.Worked, parts []quiz.PartResult, w int) []string {
	lines := []string{style(st.Heading, heading)}
	for _, l := range breakAtOperators(wk.Formula, w, "    ") {
		lines = append(lines, style(st.Formula, l))
	}
	judged := map[string]quiz.PartResult{}
	for _, p := range parts {
		judged[p.Quantity.Name] = p
	}
	mark := func(s judge.Step) string {
		if p, ok := judged[s.Name]; ok && s.HasUser {
			return verdictMark(p)
		}
		if s.HasUser && !judge.ValueMatches(s.Value, s.Exact, judge.DefaultTolerance) {
			return "✗"
		}
		return ""
	}
	const markW = len("  ✓ for your values") - 2 // the widest mark, in columns
	nameW := textWidth("= " + wk.Result.Symbol)
	for _, p := range wk.Paths {
		for _, s := range p {
			nameW = max(nameW, textWidth(s.Symbol))
		}
	}
	nameW = max(6, min(nameW, w-2-2-10-2-10-2-markW))
	row := func(sym, exact, yours, mark string) string {
		if mark != "" {
			mark = "  " + mark
		}
		return "  " + padRight(ansi.Truncate(sym, nameW, "…"), nameW) + "  " + padLeft(exact, 10) + "  " + padLeft(yours, 10) + mark
	}
	lines = append(lines, style(st.StepOld, row("value", "exact", "yours", "")))
	for i, p := range wk.Paths {
		if wk.Sum && len(wk.Paths) > 1 {
			lines = append(lines, style(st.StepOld, fmt.Sprintf("  term %d", i+1)))
		}
		for _, s := range p {
			yours := ""
			if s.HasUser {
				yours = numtext.FormatSig(s.Value, 4)
			}
			lines = append(lines, row(s.Symbol, numtext.FormatSig(s.Exact, 4), yours, mark(s)))
		}
	}
	r := wk.Result
	rm := "✗"
	p, judgedResult := judged[r.Name]
	switch {
	case judgedResult:
		rm = verdictMark(p)
	case judge.ValueMatches(r.Value, r.Exact, judge.DefaultTolerance):
		rm = "✓"
	}
	lines = append(lines, style(st.Result, row("= "+r.Symbol, numtext.FormatSig(r.Exact, 4), numtext.FormatSig(r.Value, 4), rm)))
	if judgedResult && p.Carried {
		lines = append(lines, style(st.Note, "    from your values, "+r.Symbol+" = "+numtext.FormatSig(p.CarriedValue, 4)))
	}
	return lines
}

// verdictMark is the mark of a judged value in a worked chain: the same
// verdict as its part's line.
func verdictMark(p quiz.PartResult) string {
	switch {
	case p.Carried:
		return "✓ for your values"
	case p.Verdict == judge.Correct:
		return "✓"
	case p.Verdict == judge.Close:
		return "≈"
	}
	return "✗"
}

// padLeft pads s on the left with spaces to w columns.
func padLeft(s string, w int) string {
	if n := textWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}
