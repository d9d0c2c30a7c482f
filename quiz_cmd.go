package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"nnmath/lessons"
	"nnmath/mathcore"
	"nnmath/quiz"
	"nnmath/tui"
)

const quizSynopsis = "quiz [--seed N] [--net FILE | --example NAME] [--count N] [--topics forward,loss,gradients,update] [--no-save] [--stats]"

// quizOptions are the parsed flags of nnmath quiz.
type quizOptions struct {
	seed    uint64
	net     *mathcore.Network // nil: a fresh network per question
	netPath string            // the file net was read from
	count   int
	topics  string
	noSave  bool
	stats   bool
}

// parseQuizFlags parses the flags of nnmath quiz. It returns the exit
// status to stop with, or -1 to go on.
func parseQuizFlags(args []string, stderr io.Writer) (quizOptions, int) {
	fs := newFlagSet("quiz", quizSynopsis, stderr)
	var nf networkFlags
	nf.add(fs, false)
	fs.Lookup("net").Usage = "network `FILE` (JSON) that every question asks about; default: a fresh small 4-2-1 network per question"
	fs.Lookup("example").Usage = "built-in example `NAME` that every question asks about: " + strings.Join(mathcore.ExampleNames(), " or ")
	seedText := fs.String("seed", "", "seed `N` (a whole number) that makes the questions repeatable; default: random")
	count := fs.Int("count", 10, "number of questions `N` (1 to 100)")
	var topics string
	fs.Func("topics", "comma-separated `topics` to ask: forward, loss, gradients, update (default: all)",
		nonEmpty(&topics, "one or more of forward, loss, gradients, update"))
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
	o := quizOptions{count: *count, topics: topics, noSave: *noSave, stats: *stats}
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
	if nf.net != "" || nf.example != "" {
		n, err := nf.load()
		if err != nil {
			if nf.net != "" {
				return fail("--net: %v", err)
			}
			return fail("%v", err)
		}
		o.net, o.netPath = n, nf.net
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
			fmt.Fprintf(stderr, "nnmath quiz: %s\n", withoutPackage(pathErr))
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
	res, err := tui.RunQuiz(tui.QuizOptions{Session: quiz.NewSession(questions, o.seed, nil), NoSave: o.noSave})
	if err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: %v\n", err)
		return exitFail
	}
	if err := res.SaveErr; err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: results not saved: %s\n", withoutPackage(err))
	}
	c, n := res.Session.Score()
	fmt.Fprintf(stdout, "Score: %d of %d correct (seed %d).\n", c, n, o.seed)
	if res.Open == "" {
		return exitOK
	}
	net := o.net
	if net == nil {
		net = mathcore.Paper()
	}
	if err := tui.RunLesson(net, o.netPath, res.Open); err != nil {
		fmt.Fprintf(stderr, "nnmath quiz: opening lesson %q: %v\n", res.Open, err)
		return exitFail
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
		fmt.Fprintf(stderr, "nnmath quiz: %s\n", withoutPackage(err))
		if len(records) == 0 {
			return exitFail
		}
	}
	if len(records) == 0 {
		fmt.Fprintf(stdout, "No quiz results yet in %s. Run \"nnmath quiz\" to take one.\n", path)
		return exitOK
	}
	sum := quiz.Stats(records)
	fmt.Fprintf(stdout, "Quiz history (%s): %d question%s, %d correct, %d close; %d of %d step%s right.\n\n", path,
		sum.Answered, pluralS(sum.Answered), sum.Correct, sum.Close, sum.StepsRight, sum.Steps, pluralS(sum.Steps))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "topic\tanswered\tcorrect\tclose\tsteps right\thints\tmean time\t")
	for _, t := range sum.Topics {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d/%d\t%d\t%.1fs\t\n", t.Topic, t.Answered, t.Correct, t.Close, t.StepsRight, t.Steps, t.Hints, t.MeanSeconds())
	}
	tw.Flush()
	if ls := sum.Lessons(); len(ls) > 0 {
		all := lessons.All()
		for k, id := range ls {
			if i, ok := lessons.Find(all, id); ok {
				ls[k] = strconv.Itoa(i+1) + ". " + all[i].Title
			}
		}
		fmt.Fprintf(stdout, "\nLessons to revisit: %s.\n", strings.Join(ls, ", "))
	}
	return exitOK
}

// withoutPackage returns the message of an error from package quiz
// without its "quiz: " prefix, which the command's own prefix replaces:
// "cannot read the history FILE: permission denied".
func withoutPackage(err error) string { return strings.TrimPrefix(err.Error(), "quiz: ") }

// pluralS returns "s" unless n is 1.
func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
