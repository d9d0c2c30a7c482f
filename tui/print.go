package tui

import (
	"io"
	"strconv"
	"strings"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/mnist"
)

// Print writes the given lessons (indices into lessons.All(); all when
// empty) of network n with every step revealed, laid out for width columns,
// exactly as the screen shows them. With plain styles the output holds no
// escape codes.
func Print(w io.Writer, n *mathcore.Network, which []int, width int, st Styles) error {
	s := lessons.NewSession(n)
	s.Keys = DefaultLessonKeyMap().names() // hints name the tutor's keys
	return printSession(w, s, which, width, st)
}

// printSession writes the given lessons of session s as Print does.
func printSession(w io.Writer, s *lessons.Session, which []int, width int, st Styles) error {
	all := lessons.All()
	if len(which) == 0 {
		for i := range all {
			which = append(which, i)
		}
	}
	var b strings.Builder
	for k, i := range which {
		if k > 0 {
			b.WriteString("\n")
		}
		l := all[i]
		if l.ID == lessons.IDTraining && s.Training.Net == nil {
			s.TrainToEnd() // the page shows a run: print the whole of one
		}
		if isDigitsLesson(l.ID) && s.MNIST.Data == nil {
			s.SetData(mnist.Load())
		}
		if l.ID == lessons.IDDescent && s.Descent.Taken == 0 {
			s.RunDescent() // the same: every step of descent
		}
		title := strconv.Itoa(i+1) + "/" + strconv.Itoa(len(all)) + " " + l.Title
		b.WriteString(style(st.Title, title) + "\n")
		b.WriteString(style(st.Rule, strings.Repeat("─", width)) + "\n")
		for _, line := range layout(st, s, l, width, -1).lines {
			b.WriteString(strings.TrimRight(colourMarks(st, line), " ") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
