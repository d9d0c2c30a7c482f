package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
	"nnmath/tui"
)

const quizSynopsis = "quiz [--seed N] [--net FILE] [--count N] [--topics forward,loss,gradients,update] [--no-save] [--stats]"

// quizOptions are the parsed flags of nnmath quiz.
type quizOptions struct {
	seed   uint64
	net    *mathcore.Network // nil: a fresh network per question
	count  int
	topics string
	noSave bool
	stats  bool
}

// parseQuizFlags parses the flags of nnmath quiz. It returns the exit
// status to stop with, or -1 to go on.
func parseQuizFlags(args []string, stderr io.Writer) (quizOptions, int) {
	fs := newFlagSet("quiz", quizSynopsis, stderr)
	var nf networkFlags
	nf.add(fs, false)
	seedText := fs.String("seed", "", "seed `N` (a whole number) that makes the questions repeatable; default: random")
	count := fs.Int("count", 10, "number of questions `N` (1 to 100)")
	topics := fs.String("topics", "", "comma-separated `topics` to ask: forward, loss, gradients, update (default: all)")
	noSave := fs.Bool("no-save", false, "do not append the results to the history")
	stats := fs.Bool("stats", false, "print a summary of the history and exit")
	if code := parseFlags(fs, args); code >= 0 {
		return quizOptions{}, code
	}
	fail := func(format string, a ...any) (quizOptions, int) {
		fmt.Fprintf(stderr, "nnmath quiz: "+format+"\n", a...)
		return quizOptions{}, exitUsage
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q\nUsage: nnmath %s", fs.Arg(0), quizSynopsis)
	}
	o := quizOptions{count: *count, topics: *topics, noSave: *noSave, stats: *stats}
	if *seedText == "" {
		o.seed = uint64(time.Now().UnixNano())
	} else {
		s, err := strconv.ParseUint(*seedText, 10, 64)
		if err != nil {
			return fail("--seed must be a whole number from 0 to %d, got %q", uint64(1<<64-1), *seedText)
		}
		o.seed = s
	}
	if o.count < 1 || o.count > 100 {
		return fail("--count must be from 1 to 100, got %d", o.count)
	}
	if _, err := quiz.ParseTopics(o.topics); err != nil {
		return fail("--topics: %v", err)
	}
	if nf.net != "" {
		n, err := nf.load()
		if err != nil {
			return fail("--net: %v", err)
		}
		o.net = n
	}
	return o, -1
}

// runQuiz runs nnmath quiz: the quiz in the terminal, or --stats.
func runQuiz(args []string, stdout, stderr io.Writer) int {
	o, code := parseQuizFlags(args, stderr)
	if code >= 0 {
		return code
	}
	path, pathErr := quiz.HistoryPath()
	if o.stats {
		if pathErr != nil {
			fmt.Fprintf(stderr, "nnmath quiz: %v\n", pathErr)
			return exitFail
		}
		return printQuizStats(stdout, stderr, path)
	}
	topics, _ := quiz.ParseTopics(o.topics)
	questions, err := quiz.Generate(o.seed, o.net, topics, o.count)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: %v\n", err)
		return exitUsage
	}
	wrap := quizProgram{quiz: tui.NewQuiz(quiz.NewSession(questions, o.seed, nil), true)}
	final, err := tea.NewProgram(wrap).Run()
	if err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: %v\n", err)
		return exitFail
	}
	w := final.(quizProgram)
	records := w.quiz.Session().Records()
	if !o.noSave && len(records) > 0 {
		if pathErr != nil {
			fmt.Fprintf(stderr, "nnmath quiz: results not saved: %v\n", pathErr)
		} else if err := quiz.AppendHistory(path, records); err != nil {
			fmt.Fprintf(stderr, "nnmath quiz: results not saved: %v\n", err)
		}
	}
	c, n := w.quiz.Session().Score()
	fmt.Fprintf(stdout, "Score: %d of %d correct (seed %d).\n", c, n, o.seed)
	if w.open != "" {
		i, _ := lessons.Find(lessons.All(), w.open)
		fmt.Fprintf(stdout, "To revisit %q, run nnmath and open lesson %d from the menu (m).\n", w.open, i+1)
	}
	return exitOK
}

// printQuizStats prints the history's summary by topic; corrupt lines are
// reported on stderr and skipped.
func printQuizStats(stdout, stderr io.Writer, path string) int {
	records, corrupt, err := quiz.ReadHistory(path)
	for _, c := range corrupt {
		fmt.Fprintf(stderr, "nnmath quiz: %s: skipped %v\n", path, c)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: %v\n", err)
		if len(records) == 0 {
			return exitFail
		}
	}
	if len(records) == 0 {
		fmt.Fprintf(stdout, "No quiz results yet in %s. Run \"nnmath quiz\" to take one.\n", path)
		return exitOK
	}
	sum := quiz.Stats(records)
	fmt.Fprintf(stdout, "Quiz history (%s): %d questions, %d correct, %d close.\n\n", path, sum.Answered, sum.Correct, sum.Close)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "topic\tanswered\tcorrect\tclose\thints\tmean time\t")
	for _, t := range sum.Topics {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.1fs\t\n", t.Topic, t.Answered, t.Correct, t.Close, t.Hints, t.MeanSeconds())
	}
	tw.Flush()
	if ls := sum.Lessons(); len(ls) > 0 {
		fmt.Fprintf(stdout, "\nLessons to revisit: %s.\n", strings.Join(ls, ", "))
	}
	return exitOK
}

// quizProgram is the Bubble Tea program of nnmath quiz: the quiz screen,
// full size, in the alternate screen.
type quizProgram struct {
	quiz tui.QuizModel
	open string // the lesson the learner asked to open
}

var _ tea.Model = quizProgram{}

// Init starts the answer field's cursor.
func (p quizProgram) Init() tea.Cmd { return p.quiz.Init() }

// Update routes messages to the quiz and quits when it is left.
func (p quizProgram) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.quiz.SetSize(msg.Width, msg.Height)
		return p, nil
	case tea.BackgroundColorMsg:
		p.quiz.SetStyles(msg.IsDark())
		return p, nil
	case tui.QuizExitMsg:
		return p, tea.Quit
	case tui.OpenLessonMsg:
		p.open = msg.ID
		return p, tea.Quit
	case tui.QuizDoneMsg:
		return p, nil // the history is written after the program ends
	}
	var cmd tea.Cmd
	p.quiz, cmd = p.quiz.Update(msg)
	return p, cmd
}

// View shows the quiz in the alternate screen.
func (p quizProgram) View() tea.View {
	v := tea.NewView(p.quiz.View())
	v.AltScreen = true
	v.WindowTitle = "nnmath quiz"
	return v
}
