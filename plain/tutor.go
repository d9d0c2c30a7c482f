package plain

import (
	"fmt"
	"strconv"
	"strings"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/mnist"
	"nnmath/quiz"
)

// Width is the width, in columns, lessons lay out their figures for.
const Width = 80

// TutorOptions say what a Tutor offers besides the lessons.
type TutorOptions struct {
	// Quiz, when set, starts a quiz for the "quiz" command; the quiz's
	// answers are saved with Save.
	Quiz func() (*quiz.Session, error)
	// Save, when set, keeps each answered quiz question (a history file).
	Save func(quiz.Record) error
	// Status is a line written after the welcome, such as who is signed in.
	Status string
}

// Tutor is the plain tutor: the lessons of package lessons on one
// network, a step at a time, and the commands that move between them and
// change the network's values.
type Tutor struct {
	s       *lessons.Session
	all     []lessons.Lesson
	lesson  int // index into all
	shown   int // steps of the lesson written so far
	page    lessons.Page
	opts    TutorOptions
	quiz    *Quiz // the quiz being taken, or nil
	quizzes int   // quizzes taken
}

// NewTutor returns the plain tutor on a copy of network n, which must be
// valid, at the first lesson.
func NewTutor(n *mathcore.Network, o TutorOptions) *Tutor {
	t := &Tutor{s: lessons.NewSession(n), all: lessons.All(), opts: o}
	t.s.Keys = actionCommand
	t.build()
	return t
}

// Start returns the welcome and the first lesson's introduction.
func (t *Tutor) Start() string {
	var b strings.Builder
	line(&b, "nnmath, plain text. Press enter for the next step; type help for the commands.")
	if t.opts.Status != "" {
		line(&b, t.opts.Status)
	}
	line(&b, "")
	t.writeLesson(&b)
	return b.String()
}

// Line answers one line of the learner's: a command, or an empty line for
// the next step.
func (t *Tutor) Line(text string) (string, bool) {
	var b strings.Builder
	if t.quiz != nil {
		out, done := t.quiz.Line(text)
		b.WriteString(out)
		if done {
			line(&b, t.quiz.Score())
			t.quiz = nil
			line(&b, "Back to the lessons.")
			line(&b, "")
			t.writeLesson(&b)
		}
		return b.String(), false
	}
	word, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	word, rest = strings.ToLower(word), strings.TrimSpace(rest)
	switch word {
	case "", "next", "n":
		t.next(&b)
	case "back", "b", "previous", "prev":
		t.back(&b)
	case "again", "repeat", "r":
		t.again(&b)
	case "menu", "lessons", "m":
		t.menu(&b)
	case "set":
		t.set(&b, rest)
	case "values", "v":
		t.values(&b)
	case "help", "h", "?":
		t.help(&b)
	case "quiz":
		t.startQuiz(&b)
	case "quit", "exit", "q":
		line(&b, "Goodbye.")
		return b.String(), true
	default:
		if i, ok := lessons.Find(t.all, word); ok && rest == "" {
			t.open(&b, i)
			break
		}
		if a, ok := t.action(word); ok {
			t.do(&b, a, rest)
			break
		}
		if _, err := strconv.Atoi(word); err == nil && rest == "" {
			line(&b, fmt.Sprintf("There is no lesson %s: the lessons are 1 to %d.", word, len(t.all)))
			break
		}
		line(&b, fmt.Sprintf("%q is not a command here. Type help for the commands, or menu for the lessons.", clip(text)))
	}
	return b.String(), false
}

// build lays out the current lesson's page for the session as it is now.
func (t *Tutor) build() {
	l := t.all[t.lesson]
	if l.ID == lessons.IDTraining && t.s.Training.Net == nil {
		t.s.TrainToEnd() // a plain page cannot animate: it shows a whole run
	}
	if isDigits(l.ID) && t.s.MNIST.Data == nil {
		t.s.SetData(mnist.Load()) // read at once, as nnmath print does (about half a second)
	}
	t.page = l.Build(t.s, Width)
	if t.shown > len(t.page.Steps) {
		t.shown = len(t.page.Steps)
	}
}

// isDigits reports whether the lesson with the given ID reads the digits.
func isDigits(id string) bool {
	return id == lessons.IDDigitsIntro || id == lessons.IDDigitsTraining || id == lessons.IDDigitsAsk
}

// open moves to lesson i and writes its introduction.
func (t *Tutor) open(b *strings.Builder, i int) {
	t.lesson, t.shown = i, 0
	t.build()
	t.writeLesson(b)
}

// next writes the next step, or moves on to the next lesson after the last.
func (t *Tutor) next(b *strings.Builder) {
	switch {
	case t.page.Skip == "" && t.shown < len(t.page.Steps):
		t.shown++
		writeStep(b, t.page, t.shown)
	case t.lesson+1 < len(t.all):
		line(b, fmt.Sprintf("End of lesson %d.", t.lesson+1))
		line(b, "")
		t.open(b, t.lesson+1)
	default:
		line(b, "That was the last step of the last lesson. Type menu to choose a lesson, or quit.")
	}
}

