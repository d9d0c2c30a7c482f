package numtext

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"0.5", 0.5},
		{".5", 0.5},
		{"-0.25", -0.25},
		{"+1", 1},
		{"1.", 1},
		{"-.5", -0.5},
		{"42", 42},
		{"1e-3", 0.001},
		{"2.5E2", 250},
		{"1e+3", 1000},
		{"−0.5", -0.5},
		{"1e−3", 0.001},
		{"−1E−3", -0.001},
		{"0,5", 0.5},
		{"-0,25", -0.25},
		{",5", 0.5},
		{"1,5e2", 150},
		{"  0.5", 0.5},
		{"0.5\t", 0.5},
		{" \t-3 \t", -3},
		{"2.5x10^-3", 0.0025},
		{"2.5X10^-3", 0.0025},
		{"2.5×10^-3", 0.0025},
		{"2.5*10^-3", 0.0025},
		{"2.5 × 10^-3", 0.0025},
		{"2.5x 10^ -3", 0.0025},
		{"2.5×10^−3", 0.0025},
		{"−2.5×10^3", -2500},
		{"2,5×10^-3", 0.0025},
		{"2.5x10^+3", 2500},
		{"10^-3", 0.001},
		{"10^3", 1000},
		{"-10^-3", -0.001},
		{"10^−3", 0.001},
		{"1e-400", 0},
		{"1.7976931348623157e308", math.MaxFloat64},
		{"5e-324", math.SmallestNonzeroFloat64},
		{"- 0.0493", -0.0493},
		{"-\t0.5", -0.5},
		{"+ 2", 2},
		{"− 0.5", -0.5},
		{"- 2.5x10^-3", -0.0025},
		{"2.5·10^-2", 0.025},
		{"2.5 · 10^-2", 0.025},
		{"2.5⋅10^-2", 0.025},
		{"4.93x10^(-2)", 0.0493},
		{"4.93×10^( -2 )", 0.0493},
		{"4.93x10^(−2)", 0.0493},
		{"4.93x10^(2)", 493},
		{"10^(-3)", 0.001},
		{"- 10^(-3)", -0.001},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error %v, want %v", tt.in, err, tt.want)
			continue
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		in       string
		sentinel error
		contains string // in the message, besides the quoted input
	}{
		{"", ErrEmpty, "empty: type a number such as 0.5"},
		{"   \t ", ErrEmpty, "empty"},
		{"abc", ErrNotNumber, `"abc" is not a number`},
		{"NaN", ErrNotFinite, `"NaN" is not a finite number`},
		{"nan", ErrNotFinite, "not a finite"},
		{"-NaN", ErrNotFinite, "not a finite"},
		{"Inf", ErrNotFinite, `"Inf" is not a finite number`},
		{"+Inf", ErrNotFinite, "not a finite"},
		{"-inf", ErrNotFinite, "not a finite"},
		{"−inf", ErrNotFinite, "not a finite"},
		{"infinity", ErrNotFinite, "not a finite"},
		{"-Infinity", ErrNotFinite, "not a finite"},
		{"∞", ErrNotFinite, "not a finite"},
		{"0x1p-2", ErrNotNumber, "hexadecimal"},
		{"-0X1P3", ErrNotNumber, "hexadecimal"},
		{"0x10", ErrNotNumber, "hexadecimal"},
		{"1_000", ErrNotNumber, "underscores"},
		{"0.000_1", ErrNotNumber, "underscores"},
		{"1e400", ErrNotFinite, `"1e400" is too large`},
		{"-1e400", ErrNotFinite, "too large"},
		{"1x10^400", ErrNotFinite, "too large"},
		{"10^400", ErrNotFinite, "too large"},
		{"1,000.5", ErrNotNumber, "decimal dot or a decimal comma"},
		{"1,2,3", ErrNotNumber, "more than one decimal comma"},
		{".", ErrNotNumber, "not a number"},
		{"-", ErrNotNumber, "not a number"},
		{"+", ErrNotNumber, "not a number"},
		{"e5", ErrNotNumber, "not a number"},
		{"1e", ErrNotNumber, "not a number"},
		{"1e+", ErrNotNumber, "not a number"},
		{"1e2.5", ErrNotNumber, "not a number"},
		{"1.2.3", ErrNotNumber, "not a number"},
		{"--1", ErrNotNumber, "not a number"},
		{"1-", ErrNotNumber, "not a number"},
		{"1 000", ErrNotNumber, "not a number"},
		{"0.5 m", ErrNotNumber, "not a number"},
		{"x10^3", ErrNotNumber, "not a number"},
		{"2.5x10^", ErrNotNumber, "not a number"},
		{"2.5x10^1.5", ErrNotNumber, "not a number"},
		{"1e3x10^2", ErrNotNumber, "not a number"},
		{"10^", ErrNotNumber, "not a number"},
		{"2^3", ErrNotNumber, "not a number"},
		{"110^3", ErrNotNumber, "not a number"},
		{"1 0x10^3", ErrNotNumber, "not a number"},
		{"2.5/10^3", ErrNotNumber, "not a number"},
		{"10^3x10^2", ErrNotNumber, "not a number"},
		{"½", ErrNotNumber, "not a number"},
		{"- -1", ErrNotNumber, "not a number"},
		{"- - 1", ErrNotNumber, "not a number"},
		{"-- 1", ErrNotNumber, "not a number"},
		{"1 -", ErrNotNumber, "not a number"},
		{"- 1 000", ErrNotNumber, "not a number"},
		{"- inf", ErrNotFinite, "not a finite"},
		{"2.5x10^(-3", ErrNotNumber, "not a number"},
		{"2.5x10^-3)", ErrNotNumber, "not a number"},
		{"2.5x10^()", ErrNotNumber, "not a number"},
		{"2.5x10^((-3))", ErrNotNumber, "not a number"},
		{"2.5x10^(1.5)", ErrNotNumber, "not a number"},
		{"2.5·", ErrNotNumber, "not a number"},
		{"·10^2", ErrNotNumber, "not a number"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error", tt.in, got)
			continue
		}
		if !errors.Is(err, tt.sentinel) {
			t.Errorf("Parse(%q) error %v, want errors.Is %v", tt.in, err, tt.sentinel)
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.contains) {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tt.in, msg, tt.contains)
		}
		if trimmed := strings.TrimSpace(tt.in); trimmed != "" && !strings.Contains(msg, strconv.Quote(trimmed)) {
			t.Errorf("Parse(%q) error %q does not quote the input", tt.in, msg)
		}
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"0.5", ".5", "-0.25", "+1", "1e-3", "2.5E2", "−0.5", "1e−3", "0,5",
		" 0.5\t", "2.5x10^-3", "2.5×10^-3", "2.5*10^-3", "10^-3", "",
		"abc", "NaN", "Inf", "infinity", "0x1p3", "1_0", "1e400", "1,000.5",
		"- 0.0493", "2.5·10^-2", "4.93x10^(-2)", "- -1",
	}
	for i, s := range seeds {
		f.Add(s, math.Float64bits(float64(i)*0.1-1))
	}
	f.Fuzz(func(t *testing.T, s string, bits uint64) {
		v, err := Parse(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("Parse(%q) = %v, want a finite value", s, v)
		}

		x := math.Float64frombits(bits)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		text := strconv.FormatFloat(x, 'g', -1, 64)
		got, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q) error %v, want %v", text, err, x)
		}
		if got != x {
			t.Fatalf("Parse(%q) = %v, want %v", text, got, x)
		}
	})
}
