package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every rune textWidth counts itself is as wide as ansi.StringWidth says,
// alone and among others, and strings with anything else fall back to it.
func TestTextWidthAgreesWithAnsi(t *testing.T) {
	var narrow []rune
	for r := rune(0); r < 0x3000; r++ {
		if narrowRune(r) {
			narrow = append(narrow, r)
			if got, want := textWidth(string(r)), ansi.StringWidth(string(r)); got != want {
				t.Errorf("%U %q: %d columns, ansi says %d", r, r, got, want)
			}
		}
	}
	others := []string{"\x1b[1mbold\x1b[0m", "\x1b[38;2;255;0;0m", "\x1b[m", "\x1b[", "\x1b]8;;x\x07", "\x1bX", "\x1b[1;2", "e\u0301", "日本", "👍🏽", "a\u200db", "\t", "x\u00ady", "✔\ufe0f"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			switch rng.IntN(4) {
			case 0:
				b.WriteByte(byte(0x20 + rng.IntN(0x5f)))
			case 1, 2:
				b.WriteRune(narrow[rng.IntN(len(narrow))])
			default:
				if rng.IntN(3) == 0 {
					b.WriteString(others[rng.IntN(len(others))])
				} else {
					b.WriteRune(narrow[rng.IntN(len(narrow))])
				}
			}
		}
		if s := b.String(); textWidth(s) != ansi.StringWidth(s) {
			t.Fatalf("%q: %d columns, ansi says %d", s, textWidth(s), ansi.StringWidth(s))
		}
	}
}

func BenchmarkTextWidth(b *testing.B) {
	line := "  dJ/dw1 = δ_h1·i1 = (-0.01203)·0.5000 = -0.006015 ━◆ ▀▄█░▒▓ → ≈ Σ"
	b.Run("textWidth", func(b *testing.B) {
		for b.Loop() {
			textWidth(line)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for b.Loop() {
			ansi.StringWidth(line)
		}
	})
}
