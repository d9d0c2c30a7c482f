package numtext

import "testing"

func TestSci(t *testing.T) {
	for _, c := range []struct {
		x   float64
		sig int
		m   string
		e   int
	}{
		{2097152, 2, "2.1", 6}, {6.7e20, 2, "6.7", 20}, {-1.25e12, 3, "-1.25", 12}, {8.5e37, 2, "8.5", 37}, {1, 1, "1", 0},
	} {
		if m, e := Sci(c.x, c.sig); m != c.m || e != c.e {
			t.Errorf("Sci(%v, %d) = %q, %d; want %q, %d", c.x, c.sig, m, e, c.m, c.e)
		}
	}
	for s, want := range map[string]bool{"1.2500e+12": true, "2.1e-06": true, "overflow": false, "undefined": false, "0.5000": false, "1e": false} {
		if _, _, ok := SplitExp(s); ok != want {
			t.Errorf("SplitExp(%q): ok %v, want %v", s, ok, want)
		}
	}
}
