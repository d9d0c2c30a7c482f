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

// runPlain runs d on standard input and output until it ends; an
// interrupt (Ctrl+C) ends it too.
func runPlain(d plain.Dialog, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	_, err := plain.Run(ctx, os.Stdin, stdout, d, plainRunOptions())
	return err
}

// runPlainTutor runs the plain tutor on n, with a quiz of fresh networks
// whose answers go to the history.
func runPlainTutor(n *mathcore.Network, stdout, stderr io.Writer) int {
	save := historySaver()
	t := plain.NewTutor(n, plain.TutorOptions{
		Quiz: func() (*quiz.Session, error) {
			seed := uint64(time.Now().UnixNano())
			qs, err := quiz.Generate(seed, nil, nil, 10)
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
