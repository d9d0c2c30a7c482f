package main

import (
	"fmt"
	"io"

	"nnmath/atomicfile"
	"nnmath/export"
)

// runExport writes the worked solution of one training step as Markdown
// or LaTeX, to standard output or atomically to a file.
func runExport(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("export",
		"export [--net FILE] [--inputs a,b,..] [--targets ..] [--lr X] [--format markdown|latex] [--digits N] [-o FILE]", stderr)
	var nf networkFlags
	nf.add(flags, true)
	format := flags.String("format", "markdown", "document `FORMAT`: markdown (GitHub, with $ math) or latex (a body for amsmath)")
	digits := flags.Int("digits", export.DefaultDigits, fmt.Sprintf("decimals to print (0..%d)", export.MaxDigits))
	out := flags.String("o", "", "write the solution to `FILE` (replaced atomically) instead of standard output")
	if code := parseFlags(flags, args); code >= 0 {
		return code
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
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "nnmath export: writing the solution: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "nnmath export: %v\n", err)
		return exitFail
	}
	return exitOK
}
