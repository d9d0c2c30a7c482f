package main

import (
	"fmt"
	"io"

	"nnmath/tui"
)

// runTutor opens the full-screen tutor, or the plain one.
func runTutor(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("[--net FILE | --example NAME]", "[--net FILE | --example NAME] [--plain]", stderr)
	var nf networkFlags
	nf.add(fs, false)
	plainFlag := fs.Bool("plain", false, "plain text, a line at a time: for a screen reader, a pipe or a script (the default when standard input or output is not a terminal, or TERM=dumb)")
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
	if wantsPlain(*plainFlag) {
		return runPlainTutor(n, nf.net != "", stdout, stderr)
	}
	if err := tui.Run(n, nf.net); err != nil {
		fmt.Fprintf(stderr, "nnmath: %v\n", err)
		return exitFail
	}
	return exitOK
}
