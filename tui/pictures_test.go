package tui

import (
	"encoding/xml"
	"flag"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
)

// The README's pictures are the tutor's own screens: TestPictures draws
// each scene below and fails when the text of its picture in docs/pictures
// differs from the screen, so that no picture goes stale. docs/pictures/make
// draws them all again: it runs this test with -pictures DIR, which writes
// each screen with its colours to DIR/NAME.ansi, and turns each into
// docs/pictures/NAME.svg with freeze.

var picturesDir = flag.String("pictures", "", "write each picture's screen, with its colours, to `DIR`/NAME.ansi instead of checking the pictures")

// pictureScene is one picture: how to bring the tutor to the screen it shows.
type pictureScene struct {
	name string
	draw func(t *testing.T) string // the screen, with its colours
}

// pictureScenes are the README's pictures, in the README's order.
func pictureScenes() []pictureScene {
	return []pictureScene{
		{"overview", func(t *testing.T) string { // the network drawn, as the tutor opens
			return at(t, "overview", 80, 24).View().Content
		}},
		{"chain-rule", func(t *testing.T) string { // the wide layout, every step revealed
			m := revealAll(t, at(t, "chain-output", 120, 40))
			return m.View().Content
		}},
		{"panel-edit", func(t *testing.T) string { // w1 changed from 0.4 to 0.9: every value it moves is marked
			m := revealAll(t, at(t, "dot", 100, 32))
			m = keys(t, m, "tab", "down", "down", "down", "down", "0", ".", "9", "enter")
			return m.View().Content
		}},
		{"quiz-slip", func(t *testing.T) string { // the paper's own slip: σ(-net_h1) for out_h1
			qs, err := quiz.Listed(mathcore.Paper(), []string{"out_h1"})
			if err != nil {
				t.Fatal(err)
			}
			var p tea.Model = newQuizProgram(QuizOptions{Session: quiz.NewSession(qs, 1, nil), NoSave: true})
			for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 80, Height: 33}, tea.BackgroundColorMsg{Color: color.Black}} {
				p, _ = p.Update(msg)
			}
			for _, k := range []string{"0", ".", "3", "7", "6", "enter", "0", ".", "4", "0", "7", "1", "enter"} {
				p, _ = p.Update(press(t, k))
			}
			return p.View().Content
		}},
		{"digits-canvas", func(t *testing.T) string { // a 4 drawn with the keys, answered by the network of one chunk
			m := withDigits(t, lessons.IDDigitsTraining, 120, 40)
			m, cmd := update(t, m, press(t, "space"))
			m, _ = update(t, m, progressOf(t, runCmd(cmd)))
			m, _ = update(t, m, press(t, "space")) // pause
			m = keys(t, m, "n")
			ks := []string{"left", "left", "left", "left", "left", "up", "up", "up", "up", "up", "space"}
			ks = append(ks, repeat("down", 6)...)
			ks = append(ks, repeat("right", 10)...)
			ks = append(ks, "space", "left", "left")
			ks = append(ks, repeat("up", 7)...)
			ks = append(ks, "space")
			ks = append(ks, repeat("down", 12)...)
			ks = append(ks, "space")
			return keys(t, m, ks...).View().Content
		}},
	}
}

// TestPictures checks every picture of docs/pictures against the screen
// it shows, or, with -pictures DIR, writes the screens for
// docs/pictures/make.
func TestPictures(t *testing.T) {
	for _, sc := range pictureScenes() {
		t.Run(sc.name, func(t *testing.T) {
			content := sc.draw(t)
			if *picturesDir != "" {
				path := filepath.Join(*picturesDir, sc.name+".ansi")
				if err := os.WriteFile(path, []byte(content+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			svg := filepath.Join("..", "docs", "pictures", sc.name+".svg")
			got, err := svgText(svg)
			if err != nil {
				t.Fatalf("%v: run docs/pictures/make", err)
			}
			if want := plainLines(ansi.Strip(content)); got != want {
				t.Errorf("%s no longer shows what the tutor draws: run docs/pictures/make and look at it.\npicture:\n%s\nscreen:\n%s", svg, got, want)
			}
		})
	}
}

// plainLines returns text without trailing spaces on its lines or blank
// lines at its end.
func plainLines(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// svgText returns the text a picture made by freeze carries: one line per
// <text> element, its spans joined.
func svgText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	dec.Strict = false
	var lines []string
	var cur *strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				cur = &strings.Builder{}
			}
		case xml.EndElement:
			if tok.Name.Local == "text" && cur != nil {
				lines = append(lines, cur.String())
				cur = nil
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		}
	}
	return plainLines(strings.Join(lines, "\n")), nil
}
