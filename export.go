package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

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
	if err := writeFileAtomic(*out, data); err != nil {
		fmt.Fprintf(stderr, "nnmath export: %v\n", err)
		return exitFail
	}
	return exitOK
}

// writeFileAtomic replaces the file at path with data so that a reader sees
// either the old file or the whole new one: it writes a temporary file in
// the same folder, syncs and closes it, then renames it over path. On any
// error the temporary file is removed and path is left as it was.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		if statErr == nil || errors.Is(statErr, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, statErr)
	}
	mode := fs.FileMode(0o644)
	if info, statErr := os.Stat(path); statErr == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("cannot write %s: it is not a regular file", path)
		}
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if d, dirErr := os.Open(dir); dirErr == nil {
		d.Sync() // best effort: make the rename itself durable
		d.Close()
	}
	return nil
}