// back takes the last step back and writes the one before it, or goes to
// the previous lesson from the first.
func (t *Tutor) back(b *strings.Builder) {
	switch {
	case t.shown > 1:
		t.shown--
		writeStep(b, t.page, t.shown)
	case t.shown == 1:
		t.shown = 0
		t.writeLesson(b)
	case t.lesson > 0:
		t.open(b, t.lesson-1)
	default:
		line(b, "This is the first lesson. Press enter for its first step, or type menu.")
	}
}

// again writes the current step (or the lesson's introduction) once more.
func (t *Tutor) again(b *strings.Builder) {
	if t.shown == 0 {
		t.writeLesson(b)
		return
	}
	writeStep(b, t.page, t.shown)
}

// writeLesson writes the current lesson's title, introduction and what to
// do next.
func (t *Tutor) writeLesson(b *strings.Builder) {
	l := t.all[t.lesson]
	line(b, fmt.Sprintf("Lesson %d of %d: %s.", t.lesson+1, len(t.all), l.Title))
	if t.page.Skip != "" {
		line(b, t.page.Skip)
		line(b, "Press enter for the next lesson.")
		return
	}
	writeBlocks(b, t.page.Intro)
	writeFigure(b, t.page.Aside)
	switch n := len(t.page.Steps); n {
	case 0:
		line(b, "Press enter for the next lesson.")
	case 1:
		line(b, "1 step: press enter for it.")
	default:
		line(b, fmt.Sprintf("%d steps: press enter for each.", n))
	}
	if acts := t.actions(); len(acts) > 0 {
		line(b, "Here you can also type: "+strings.Join(acts, ", ")+".")
	}
}

// menu lists the lessons.
func (t *Tutor) menu(b *strings.Builder) {
	line(b, "Lessons (type a number to open one):")
	for i, l := range t.all {
		mark := ""
		if i == t.lesson {
			mark = " (you are here)"
		}
		line(b, fmt.Sprintf("%d. %s: %s%s", i+1, l.Title, l.Summary, mark))
	}
}

// values writes the network and the numbers set can change.
func (t *Tutor) values(b *strings.Builder) {
	writeGiven(b, t.s.Net)
	line(b, "Change one with set, such as: set w1 0.5")
}

// set changes one number of the network: "w1 0.5".
func (t *Tutor) set(b *strings.Builder, args string) {
	name, value, _ := strings.Cut(args, " ")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if name == "" || value == "" {
		line(b, "Write the name and the new value, such as: set w1 0.5 (type values for the names).")
		return
	}
	f, ok := findField(t.s.Net, name)
	if !ok {
		line(b, fmt.Sprintf("There is no value named %q. Type values for the names.", clip(name)))
		return
	}
	if err := t.s.Edit(f, value); err != nil {
		line(b, fmt.Sprintf("%s is unchanged: %v.", fieldName(f.Label), err))
		return
	}
	line(b, fmt.Sprintf("%s is now %s.", fieldName(f.Label), strconv.FormatFloat(f.Get(t.s.Net), 'g', -1, 64)))
	t.build()
	t.again(b)
}

// findField returns the field of n named name: a panel label, with "η",
// "lr" and "learning rate" for eta and "target" for a single y.
func findField(n *mathcore.Network, name string) (lessons.Field, bool) {
	name = strings.ToLower(name)
	switch name {
	case "η", "lr":
		name = "eta"
	case "target":
		name = "y"
	}
	for _, f := range lessons.Fields(n) {
		if strings.ToLower(f.Label) == name {
			return f, true
		}
	}
	return lessons.Field{}, false
}

// fieldName is how a field's label is written to the learner.
func fieldName(label string) string {
	if label == "eta" {
		return "η"
	}
	return label
}

// startQuiz starts a quiz, when the tutor offers one.
func (t *Tutor) startQuiz(b *strings.Builder) {
	if t.opts.Quiz == nil {
		line(b, "There is no quiz here: run nnmath quiz --plain for one.")
		return
	}
	qs, err := t.opts.Quiz()
	if err != nil {
		line(b, fmt.Sprintf("The quiz cannot start: %v.", err))
		return
	}
	t.quizzes++
	t.quiz = NewQuiz(qs, t.opts.Save)
	b.WriteString(t.quiz.Start())
}

// help lists the commands.
func (t *Tutor) help(b *strings.Builder) {
	line(b, "Commands:")
	for _, l := range strings.Split(strings.TrimRight(tutorCommands, "\n"), "\n") {
		if t.opts.Quiz == nil && strings.HasPrefix(l, "  quiz ") {
			continue
		}
		line(b, l)
	}
	if acts := t.actions(); len(acts) > 0 {
		line(b, "On this lesson: "+strings.Join(acts, ", ")+".")
	}
}

// clip shortens what the learner typed for an answer that repeats it.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// line writes s and a line end.
func line(b *strings.Builder, s string) {
	b.WriteString(s)
	b.WriteByte('\n')
}
