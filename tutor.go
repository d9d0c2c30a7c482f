package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"nnmath/tui"
)

// runTutor opens the full-screen tutor.
func runTutor(args []string, stderr io.Writer) int {
	fs := newFlagSet("[--net FILE | --example NAME]", "[--net FILE | --example NAME]", stderr)
	var nf networkFlags
	nf.add(fs, false)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nnmath: unexpected argument %q (run \"nnmath help\")\n", fs.Arg(0))
		return exitUsage
	}
	n, err := nf.load() // first, so that a bad file is named even without a terminal
	if err != nil {
		fmt.Fprintf(stderr, "nnmath: %v\n", err)
		return exitUsage
	}
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "nnmath: the tutor needs a terminal (to read the lessons as plain text, run \"nnmath print\")")
		return exitUsage
	}
	if err := tui.Run(n, nf.net); err != nil {
		fmt.Fprintf(stderr, "nnmath: %v\n", err)
		return exitFail
	}
	return exitOK
}
