package export

import (
	"bytes"
	"fmt"
	"strings"

	"nnmath/mathcore"
)

// Format is a kind of document Render can write.
type Format int

// The formats of the worked solution.
const (
	// Markdown is GitHub-flavoured Markdown with math between $ signs
	// (inline) and in $$ blocks (displays), as GitHub and pandoc render it.
	Markdown Format = iota
	// LaTeX is a document body for a document that loads amsmath.
	LaTeX
)

// String returns the format's name as the --format flag spells it.
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case LaTeX:
		return "latex"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Formats lists the names ParseFormat accepts.
func Formats() []string { return []string{"markdown", "latex"} }

// ParseFormat returns the format named s: "markdown" (or "md") or "latex"
// (or "tex"), in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "markdown", "md":
		return Markdown, nil
	case "latex", "tex":
		return LaTeX, nil
	}
	return 0, fmt.Errorf("unknown format %q (use markdown or latex)", s)
}

// DefaultDigits is the number of decimals a solution prints by default.
const DefaultDigits = 4

// MaxDigits is the largest number of decimals a solution prints.
const MaxDigits = 10

// Options choose how a solution is written.
type Options struct {
	Format Format // Markdown or LaTeX
	Digits int    // decimals of every number, 0..MaxDigits
}

// Render returns the worked solution of one training step of n: its
// parameters, the forward pass, the loss, the chain rule for every
// parameter, the update and the output and loss after the step. n is not
// changed. It fails only when n is not a valid network or the options are
// out of range.
func Render(n *mathcore.Network, opt Options) ([]byte, error) {
	if err := n.Validate(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if opt.Digits < 0 || opt.Digits > MaxDigits {
		return nil, fmt.Errorf("export: digits must be 0..%d, got %d", MaxDigits, opt.Digits)
	}
	doc := build(n, opt.Digits)
	var b bytes.Buffer
	switch opt.Format {
	case Markdown:
		writeMarkdown(&b, doc)
	case LaTeX:
		writeLaTeX(&b, doc)
	default:
		return nil, fmt.Errorf("export: unknown format %v", opt.Format)
	}
	return b.Bytes(), nil
}
