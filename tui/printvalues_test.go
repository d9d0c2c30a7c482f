package tui

import (
	"regexp"
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/judge"
	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/numtext"
	"nnmath/paper"
)

// number matches a number with a decimal point or an exponent, as print
// writes values (integers such as step counts and labels are left out).
var number = regexp.MustCompile(`-?\d+\.\d+(?:e[-+]\d+)?|-?\d+e[-+]\d+`)

// axisTicks matches the line of numbers under a plot's x axis.
var axisTicks = regexp.MustCompile(`^\s*(-?[\d.]+\s*)+$`)

// constants are the numbers of formulas rather than values: the nudge of a
// numerical slope (h and 2h), and the threshold of a yes-or-no answer.
var constants = map[string]bool{"0.001": true, "0.002": true, "0.5": true}

// printedValueNets returns the networks TestPrintedValuesPassCheck prints:
// the paper's, random ones of every kind the judge is checked on, and some
// of them edited the way a learner edits them in the tutor.
func printedValueNets() map[string]func(s *lessons.Session) {
	nets := map[string]func(s *lessons.Session){
		"paper": nil,
		"paper, i4 = 0.2 and one update": func(s *lessons.Session) {
			s.Change(func(n *mathcore.Network) { n.Inputs[3] = 0.2 })
			if err := s.ApplyUpdate(); err != nil {
				panic(err)
			}
		},
		"paper, w6 = -1.3, target 0.25, η = 0.7": func(s *lessons.Session) {
			s.Change(func(n *mathcore.Network) {
				n.Weights[0][1][2], n.Targets[0], n.LearningRate = -1.3, 0.25, 0.7
			})
		},
	}
	return nets
}

// TestPrintedValuesPassCheck walks every value nnmath print shows at the
// default figures, on the paper's network, the textbook example, random
// networks and edited ones, and grades each as nnmath check would grade it typed in as shown:
// every one must be correct. It also finds every number in the printed
// text and requires it to be one of those values or one of the paper's
// own printed numbers, so that no number reaches the page unchecked.
func TestPrintedValuesPassCheck(t *testing.T) {
	type run struct {
		net  *mathcore.Network
		edit func(s *lessons.Session)
	}
	runs := map[string]run{}
	for name, edit := range printedValueNets() {
		runs[name] = run{mathcore.Paper(), edit}
	}
	runs["textbook"] = run{mathcore.Textbook(), nil}
	for i, k := range testnet.JudgeKinds() {
		runs[k.Name] = run{testnet.Random(uint64(40+i), k.Spec), nil}
		runs[k.Name+", two updates"] = run{testnet.Random(uint64(60+i), k.Spec), func(s *lessons.Session) {
			for range 2 {
				if err := s.ApplyUpdate(); err != nil {
					panic(err)
				}
			}
		}}
	}
	quotes := map[string]bool{}
	for _, v := range paper.Values() {
		quotes[paper.Text(v.Printed)] = true
	}
	for name, r := range runs {
		t.Run(name, func(t *testing.T) {
			for _, tok := range number.FindAllString(r.net.Notes, -1) {
				quotes[tok] = true // the file's own words
			}
			s := lessons.NewSession(r.net)
			s.Keys = DefaultLessonKeyMap().names()
			if r.edit != nil {
				r.edit(s)
			}
			j, err := judge.New(s.Net)
			if err != nil {
				t.Fatal(err)
			}
			shown := map[string]bool{}
			bad := 0
			s.Record = func(v lessons.Shown) {
				shown[v.Text] = true
				if bad > 10 {
					return
				}
				x, err := numtext.Parse(v.Text)
				if err != nil {
					t.Errorf("%q (for %v) does not read back: %v", v.Text, v.Exact, err)
					bad++
					return
				}
				verdict := judge.GradeValue(x, v.Exact, judge.DefaultTolerance)
				what := "a value"
				if v.Updated {
					what = s.Net.ParamLabel(v.Param) + "_new"
					q, err := j.Lookup(what)
					if err != nil {
						t.Fatal(err)
					}
					verdict = j.Grade(q, x, v.Exact)
				}
				if verdict != judge.Correct {
					t.Errorf("%s shown as %q is %v; exact %v", what, v.Text, verdict, v.Exact)
					bad++
				}
			}
			var b strings.Builder
			if err := printSession(&b, s, nil, 100, PlainStyles()); err != nil {
				t.Fatal(err)
			}
			missing := map[string]bool{}
			for _, line := range strings.Split(b.String(), "\n") {
				if axisTicks.MatchString(line) {
					continue // the numbers under a plot's x axis
				}
				for _, loc := range number.FindAllStringIndex(line, -1) {
					tok := line[loc[0]:loc[1]]
					if strings.HasPrefix(line[loc[1]:], "┤") {
						continue // a plot's y axis
					}
					// A minus may be the formula's own, as in e^(-0.3760).
					if shown[tok] || shown[strings.TrimPrefix(tok, "-")] || quotes[tok] || constants[tok] || missing[tok] {
						continue
					}
					{
						missing[tok] = true
						t.Errorf("%q is printed but was not written by Session.F or Updated: %s", tok, line)
					}
				}
			}
		})
	}
}

// clipped matches a number cut short by a clipped line.
var clipped = regexp.MustCompile(`[0-9.]…`)

// At the narrowest widths print and the tutor lay lessons out for, no
// number is cut short: a clipped value could be copied wrong.
func TestNoNumberClippedWhenNarrow(t *testing.T) {
	nets := map[string]*mathcore.Network{"paper": mathcore.Paper()}
	for i, k := range testnet.JudgeKinds() {
		nets[k.Name] = testnet.Random(uint64(80+i), k.Spec)
	}
	for name, n := range nets {
		for _, width := range []int{40, MinWidth - 2} { // print's narrowest, the tutor's
			s := lessons.NewSession(n)
			s.Keys = DefaultLessonKeyMap().names()
			var b strings.Builder
			if err := printSession(&b, s, nil, width, PlainStyles()); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if clipped.MatchString(line) {
					t.Errorf("%s at %d columns: a number is clipped: %q", name, width, line)
				}
			}
		}
	}
}
