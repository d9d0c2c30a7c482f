package judge

import (
	"errors"
	"math"
	"slices"
	"testing"

	"nnmath/mathcore"
)

func TestPaperQuantities(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	cases := map[string]float64{
		"net_h1": 0.376, "out_h1": 0.5929079905, "net_h2": 0.1766, "out_h2": 0.5440356125,
		"net_o": 0.5733590393, "out": 0.6395378941, "J": 0.0649664649, "dJ/dout": -0.3604621059,
		"dout/dnet_o": 0.2305291761, "dout_h1/dnet_h1": 0.2413681053, "dnet_o/dout_h1": 0.6,
		"dJ/dw1": -0.0060170920, "dJ/dw7": 0, "dJ/dw9": -0.0492688944, "dJ/dw10": -0.0452077449,
		"w9_new": 0.6049268894, "w1_new": 0.4006017092,
	}
	for name, want := range cases {
		q := mustLookup(t, j, name)
		if q.Name != name {
			t.Errorf("Lookup(%q).Name = %q", name, q.Name)
		}
		if got := j.Exact(q); math.Abs(got-want) > 1e-10 {
			t.Errorf("%s = %.12f, want %.10f", name, got, want)
		}
	}
}

func TestLenientNames(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	for alias, want := range map[string]string{
		"out_o": "out", "y_hat": "out", "ŷ": "out", "OUT": "out", "j": "J", "loss": "J",
		"∂J/∂w9": "dJ/dw9", "dj/dw9": "dJ/dw9", " dJ / dw9 ": "dJ/dw9", "dJ/dy_hat": "dJ/dout",
		"dJ/dŷ": "dJ/dout", "dJ/dout_o": "dJ/dout", "dout_o/dnet_o": "dout/dnet_o", "dŷ/dnet_o": "dout/dnet_o",
		"w9 new": "w9_new", "new_w9": "w9_new", "w9new": "w9_new", "Net_H1": "net_h1", "outh1": "out_h1",
		"δ_h1": "dJ/dnet_h1", "δ_o": "dJ/dnet_o", "Δ_h2": "dJ/dnet_h2", "delta_h1": "dJ/dnet_h1",
	} {
		q, err := j.Lookup(alias)
		if err != nil || q.Name != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", alias, q.Name, err, want)
		}
	}
}

func TestUnknownNameListsNearest(t *testing.T) {
	j := mustJudge(t, mathcore.Paper())
	for name, near := range map[string]string{"dJ/dw99": "dJ/dw9", "out_h3": "out_h1", "dJ/db1": "dJ/dw1", "w11_new": "w1_new", "outt": "out"} {
		_, err := j.Lookup(name)
		var u *UnknownQuantityError
		if !errors.As(err, &u) {
			t.Fatalf("Lookup(%q) error %v, want *UnknownQuantityError", name, err)
		}
		if !slices.Contains(u.Nearest, near) || len(u.Nearest) > 5 {
			t.Errorf("Lookup(%q) nearest %v, want %s among them", name, u.Nearest, near)
		}
	}
}

func TestCatalogueCoversEveryNetwork(t *testing.T) {
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		qs := j.Quantities()
		seen := map[string]bool{}
		L := n.Output()
		nodes := 0
		for l := 1; l <= L; l++ {
			nodes += n.Sizes[l]
		}
		params := len(n.Params())
		counts := map[Kind]int{}
		for _, q := range qs {
			if seen[q.Name] {
				t.Errorf("%s: %s listed twice", label, q.Name)
			}
			seen[q.Name] = true
			counts[q.Kind]++
			if back, err := j.Lookup(q.Name); err != nil || back != q {
				t.Errorf("%s: Lookup(%q) = %v, %v", label, q.Name, back, err)
			}
			if v := j.Exact(q); math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: %s = %v", label, q.Name, v)
			}
			if q.Description == "" {
				t.Errorf("%s: %s has no description", label, q.Name)
			}
		}
		if counts[KindNet] != nodes || counts[KindOut] != nodes || counts[KindDAct] != nodes || counts[KindDelta] != nodes ||
			counts[KindDOut] != nodes || counts[KindGrad] != params || counts[KindNew] != params || counts[KindLoss] != 1 {
			t.Errorf("%s: counts %v for %d nodes and %d params", label, counts, nodes, params)
		}
		if n.HasBiases() && !seen["dJ/db1"] {
			t.Errorf("%s: no dJ/db1", label)
		}
		if n.Sizes[L] > 1 && !seen["dJ/dout_o1"] {
			t.Errorf("%s: no dJ/dout_o1", label)
		}
	}
}

// The judge's own pass must agree with mathcore's trace everywhere.
func TestExactMatchesTrace(t *testing.T) {
	for label, n := range testNetworks() {
		j := mustJudge(t, n)
		tr := mathcore.NewTrace(n)
		tr.Compute(n)
		for _, p := range n.Params() {
			g := j.Exact(Quantity{Kind: KindGrad, Param: p})
			nv := j.Exact(Quantity{Kind: KindNew, Param: p})
			if math.Abs(g-tr.Gradient(p)) > 1e-12 || math.Abs(nv-tr.Updated(p)) > 1e-12 {
				t.Errorf("%s %s: %v %v, trace %v %v", label, n.ParamLabel(p), g, nv, tr.Gradient(p), tr.Updated(p))
			}
		}
		for l := 1; l <= n.Output(); l++ {
			for k := range n.Sizes[l] {
				if j.exact.out[l][k] != tr.Out[l][k] || math.Abs(j.exact.dOut[l][k]-tr.DOut[l][k]) > 1e-12 {
					t.Errorf("%s node %d,%d differs from the trace", label, l, k)
				}
			}
		}
		if math.Abs(j.exact.loss-tr.Loss) > 1e-15 {
			t.Errorf("%s: J %v, trace %v", label, j.exact.loss, tr.Loss)
		}
	}
}

// A lazy catalogue, as a large network has, reads every name and alias of
// the eager one as the same quantity, and names every key alike.
func TestLazyCatalogueReadsEveryName(t *testing.T) {
	nets := testNetworks()
	nets["2-2-1"] = mathcore.Paper()
	for label, n := range nets {
		full := buildCatalogue(n, true)
		lazy := buildCatalogue(n, false)
		lazy.lazy, lazy.n = true, n
		for alias, i := range full.byName {
			q, err := lazy.lookup(alias)
			if err != nil || q != full.list[i] {
				t.Errorf("%s: lazy lookup(%q) = %+v, %v; want %+v", label, alias, q, err, full.list[i])
			}
		}
		for _, q := range full.list {
			if name, ok := lazy.nameOf(q.key()); !ok || name != q.Name {
				t.Errorf("%s: lazy nameOf(%s) = %q", label, q.Name, name)
			}
		}
		for _, bad := range []string{"dJ/dw0", "dJ/dw999", "w0_new", "dnet_h1/di1x", "dnet_o/dout_o", "dJ/db1x"} {
			if _, err := lazy.lookup(bad); err == nil && full.byName[normalize(bad)] == 0 {
				if _, ok := full.byName[normalize(bad)]; !ok {
					t.Errorf("%s: lazy lookup(%q) found a quantity the eager one has not", label, bad)
				}
			}
		}
	}
}
