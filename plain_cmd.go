package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/charmbracelet/x/term"

	"nnmath/mathcore"
	"nnmath/plain"
	"nnmath/quiz"
)

// wantsPlain reports whether a command should run in plain text: asked
// for with --plain, or chosen because standard input or output is not a
// terminal, or the terminal is TERM=dumb.
func wantsPlain(flagged bool) bool {
	return flagged || os.Getenv("TERM") == "dumb" ||
		!term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd())
}

// plainRunOptions prompts a person at a keyboard, and not a script, and
// breaks lines at spaces to fit a terminal's width.
func plainRunOptions() plain.RunOptions {
	var o plain.RunOptions
	if term.IsTerminal(os.Stdin.Fd()) {
		o.Prompt = "> "
	}
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w >= 20 {
		o.Width = w - 1
	}
	return o
}

// plainQuizQuestions is the length of the plain tutor's quiz, as long as
// the full-screen tutor's.
const plainQuizQuestions = 10

// runPlain runs d on standard input and output until it ends; an
// interrupt (Ctrl+C) ends it too. After a prompt that got no answer (the
// end of the input, Ctrl+D) it ends the line.
func runPlain(d plain.Dialog, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := plainRunOptions()
	end, err := plain.Run(ctx, os.Stdin, stdout, d, o)
	if err == nil && end != plain.EndQuit && o.Prompt != "" {
		_, err = io.WriteString(stdout, "\n")
	}
	return err
}

// runPlainTutor runs the plain tutor on n, with a quiz whose answers go
// to the history: on fresh networks, or on n when it was read from a file
// (fromFile), as the full-screen tutor's menu does.
func runPlainTutor(n *mathcore.Network, fromFile bool, stdout, stderr io.Writer) int {
	save := historySaver()
	var quizNet *mathcore.Network
	if fromFile {
		quizNet = n
	}
	t := plain.NewTutor(n, plain.TutorOptions{
		Quiz: func() (*quiz.Session, error) {
			seed := uint64(time.Now().UnixNano())
			qs, err := quiz.Generate(seed, quizNet, nil, plainQuizQuestions)
			if err != nil {
				return nil, err
			}
			return quiz.NewSession(qs, seed, nil), nil
		},
		Save: save,
	})
	if err := runPlain(t, stdout); err != nil {
		fmt.Fprintf(stderr, "nnmath: %v\n", err)
		return exitFail
	}
	return exitOK
}

// historySaver returns a function that appends a quiz record to the
// user's history, or nil when there is no place for it.
func historySaver() func(quiz.Record) error {
	path, err := quiz.HistoryPath()
	if err != nil {
		return nil
	}
	return func(r quiz.Record) error { return quiz.AppendHistory(path, []quiz.Record{r}) }
}
