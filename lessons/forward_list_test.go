package lessons

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"nnmath/mathcore"
)

// fwdWidth returns the display width of a line of plain text: one column per
// rune, two for East Asian wide runes, none for combining marks. The
// figures use only narrow runes (box drawing, braille, shades, ● ◆ ·), so
// this matches a terminal.
func fwdWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError, unicode.Is(unicode.Mn, r):
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
			(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1f300 && r <= 0x1faff) || (r >= 0x20000 && r <= 0x3fffd)):
			w += 2
		default:
			w++
		}
	}
	return w
}

// fwdNetworks returns the networks every forward lesson is tested on: the
// paper's, a 2-2-2 with biases, a 3-4-4-2 with tanh and relu, and a 64-16-1.
func fwdNetworks(t testing.TB) map[string]*mathcore.Network {
	t.Helper()
	jsons := map[string]string{
		"2-2-2": `{"layers":[2,2,2],"activation":["tanh","sigmoid"],"loss":"mse",
			"weights":[[[0.15,0.2],[0.25,0.3]],[[0.4,0.45],[0.5,0.55]]],
			"biases":[[0.35,0.35],[0.6,0.6]],"inputs":[0.05,0.1],"targets":[0.01,0.99]}`,
		"3-4-4-2": `{"layers":[3,4,4,2],"activation":["tanh","relu","linear"],
			"weights":[` + fwdMatrix(4, 3, 1) + `,` + fwdMatrix(4, 4, 2) + `,` + fwdMatrix(2, 4, 3) + `],
			"inputs":[1,-0.5,0.25],"targets":[0.5,-1]}`,
		"64-16-1": `{"layers":[64,16,1],"weights":[` + fwdMatrix(16, 64, 4) + `,` + fwdMatrix(1, 16, 5) + `],
			"inputs":` + fwdVector(64, 6) + `,"targets":[1]}`,
	}
	nets := map[string]*mathcore.Network{"paper": mathcore.Paper()}
	for name, js := range jsons {
		n, err := mathcore.ParseNetwork([]byte(js))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nets[name] = n
	}
	return nets
}

// fwdVector returns n made-up values in [-1, 1] as a JSON array.
func fwdVector(n, seed int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		v := float64((i*37+seed*101)%200-100) / 100
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	b.WriteByte(']')
	return b.String()
}

// fwdMatrix returns a rows x cols JSON matrix of made-up values.
func fwdMatrix(rows, cols, seed int) string {
	var b strings.Builder
	b.WriteByte('[')
	for j := 0; j < rows; j++ {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(fwdVector(cols, seed*13+j))
	}
	b.WriteByte(']')
	return b.String()
}

// fwdCheckLines fails when a line is wider than width or shows NaN or Inf.
func fwdCheckLines(t *testing.T, what string, lines []string, width int) {
	t.Helper()
	for _, l := range lines {
		if w := fwdWidth(l); w > width {
			t.Errorf("%s: line %d wide > %d: %q", what, w, width, l)
		}
		if strings.Contains(l, "NaN") || strings.Contains(l, "Inf") {
			t.Errorf("%s: line shows NaN or Inf: %q", what, l)
		}
	}
}

// fwdPageLines returns every line of a page that the renderer shows
// unwrapped (figures and the aside), and every text, for NaN checks.
func fwdPageLines(p Page) (figs, texts []string) {
	for _, b := range p.Intro {
		if b.Kind == Figure {
			figs = append(figs, b.Lines...)
		} else {
			texts = append(texts, b.Lines...)
		}
	}
	figs = append(figs, p.Aside...)
	texts = append(texts, p.Skip)
	for _, st := range p.Steps {
		figs = append(figs, st.Figure...)
		texts = append(texts, st.Title, st.Formula, st.Numbers, st.Result, st.Note)
		texts = append(texts, st.Text...)
		texts = append(texts, st.After...)
	}
	return figs, texts
}

func fwdForward() []Lesson { return All()[:6] }

func TestForwardLessonsBuild(t *testing.T) {
	ids := []string{"overview", "die", "image", "dot", "sigmoid", "loss"}
	ls := fwdForward()
	if len(ls) != len(ids) {
		t.Fatalf("%d forward lessons, want %d", len(ls), len(ids))
	}
	for i, l := range ls {
		if l.ID != ids[i] || l.Title == "" || l.Summary == "" || l.Build == nil {
			t.Errorf("lesson %d: %+v", i, l)
		}
	}
	for name, n := range fwdNetworks(t) {
		s := NewSession(n)
		for _, digits := range []int{1, 4, 10} {
			s.Digits = digits
			for _, l := range ls {
				for _, w := range []int{60, 80, 120, 200} {
					p := l.Build(s, w)
					figs, texts := fwdPageLines(p)
					what := name + "/" + l.ID + "/" + strconv.Itoa(w)
					fwdCheckLines(t, what, figs, w)
					fwdCheckLines(t, what, texts, 1<<20)
					if p.Skip == "" && len(p.Steps) == 0 {
						t.Errorf("%s: no steps", what)
					}
				}
			}
		}
	}
}

