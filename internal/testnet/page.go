package testnet

import (
	"reflect"
	"strconv"
	"strings"
)

// Line is one line of a lesson's page, named by where it sits: "intro 2/0",
// "aside/4", "step 3 formula/1", "skip/0". Figure says whether the screen
// shows it as it is (a figure, the aside) rather than wrapping it as prose.
type Line struct {
	Key    string
	Text   string
	Figure bool
}

// figureKind is the value of lessons.Figure, the kind of an intro block
// shown as it is; page_test.go checks that they agree.
const figureKind = 1

// PageLines flattens page, a lessons.Page, into its lines in order: each
// block of the intro, the aside, then each step's title, text, formula line
// (formula, numbers, result), figure, after and note, and last the reason
// the lesson is skipped. Empty pieces are kept, so that the lines of two
// pages built from the same lesson pair up by key.
//
// The page is read by its fields' names, since lessons' own tests import
// this package and lessons cannot be imported back.
func PageLines(page any) []Line {
	p := reflect.ValueOf(page)
	var out []Line
	add := func(key string, figure bool, v reflect.Value) {
		for k, l := range strs(v) {
			out = append(out, Line{Key: key + "/" + strconv.Itoa(k), Text: l, Figure: figure})
		}
	}
	intro := p.FieldByName("Intro")
	for i := range intro.Len() {
		b := intro.Index(i)
		add("intro "+strconv.Itoa(i), b.FieldByName("Kind").Int() == figureKind, b.FieldByName("Lines"))
	}
	add("aside", true, p.FieldByName("Aside"))
	steps := p.FieldByName("Steps")
	for i := range steps.Len() {
		st := steps.Index(i)
		key := "step " + strconv.Itoa(i+1) + " "
		add(key+"title", false, st.FieldByName("Title"))
		add(key+"text", false, st.FieldByName("Text"))
		add(key+"formula", false, reflect.ValueOf([]string{st.FieldByName("Formula").String(),
			st.FieldByName("Numbers").String(), st.FieldByName("Result").String()}))
		add(key+"figure", true, st.FieldByName("Figure"))
		add(key+"after", false, st.FieldByName("After"))
		add(key+"note", false, st.FieldByName("Note"))
	}
	add("skip", false, p.FieldByName("Skip"))
	return out
}

// strs reads a string or a []string as a list of lines.
func strs(v reflect.Value) []string {
	if v.Kind() == reflect.String {
		return []string{v.String()}
	}
	return v.Interface().([]string)
}

// PageFigures returns the lines of page (a lessons.Page) that the screen
// shows as they are, which must fit its width, and the others, its prose.
func PageFigures(page any) (figures, prose []string) {
	for _, l := range PageLines(page) {
		if l.Figure {
			figures = append(figures, l.Text)
		} else {
			prose = append(prose, l.Text)
		}
	}
	return figures, prose
}

// PageText returns every line of page (a lessons.Page), one per line, for
// tests that look for a phrase anywhere on it.
func PageText(page any) string {
	var b strings.Builder
	for _, l := range PageLines(page) {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
