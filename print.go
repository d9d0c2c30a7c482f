package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"nnmath/lessons"
	"nnmath/tui"
)

func runPrint(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("print", "print [LESSON...] [--net FILE | --example NAME] [--width N]", stderr)
	var nf networkFlags
	nf.add(fs, false)
	width := fs.Int("width", 80, "line width in columns (40..400)")
	var names []string
	// Lessons and flags may come in any order.
	for len(args) > 0 {
		if code := parseFlags(fs, args); code >= 0 {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *width < 40 || *width > 400 {
		fmt.Fprintf(stderr, "nnmath print: --width must be 40..400, got %d\n", *width)
		return exitUsage
	}
	all := lessons.All()
	var which []int
	for _, name := range names {
		i, ok := lessons.Find(all, name)
		if !ok {
			var ids []string
			for _, l := range all {
				ids = append(ids, l.ID)
			}
			fmt.Fprintf(stderr, "nnmath print: no lesson %q (use 1..%d or one of: %s)\n", name, len(all), strings.Join(ids, ", "))
			return exitUsage
		}
		which = append(which, i)
	}
	n, err := nf.load()
	if err != nil {
		fmt.Fprintf(stderr, "nnmath print: %v\n", err)
		return exitUsage
	}
	st := tui.PlainStyles()
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) && os.Getenv("NO_COLOR") == "" {
		st = printStyles(os.Getenv("COLORFGBG"))
		stdout = colorprofile.NewWriter(stdout, os.Environ())
	}
	if err := tui.Print(stdout, n, which, *width, st); err != nil {
		fmt.Fprintf(stderr, "nnmath print: %v\n", err)
		return exitFail
	}
	return exitOK
}

// printStyles returns the styles for print on a terminal: for its
// background when COLORFGBG ("15;0": foreground;background) tells it, and
// otherwise styles that read on any background.
func printStyles(colorfgbg string) tui.Styles {
	isDark, ok := tui.DarkFromColorFGBG(colorfgbg)
	if !ok {
		return tui.NewStylesAnyBackground()
	}
	return tui.NewStyles(isDark)
}
