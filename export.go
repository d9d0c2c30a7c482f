package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"nnmath/atomicfile"
	"nnmath/export"
)

// runExport writes the worked solution of one training step as Markdown
// or LaTeX, to standard output or atomically to a file.
func runExport(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("export",
		"export [--net FILE | --example NAME] [--inputs a,b,..] [--targets ..] [--lr X] [--format markdown|latex] [--digits N] [-o FILE]", stderr)
	var nf networkFlags
	nf.add(flags, true)
	format := flags.String("format", "markdown", "document `FORMAT`: markdown (GitHub, with $ math) or latex (a body for amsmath)")
	digits := flags.Int("digits", export.DefaultDigits, fmt.Sprintf("decimals to print (0..%d)", export.MaxDigits))
	var out string
	flags.Func("o", "write the solution to `FILE` (replaced atomically) instead of standard output; - is standard output; "+
		"a .tex name selects latex unless --format says otherwise", nonEmpty(&out, "a file name, or - for standard output"))
	if code := parseFlags(flags, args); code >= 0 {
		return code
	}
	formatSet := false
	flags.Visit(func(fl *flag.Flag) { formatSet = formatSet || fl.Name == "format" })
	if !formatSet && strings.EqualFold(filepath.Ext(out), ".tex") {
		*format = "latex"
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "nnmath export: unexpected argument %q\n", flags.Arg(0))
		return exitUsage
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath export: --format: %v\n", err)
		return exitUsage
	}
	if *digits < 0 || *digits > export.MaxDigits {
		fmt.Fprintf(stderr, "nnmath export: --digits must be 0..%d, got %d\n", export.MaxDigits, *digits)
		return exitUsage
	}
	n, err := nf.load()
	if err != nil {
		fmt.Fprintf(stderr, "nnmath export: %v\n", err)
		return exitUsage
	}
	data, err := export.Render(n, export.Options{Format: f, Digits: *digits})
	if err != nil {
		fmt.Fprintf(stderr, "nnmath export: %v\n", err)
		return exitFail
	}
	if out == "" || out == "-" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "nnmath export: writing the solution: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "nnmath export: -o: %v\n", err)
		return exitUsage // a file that cannot be written is a bad flag
	}
	return exitOK
}
