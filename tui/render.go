package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
)

// WideWidth is the width from which a lesson's aside figure stands beside
// its steps instead of above them.
const WideWidth = 140

// stepIndent is how far a step's content is indented under its title.
const stepIndent = 2

// minMainWidth is the narrowest the steps column may get beside an aside.
const minMainWidth = 60

// body is a lesson laid out for a width: its lines, and where the newest
// revealed step starts and ends so that it can be scrolled into view.
type body struct {
	lines        []string
	widths       []int // the display width of each line, measured once per layout
	newestTop    int   // first line of the newest revealed step, -1 when none
	newestBottom int   // its last line
	steps        int   // how many steps the page has
}

// layout builds lesson l for the session and lays it out for width columns
// with revealed steps shown (all of them when revealed < 0).
//
// Lessons are built for stepIndent columns less than the width, so that
// figures inside an indented step still fit.
func layout(st Styles, s *lessons.Session, l lessons.Lesson, width, revealed int) body {
	return layoutPages(st, func(w int) lessons.Page { return l.Build(s, w) }, width, revealed, stepHints{})
}

// stepHints name the keys the line under the revealed steps mentions:
// revealing the next step, going to the next lesson, hiding a step.
type stepHints struct {
	reveal, next, hide string
	last               bool // the last lesson: next starts the quiz
}

// layoutPages is layout with the lesson's pages coming from build, so that
// revealing a step can reuse the pages built for the same session state,
// and the line under the steps naming the keys of hints.
func layoutPages(st Styles, build func(width int) lessons.Page, width, revealed int, hints stepHints) body {
	page := build(width - stepIndent)
	if page.Skip != "" {
		return body{lines: paragraph(st.Text, page.Skip, width), newestTop: -1}
	}
	if width >= WideWidth && len(page.Aside) > 0 {
		// The lesson takes what its prose and formulas need; the figure
		// beside it the rest.
		mainW := min(width-blockWidth(page.Aside)-3, proseMeasure+stepIndent+8)
		if mainW >= minMainWidth {
			page = build(mainW - stepIndent)
			main := layoutMain(st, page, mainW, revealed, false, hints)
			aside := figure(st.Figure, sweepAt(page, revealed), width-mainW-3)
			if page.Sweep != nil && main.newestTop > 0 {
				// A sweep stands beside the newest step, to stay in view with it.
				aside = append(make([]string, main.newestTop), aside...)
			}
			main.lines = sideBySide(main.lines, mainW, aside)
			return main
		}
	}
	return layoutMain(st, page, width, revealed, true, hints)
}

// layoutMain lays out the intro and the revealed steps, with the aside on
// top when withAside is set, and a line saying which keys show more.
func layoutMain(st Styles, page lessons.Page, width, revealed int, withAside bool, hints stepHints) body {
	var lines []string
	// A sweep goes with the newest step, so that it stays in view beside
	// its formula; with no step revealed, or every step printed, it leads.
	inStep := withAside && page.Sweep != nil && revealed > 0
	if withAside && len(page.Aside) > 0 && !inStep {
		// The figure first, so that the first screen shows it.
		lines = append(lines, figure(st.Figure, sweepAt(page, revealed), width)...)
		lines = append(lines, "")
	}
	for _, b := range page.Intro {
		lines = append(lines, block(st, b, width)...)
		lines = append(lines, "")
	}
	n := len(page.Steps)
	showHints := revealed >= 0
	if revealed < 0 || revealed > n {
		revealed = n
	}
	b := body{newestTop: -1, steps: n}
	for i := 0; i < revealed; i++ {
		newest := i == revealed-1
		if newest {
			b.newestTop = len(lines)
		}
		var sweep []string
		if inStep && newest {
			sweep = page.Sweep[min(revealed, len(page.Sweep)-1)]
		}
		lines = append(lines, step(st, page.Steps[i], i, n, width, newest, sweep)...)
		if newest {
			b.newestBottom = len(lines) - 1
		}
		lines = append(lines, "")
	}
	switch {
	case !showHints:
	case n == 0:
		if hints.last { // a lesson of no steps still shows the way on
			lines = append(lines, paragraph(st.Hint, "All of this lesson is shown: "+hints.next+" starts the quiz.", width)...)
		}
	case revealed < n:
		lines = append(lines, style(st.Hint, hints.reveal+": next step ("+strconv.Itoa(revealed)+" of "+strconv.Itoa(n)+" shown)"))
	default:
		where := " next lesson, "
		if hints.last {
			where = " starts the quiz, "
		}
		lines = append(lines, paragraph(st.Hint, "All "+strconv.Itoa(n)+" steps shown. "+hints.next+where+hints.hide+" hides a step.", width)...)
	}
	b.lines = lines
	return b
}

