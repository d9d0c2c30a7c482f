package testnet

import (
	"os"
	"reflect"
	"testing"

	"nnmath/mathcore"
)

func TestFixturesValid(t *testing.T) {
	for name, n := range map[string]*mathcore.Network{
		"TwoTwoTwo": TwoTwoTwo(), "ThreeTwoTwo": ThreeTwoTwo(), "ThreeTwoTwoMSE": ThreeTwoTwoMSE(),
		"DeadReLU": DeadReLU(), "Deep": Deep(), "Wide": Wide(), "ManyPaths": ManyPaths(),
		"WideHidden": WideHidden(), "EightLayers": EightLayers(),
		"Random": Random(5, Spec{Sizes: []int{2, 3, 1}, Loss: mathcore.MSE, Biases: true}),
	} {
		if err := n.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestTwoTwoTwoIsTheFile(t *testing.T) {
	data, err := os.ReadFile("../../export/testdata/net222.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := mathcore.ParseNetwork(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := TwoTwoTwo(); !reflect.DeepEqual(got, want) {
		t.Errorf("TwoTwoTwo() = %+v, the file holds %+v", got, want)
	}
}

func TestWriteFileRoundTrip(t *testing.T) {
	n := Random(3, Spec{Sizes: []int{3, 2, 2}, Biases: true})
	data, err := os.ReadFile(WriteFile(t, "net.json", n))
	if err != nil {
		t.Fatal(err)
	}
	back, err := mathcore.ParseNetwork(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, n) {
		t.Errorf("read back %+v, wrote %+v", back, n)
	}
}