func TestForwardLessonsAfterEdit(t *testing.T) {
	// Marks (▲ ▼) widen values; lines must still fit.
	for name, n := range fwdNetworks(t) {
		s := NewSession(n)
		s.Change(func(m *mathcore.Network) { m.Weights[0][0][0] += 0.5 })
		for _, l := range fwdForward() {
			for _, w := range []int{60, 80, 200} {
				figs, _ := fwdPageLines(l.Build(s, w))
				fwdCheckLines(t, name+"/"+l.ID, figs, w)
			}
		}
	}
}

func TestDotFirstStepResult(t *testing.T) {
	for name, n := range fwdNetworks(t) {
		s := NewSession(n)
		p := lessonByID(IDDot).Build(s, 80)
		if got, want := p.Steps[0].Result, s.F(s.Trace.Net[1][0]); got != want {
			t.Errorf("%s: first result %q, want %q", name, got, want)
		}
	}
	s := NewSession(mathcore.Paper())
	st := lessonByID(IDDot).Build(s, 80).Steps[0]
	if st.Formula != "net_h1 = w1·i1 + w3·i2 + w5·i3 + w7·i4" {
		t.Errorf("formula %q", st.Formula)
	}
	if st.Numbers != "0.4000·0.5000 + 0.1000·0.5600 + 0.4000·0.3000 + 0.2000·0.0000" {
		t.Errorf("numbers %q", st.Numbers)
	}
}

func TestDieLessonFaces(t *testing.T) {
	s := NewSession(mathcore.Paper())
	result := func() string {
		p := lessonByID(IDDie).Build(s, 80)
		return p.Steps[len(p.Steps)-1].Result
	}
	if got := result(); got != "a three" {
		t.Errorf("start: %q", got)
	}
	p := lessonByID(IDDie).Build(s, 80)
	if got := p.Steps[1].Result; got != "[1, 0, 0, 1, 0, 0, 1]" {
		t.Errorf("vector %q", got)
	}
	s.ToggleDot(3) // clear d: a, g is a two
	if got := result(); got != "a two" {
		t.Errorf("after toggling d: %q", got)
	}
	s.ToggleDot(2) // add c: no face
	if got := result(); !strings.Contains(got, "no face") {
		t.Errorf("after toggling c: %q", got)
	}
	s.SetFace(6)
	if got := result(); got != "a six" {
		t.Errorf("face 6: %q", got)
	}
	fig := strings.Join(lessonByID(IDDie).Build(s, 60).Intro[1].Lines, "\n")
	if strings.Count(fig, "●") != 6 || strings.Count(fig, "·") != 1 {
		t.Errorf("six drawn wrong:\n%s", fig)
	}
}

func TestImageLessonSkip(t *testing.T) {
	for name, n := range fwdNetworks(t) {
		p := lessonByID(IDImage).Build(NewSession(n), 80)
		if (p.Skip != "") != (n.Sizes[0] != 4) {
			t.Errorf("%s: skip %q with %d inputs", name, p.Skip, n.Sizes[0])
		}
	}
	s := NewSession(mathcore.Paper())
	p := lessonByID(IDImage).Build(s, 80)
	if got := p.Steps[1].Result; got != "["+s.F(0.5)+", "+s.F(0.56)+", "+s.F(0.3)+", "+s.F(0)+"]" {
		t.Errorf("vector %q", got)
	}
}

func TestSigmoidPaperNotes(t *testing.T) {
	s := NewSession(mathcore.Paper())
	p := lessonByID(IDSigmoid).Build(s, 80)
	if !strings.Contains(p.Steps[0].Note, "0.407") || !strings.Contains(p.Steps[1].Note, "0.455") {
		t.Errorf("slip notes missing: %q / %q", p.Steps[0].Note, p.Steps[1].Note)
	}
	if p.Steps[2].Note != "" {
		t.Errorf("out needs no sign note: %q", p.Steps[2].Note)
	}
	// Other values: the notes that quote the paper's numbers go; the slip in
	// the derivation of σ' (step 8) does not depend on them and stays.
	s.Change(func(n *mathcore.Network) { n.Weights[0][0][0] = 0.5 })
	for i, st := range lessonByID(IDSigmoid).Build(s, 80).Steps {
		switch {
		case i == 7 && !strings.Contains(st.Note, "e^x / (1 + e^x)"):
			t.Errorf("edited network lost the derivation note: %q", st.Note)
		case i != 7 && st.Note != "":
			t.Errorf("edited network shows the paper's note at step %d: %q", i+1, st.Note)
		}
	}
	// Another shape: no notes at all.
	s = NewSession(fwdNetworks(t)["2-2-2"])
	for _, st := range lessonByID(IDSigmoid).Build(s, 80).Steps {
		if st.Note != "" {
			t.Errorf("2-2-2 shows the paper's note: %q", st.Note)
		}
	}
}