// sweepAt returns the aside of page with revealed steps shown: its Sweep's
// state at that step when it has one, Aside otherwise and when every step
// is printed (revealed < 0).
func sweepAt(page lessons.Page, revealed int) []string {
	if page.Sweep == nil || revealed < 0 {
		return page.Aside
	}
	if s := page.Sweep[min(revealed, len(page.Sweep)-1)]; s != nil {
		return s
	}
	return page.Aside
}

// step lays out step i of n; the newest step stands out, earlier ones are
// quieter. sweep, when not nil, is drawn under the step's formula and figure.
func step(st Styles, s lessons.Step, i, n, width int, newest bool, sweep []string) []string {
	marker, head := "·", st.StepOld
	if newest {
		marker, head = "▶", st.StepNew
	}
	title := marker + " " + strconv.Itoa(i+1) + "/" + strconv.Itoa(n)
	if s.Title != "" {
		title += "  " + s.Title
	}
	lines := []string{style(head, ansi.Truncate(title, width, "…"))}
	textStyle, formulaStyle, resultStyle, figStyle := st.Text, st.Formula, st.Result, st.Figure
	if !newest {
		textStyle, formulaStyle, resultStyle, figStyle = st.StepOld, st.StepOld, st.StepOld, st.StepOld
	}
	inner := width - stepIndent
	indent := func(ls []string) []string {
		for k := range ls {
			ls[k] = strings.Repeat(" ", stepIndent) + ls[k]
		}
		return ls
	}
	for _, t := range s.Text {
		lines = append(lines, indent(paragraph(textStyle, t, inner))...)
	}
	lines = append(lines, indent(formula(formulaStyle, resultStyle, s, inner))...)
	if len(s.Figure) > 0 {
		lines = append(lines, indent(figure(figStyle, s.Figure, inner))...)
	}
	if len(sweep) > 0 {
		lines = append(lines, indent(figure(figStyle, sweep, inner))...)
	}
	for _, t := range s.After {
		lines = append(lines, indent(paragraph(textStyle, t, inner))...)
	}
	if s.Note != "" {
		lines = append(lines, indent(paragraph(st.Note, "Paper: "+s.Note, inner))...)
	}
	return lines
}

// formula lays out "Formula = Numbers = Result" on one line when it fits,
// else one part per line, each broken at its operators.
func formula(fs, rs Paint, s lessons.Step, width int) []string {
	var parts []string
	for _, p := range []string{s.Formula, s.Numbers} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 && s.Result == "" {
		return nil
	}
	one := strings.Join(parts, " = ")
	if s.Result != "" {
		if one != "" {
			one += " = "
		}
		if textWidth(one)+textWidth(s.Result) <= width {
			return []string{style(fs, one) + style(rs, s.Result)}
		}
	} else if textWidth(one) <= width {
		return []string{style(fs, one)}
	}
	var lines []string
	for k, p := range parts {
		prefix := ""
		if k > 0 {
			prefix = "  = "
		}
		for _, l := range breakAtOperators(prefix+p, width, "      ") {
			lines = append(lines, style(fs, l))
		}
	}
	if s.Result != "" {
		prefix := "  = "
		if len(parts) == 0 {
			prefix = ""
		}
		for _, l := range breakAtOperators(prefix+s.Result, width, "      ") {
			lines = append(lines, style(rs, l))
		}
	}
	return lines
}

