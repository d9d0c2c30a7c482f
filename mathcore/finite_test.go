package mathcore

import (
	"strings"
	"testing"
)

func TestCheckFinite(t *testing.T) {
	cases := []struct{ file, says string }{
		{`{"layers":[1,1],"activation":"relu","weights":[[[1e308]]],"inputs":[10],"targets":[1]}`, "the product w1·i1 into o"},
		{`{"layers":[1,1],"activation":"linear","weights":[[[1e200]]],"inputs":[1],"targets":[0]}`, "the loss J"},
		{`{"layers":[2,1],"activation":"linear","weights":[[[1e308,1e308]]],"inputs":[1,1],"targets":[0]}`, "net_o"},
		{`{"layers":[1,1,1],"activation":"linear","weights":[[[1e-300]],[[1e9]]],"inputs":[1e300],"targets":[0]}`, "dJ/dw1"},
	}
	for _, c := range cases {
		_, err := ParseNetwork([]byte(c.file))
		if err == nil || !strings.Contains(err.Error(), c.says+" overflows") {
			t.Errorf("%s: error %v, want one naming %s", c.file, err, c.says)
		}
	}
	if err := CheckFinite(Paper()); err != nil {
		t.Errorf("the paper's network: %v", err)
	}
}

func TestOverflowAllocatesNothing(t *testing.T) {
	n := Paper()
	tr := NewTrace(n)
	tr.Compute(n)
	if a := testing.AllocsPerRun(100, func() { _ = tr.Overflow(n) }); a != 0 {
		t.Errorf("Overflow allocates %v times per run", a)
	}
}
