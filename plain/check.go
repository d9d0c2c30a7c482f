package plain

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"nnmath/judge"
	"nnmath/numtext"
)

// WriteCheck writes the judgement r of an answer as nnmath check prints
// it: the verdict, the explanation and, for an answer that is not
// correct, the worked chain with the answer beside the exact value. The
// plain quiz grades its answers in the same words.
func WriteCheck(w io.Writer, j *judge.Judge, r judge.Result) {
	fmt.Fprintf(w, "%s = %s: %s\n", r.Quantity.Name, strconv.FormatFloat(r.Answer, 'g', -1, 64), r.Verdict)
	fmt.Fprintln(w, Wrap(r.Explanation, 78))
	if r.Verdict == judge.Correct {
		return
	}
	wk := j.Chain(r.Quantity, r.Answer, nil)
	fmt.Fprintln(w, "\nWorked chain")
	fmt.Fprintln(w, "  "+wk.Formula)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for k, path := range wk.Paths {
		for i, s := range path {
			lead := "    "
			if wk.Sum && len(wk.Paths) > 1 && i == 0 {
				lead = fmt.Sprintf("  %d ", k+1)
			}
			fmt.Fprintf(tw, "%s%s\t%s\n", lead, s.Symbol, numtext.FormatSig(s.Exact, 4))
		}
	}
	fmt.Fprintf(tw, "  = %s\t%s\tyours %s\n", r.Quantity.Name, numtext.FormatSig(r.Exact, 4), strconv.FormatFloat(r.Answer, 'g', -1, 64))
	tw.Flush()
}

// Wrap breaks s into lines of at most width columns at spaces.
func Wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(s) {
		n := len([]rune(word))
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