// breakAtOperators breaks s into lines of at most width columns, preferring
// to break before " + ", " - ", " · ", " = " and ", " outside brackets, and
// continuing broken lines with indent; a piece still too wide is hard-wrapped.
func breakAtOperators(s string, width int, indent string) []string {
	var pieces []string
	start, depth := 0, 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		}
		if depth > 0 {
			continue // never inside brackets: "σ(0.3760 - 0.001)" stays whole
		}
		for _, op := range []string{" + ", " - ", " · ", " = ", ", "} {
			if strings.HasPrefix(s[i:], op) {
				pieces = append(pieces, s[start:i])
				start = i
				break
			}
		}
	}
	pieces = append(pieces, s[start:])
	var lines []string
	cur := ""
	for _, p := range pieces {
		if cur != "" && textWidth(cur+p) > width {
			lines = append(lines, cur)
			cur = indent + strings.TrimLeft(p, " ")
			continue
		}
		cur += p
	}
	lines = append(lines, cur)
	var out []string
	for _, l := range lines {
		if textWidth(l) > width {
			out = append(out, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return out
}

func block(st Styles, b lessons.Block, width int) []string {
	switch b.Kind {
	case lessons.Figure:
		return figure(st.Figure, b.Lines, width)
	case lessons.Heading:
		var out []string
		for _, l := range b.Lines {
			out = append(out, style(st.Heading, ansi.Truncate(l, width, "…")))
		}
		return out
	case lessons.Bar:
		return append([]string{progressBar(st, b.Fraction, min(width, 40))}, figure(st.Figure, b.Lines, width)...)
	}
	var out []string
	for _, l := range b.Lines {
		out = append(out, paragraph(st.Text, l, width)...)
	}
	return out
}

// progressBar draws a bar width columns wide filled to frac: bubbles'
// progress bar in the styles' colours, or block characters when plain.
func progressBar(st Styles, frac float64, width int) string {
	frac = max(0, min(1, frac))
	if st.Plain || st.Bar == nil {
		fill := int(frac*float64(width) + 0.5)
		return strings.Repeat("█", fill) + strings.Repeat("░", width-fill)
	}
	bar := *st.Bar
	bar.SetWidth(width)
	return bar.ViewAs(frac)
}

// proseMeasure is the widest a line of prose runs, however wide the
// screen: lines much longer are hard to read. Figures, formulas and the
// panel take the rest of a wide screen.
const proseMeasure = 92

// paragraph wraps prose to width, or to proseMeasure on a wider screen,
// and paints each line.
func paragraph(st Paint, s string, width int) []string {
	lines := wrapWords(s, min(width, proseMeasure))
	for i, l := range lines {
		lines[i] = style(st, l)
	}
	return lines
}

// wrapWords wraps s to width at spaces only, never after a minus sign
// (which would split a negative number or a formula); a word wider than
// width is broken across lines.
func wrapWords(s string, width int) []string {
	width = max(1, width)
	var lines []string
	cur, curW := "", 0
	for _, word := range strings.Fields(s) {
		w := textWidth(word)
		switch {
		case cur == "":
			cur, curW = word, w
		case curW+1+w <= width:
			cur, curW = cur+" "+word, curW+1+w
		default:
			lines = append(lines, cur)
			cur, curW = word, w
		}
		for curW > width {
			lines = append(lines, ansi.Truncate(cur, width, ""))
			cur = ansi.TruncateLeft(cur, width, "")
			curW = textWidth(cur)
		}
	}
	return append(lines, cur)
}

// figure styles preformatted lines, cutting any that would overflow width.
func figure(st Paint, ls []string, width int) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		if textWidth(l) > width {
			l = ansi.Truncate(l, width, "…")
		}
		out[i] = style(st, l)
	}
	return out
}

// style renders s in st, marking ▲ and ▼ in their own colours; plain
// styles leave s as it is.
func style(st Paint, s string) string {
	if s == "" {
		return s
	}
	return st.Render(s)
}

// colourMarks colours the rise and fall marks of a rendered line.
func colourMarks(st Styles, line string) string {
	if st.Plain || !strings.ContainsAny(line, lessons.Up+lessons.Down) {
		return line
	}
	line = strings.ReplaceAll(line, lessons.Up, st.Up.Render(lessons.Up))
	return strings.ReplaceAll(line, lessons.Down, st.Down.Render(lessons.Down))
}

// sideBySide puts the aside to the right of the main column.
func sideBySide(main []string, mainW int, aside []string) []string {
	n := max(len(main), len(aside))
	out := make([]string, n)
	for i := 0; i < n; i++ {
		l := ""
		if i < len(main) {
			l = main[i]
		}
		if i < len(aside) {
			pad := mainW - textWidth(l)
			l += strings.Repeat(" ", max(0, pad)) + "   " + aside[i]
		}
		out[i] = l
	}
	return out
}

func blockWidth(ls []string) int {
	w := 0
	for _, l := range ls {
		w = max(w, textWidth(l))
	}
	return w
}
