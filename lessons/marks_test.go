package lessons

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// markNumber matches a number as the lessons write one, with decimals, and
// the mark that may follow it.
var markNumber = regexp.MustCompile(`-?[0-9]+\.[0-9]+[▲▼]?`)

// markSkeleton is a line with its numbers and marks taken out, to pair the
// lines of a page before and after a change.
func markSkeleton(s string) string { return markNumber.ReplaceAllString(s, "#") }

// markCheck fails for every number that reads differently after a change
// than before it but carries no mark. Lines are paired by position and by
// their words; lines whose words changed (a note that went away, a sentence
// that depends on a sign) are skipped.
func markCheck(t *testing.T, where string, before, after Page) (checked int) {
	t.Helper()
	b, a := testnet.PageLines(before), testnet.PageLines(after)
	if len(b) != len(a) {
		t.Logf("%s: %d lines before, %d after; pairing by key", where, len(b), len(a))
	}
	byKey := map[string]string{}
	for _, l := range b {
		byKey[l.Key] = l.Text
	}
	for _, l := range a {
		old, ok := byKey[l.Key]
		if strings.Contains(l.Key, "note/") {
			continue // a note on the paper is never marked (TestMarksAreCalm)
		}
		if !ok || markSkeleton(old) != markSkeleton(l.Text) {
			continue
		}
		olds, news := markNumber.FindAllString(old, -1), markNumber.FindAllString(l.Text, -1)
		for i, nw := range news {
			was := strings.TrimRight(olds[i], Up+Down)
			is := strings.TrimRight(nw, Up+Down)
			checked++
			if was != is && nw == is && !sameNumber(was, is) { // 0.5000 to 0.5000000: more figures, no change

				t.Errorf("%s: %s: %s changed to %s without a mark in %q", where, l.Key, was, is, l.Text)
			}
		}
	}
	return checked
}

// markEdits are the changes a learner makes: a weight, the learning rate,
// an input, a target, an update step and its undo.
var markEdits = []struct {
	name string
	do   func(t *testing.T, s *Session)
}{
	{"w1", func(t *testing.T, s *Session) { markSet(t, s, "w1", func(v float64) float64 { return v + 0.05 }) }},
	{"eta", func(t *testing.T, s *Session) { markSet(t, s, "eta", func(float64) float64 { return 0.5 }) }},
	{"i1", func(t *testing.T, s *Session) { markSet(t, s, "i1", func(v float64) float64 { return v + 0.1 }) }},
	{"target", func(t *testing.T, s *Session) {
		s.Change(func(n *mathcore.Network) { n.Targets[0] -= 0.25 })
	}},
	{"update", func(t *testing.T, s *Session) {
		if err := s.ApplyUpdate(); err != nil {
			t.Fatal(err)
		}
	}},
	{"undo", func(t *testing.T, s *Session) {
		if err := s.ApplyUpdate(); err != nil {
			t.Fatal(err)
		}
		s.UndoUpdate()
	}},
}

