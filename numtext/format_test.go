package numtext

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     string
	}{
		{0.5, 4, "0.5000"},
		{-0.25, 2, "-0.25"},
		{0.59290799, 4, "0.5929"},
		{0.12345, 3, "0.123"},
		{0.1235, 3, "0.123"}, // 0.1235 is stored just below ...35
		{0.1236, 3, "0.124"},
		{2.5, 0, "2"}, // exact halves round to even
		{3.5, 0, "4"},
		{-1.999996, 5, "-2.00000"},
		{1234.5678, 1, "1234.6"},
		{0, 4, "0.0000"},
		{math.Copysign(0, -1), 4, "0.0000"},
		{math.Copysign(0, -1), 0, "0"},
		{-0.00001, 4, "0.0000"},
		{-0.00004, 4, "0.0000"},
		{-0.00005, 4, "-0.0001"}, // -0.00005 is stored just beyond ...05
		{-0.4, 0, "0"},
		{-0.6, 0, "-1"},
		{1.5, -3, "2"},
		{math.Pi, 99, "3.1415926536"},
		{math.Pi, 10, "3.1415926536"},
		{1e-12, 10, "0.0000000000"},
		{-1e-12, 10, "0.0000000000"},
		{math.NaN(), 4, "undefined"},
		{math.Inf(1), 4, "overflow"},
		{math.Inf(-1), 4, "overflow"},
		{999999999.4, 1, "999999999.4"},
		{1e9, 4, "1.0000e+09"},
		{-1.25e12, 2, "-1.25e+12"},
		{1e300, 4, "1.0000e+300"},
	}
	for _, tt := range tests {
		if got := Format(tt.x, tt.decimals); got != tt.want {
			t.Errorf("Format(%v, %d) = %q, want %q", tt.x, tt.decimals, got, tt.want)
		}
	}
}

func TestAppendFormat(t *testing.T) {
	tests := []struct {
		prefix   string
		x        float64
		decimals int
		want     string
	}{
		{"", 0.5, 2, "0.50"},
		{"w = ", -0.001, 2, "w = 0.00"},
		{"w = ", -0.25, 2, "w = -0.25"},
		{"-", math.Copysign(0, -1), 1, "-0.0"}, // the prefix's own minus stays
		{"J = ", math.NaN(), 3, "J = undefined"},
		{"J = ", math.Inf(-1), 3, "J = overflow"},
	}
	for _, tt := range tests {
		got := string(AppendFormat([]byte(tt.prefix), tt.x, tt.decimals))
		if got != tt.want {
			t.Errorf("AppendFormat(%q, %v, %d) = %q, want %q", tt.prefix, tt.x, tt.decimals, got, tt.want)
		}
	}
}

func TestAppendFormatAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendFormat(buf[:0], -0.0001, 3)
	})
	if allocs != 0 {
		t.Errorf("AppendFormat with capacity allocated %v times, want 0", allocs)
	}
}

func TestFormatSig(t *testing.T) {
	tests := []struct {
		x    float64
		sig  int
		want string
	}{
		{-0.0060170920, 4, "-0.006017"},
		{0.5929079905, 4, "0.5929"},
		{1234.5, 2, "1200"},
		{1234.5, 4, "1234"}, // 1234.5 rounds half to even
		{1234.5, 5, "1234.5"},
		{1234.5, 6, "1234.50"},
		{0.5, 3, "0.500"},
		{1, 1, "1"},
		{9.9996, 4, "10.00"},
		{-99.96, 3, "-100"},
		{0.000001, 2, "0.0000010"},
		{0.00000099999, 2, "0.0000010"}, // rounds up into plain range
		{0.0000001234567, 4, "1.235e-07"},
		{123456789, 3, "123000000"},
		{999999999.6, 4, "1.000e+09"},
		{1e9, 3, "1.00e+09"},
		{-2.5e12, 2, "-2.5e+12"},
		{0.26, 0, "0.3"}, // sig clamps to 1
		{math.Pi, 50, "3.1415926535897931"},
		{0, 4, "0"},
		{math.Copysign(0, -1), 4, "0"},
		{math.NaN(), 4, "undefined"},
		{math.Inf(1), 4, "overflow"},
		{math.Inf(-1), 4, "overflow"},
	}
	for _, tt := range tests {
		if got := FormatSig(tt.x, tt.sig); got != tt.want {
			t.Errorf("FormatSig(%v, %d) = %q, want %q", tt.x, tt.sig, got, tt.want)
		}
	}
}

func BenchmarkAppendFormat(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = AppendFormat(buf[:0], -0.0060170920, 4)
	}
}

func BenchmarkFormatSig(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = FormatSig(-0.0060170920, 4)
	}
}

func TestFormatStep(t *testing.T) {
	for _, c := range []struct {
		next, prev float64
		sig        int
		want       string
	}{
		{0.050247, 0.05, 4, "0.05025"},   // the step shows at 4 figures
		{0.050247, 0.05, 2, "0.0502"},    // 2 figures would hide it: 0.050
		{0.4, 0.4, 4, "0.4000"},          // no step
		{0.1000003, 0.1, 4, "0.1000003"}, // a tiny step needs its own figures
		{-1.25, -1.5, 1, "-1"},
	} {
		if got := FormatStep(c.next, c.prev, c.sig); got != c.want {
			t.Errorf("FormatStep(%v, %v, %d) = %q, want %q", c.next, c.prev, c.sig, got, c.want)
		}
	}
}