// markSet sets the field with the given label to f of its value.
func markSet(t *testing.T, s *Session, label string, f func(float64) float64) {
	t.Helper()
	for _, fd := range Fields(s.Net) {
		if fd.Label == label {
			if err := s.SetField(fd, f(fd.Get(s.Net))); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no field %s", label)
}

// After any change, every number on every page that reads differently than
// before carries a mark: in formulas and substitutions, results, tables,
// figures and diagrams alike; notes on the paper stand unmarked.
func TestChangedValuesAreMarkedEverywhere(t *testing.T) {
	for _, name := range []string{"paper", "2-2-2 biases", "3-4-4-2 tanh relu", "1-1"} {
		for _, edit := range markEdits {
			for _, digits := range []int{4, 10} {
				s := NewSession(network(t, name))
				s.Digits = digits
				// A first change, so that the edit under test is compared
				// with an edited state and not with the start.
				s.Change(func(n *mathcore.Network) { n.Inputs[0] += 0.01 })
				var before []Page
				ls := All()
				for _, l := range ls {
					before = append(before, l.Build(s, 140))
				}
				edit.do(t, s)
				checked := 0
				for i, l := range ls {
					if l.ID == IDTraining { // shows a copy of the network, trained on its own
						continue
					}
					where := name + "/" + edit.name + "/" + strconv.Itoa(digits) + "/" + l.ID
					checked += markCheck(t, where, before[i], l.Build(s, 140))
				}
				if checked == 0 {
					t.Errorf("%s/%s: no number compared", name, edit.name)
				}
			}
		}
	}
}

// The marks the report named: the update lesson after u and after η = 0.5,
// the dot product's row-times-column line, the chain's product line.
func TestMarksNamedInTheReport(t *testing.T) {
	s := NewSession(mathcore.Paper())
	w9 := mathcore.Param{Layer: 1}
	if err := s.ApplyUpdate(); err != nil {
		t.Fatal(err)
	}
	p := lessonByID(t, IDUpdate).Build(s, 140)
	if st := p.Steps[1]; !strings.Contains(st.Numbers, s.P(w9)) || !strings.ContainsAny(s.P(w9), Up+Down) {
		t.Errorf("after u, the w9 step does not mark w9: %q", st.Numbers)
	}
	table := strings.Join(p.Steps[3].Figure, "\n")
	if g := s.V(gradGetter(w9)); !strings.ContainsAny(g, Up+Down) || !strings.Contains(table, g) {
		t.Errorf("after u, the table does not mark dJ/dw9 %s:\n%s", g, table)
	}
	if ba := strings.Join(p.Steps[4].Figure, "\n"); strings.Count(ba, Up)+strings.Count(ba, Down) < 4 {
		t.Errorf("after u, before and after is not marked:\n%s", ba)
	}

	s = NewSession(mathcore.Paper())
	markSet(t, s, "eta", func(float64) float64 { return 0.5 })
	p = lessonByID(t, IDUpdate).Build(s, 140)
	if st := p.Steps[1]; !strings.Contains(st.Numbers, "0.5"+Up) || !strings.Contains(st.Result, "0.6246"+Up) {
		t.Errorf("η = 0.5: the w9 step reads %q = %q", st.Numbers, st.Result)
	}
	table = strings.Join(p.Steps[3].Figure, "\n")
	if !strings.Contains(table, "-0.02463"+Down) {
		t.Errorf("η = 0.5: the η·dJ/dw column is not marked:\n%s", table)
	}
	if r := p.Steps[4].Result; !strings.ContainsAny(r, Up+Down) {
		t.Errorf("η = 0.5: J_after - J_now = %q is not marked", r)
	}

	s = NewSession(mathcore.Paper())
	markSet(t, s, "w1", func(v float64) float64 { return v - 0.1 })
	dot := lessonByID(t, IDDot).Build(s, 140).Steps[0]
	if !strings.Contains(dot.Figure[0], "0.3000"+Down) || !strings.Contains(dot.Figure[0], "0.3260"+Down) {
		t.Errorf("the row-times-column line is not marked: %q", dot.Figure[0])
	}
	prod := lessonByID(t, IDChainOutput).Build(s, 140).Steps[3]
	if strings.Count(prod.Numbers, Up)+strings.Count(prod.Numbers, Down) != 3 {
		t.Errorf("the product line does not mark its three factors: %q", prod.Numbers)
	}
}

// A mark shows only what the last edit changed as shown, never inside a
// note on the paper's numbers, and never widens the pixel box.
func TestMarksAreCalm(t *testing.T) {
	s := NewSession(mathcore.Paper())
	markSet(t, s, "i4", func(float64) float64 { return 0.2 })
	markSet(t, s, "i4", func(float64) float64 { return 0 })
	for _, l := range All() {
		for _, st := range l.Build(s, 100).Steps {
			if strings.ContainsAny(st.Note, Up+Down) {
				t.Errorf("%s, %s: a note on the paper is marked: %s", l.ID, st.Title, st.Note)
			}
		}
	}
	// A change too small to show in 4 figures is not marked.
	s = NewSession(mathcore.Paper())
	markSet(t, s, "w1", func(w float64) float64 { return w + 1e-9 })
	if text := testnet.PageText(lessonByID(t, IDDot).Build(s, 100)); strings.ContainsAny(text, Up+Down) {
		t.Errorf("w1 + 1e-9 marks the dot lesson:\n%s", text)
	}
	// The diagram keeps its columns when values are marked.
	s = NewSession(mathcore.Paper())
	skeleton := func(lines []string) string {
		var out []string
		for _, l := range lines {
			var b strings.Builder
			for _, r := range l {
				if strings.ContainsRune("┐┤┘┼├│▶", r) {
					b.WriteRune(r)
				} else {
					b.WriteRune(' ')
				}
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		return strings.Join(out, "\n")
	}
	plain := skeleton(Diagram(s, 100, DiagramOptions{}))
	s.Change(func(n *mathcore.Network) { n.Inputs[0] = 0.9 })
	if marked := Diagram(s, 100, DiagramOptions{}); skeleton(marked) != plain || !strings.Contains(strings.Join(marked, ""), Up) {
		t.Errorf("marks move the diagram:\n%s", strings.Join(marked, "\n"))
	}
	// A table keeps its columns when values are marked.
	s = NewSession(mathcore.Paper())
	before := strings.Join(updateTable(s, 100), "\n")
	if err := s.ApplyUpdate(); err != nil {
		t.Fatal(err)
	}
	after := strings.Join(updateTable(s, 100), "\n")
	if strings.Index(after, "new") != strings.Index(before, "new") || !strings.Contains(after, Up) {
		t.Errorf("marks move the table:\n%s\n%s", before, after)
	}
	// The pixel box keeps its width when a value is marked.
	s = NewSession(mathcore.Paper())
	before = imageFigure(s)[0]
	markSet(t, s, "i2", func(float64) float64 { return 0.7 })
	if after := imageFigure(s); after[0] != before || !strings.Contains(strings.Join(after, "\n"), Up) {
		t.Errorf("a marked pixel moves the box:\n%s\n%s", before, strings.Join(after, "\n"))
	}
}

// sameNumber reports whether two texts write the same number, one with
// more figures: 0.5000 and 0.5000000.
func sameNumber(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && x == y
}
