package mnist

import "testing"

// TestLoad checks the sizes of the data set and figures known from it: the
// first labels and how many images of a 4 each set holds.
func TestLoad(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if d.Train.Len() != 60000 || d.Test.Len() != 10000 {
		t.Fatalf("%d training and %d test images, want 60000 and 10000", d.Train.Len(), d.Test.Len())
	}
	if len(d.Train.Images) != 60000*Pixels || len(d.Test.Images) != 10000*Pixels {
		t.Fatal("the images are not 784 bytes each")
	}
	if d.Train.Labels[0] != 5 || d.Test.Labels[0] != 7 {
		t.Errorf("first labels %d and %d, want 5 and 7", d.Train.Labels[0], d.Test.Labels[0])
	}
	count := func(s *Set, digit uint8) (n int) {
		for _, l := range s.Labels {
			if l == digit {
				n++
			}
		}
		return n
	}
	if n, m := count(&d.Train, 4), count(&d.Test, 4); n != 5842 || m != 982 {
		t.Errorf("%d and %d images of a 4, want 5842 and 982", n, m)
	}
	if again, _ := Load(); again != d {
		t.Error("a second Load decodes the data again")
	}
}

// The sizes the lessons write are the sizes of the embedded sets.
func TestSetSizes(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if d.Train.Len() != TrainSize || d.Test.Len() != TestSize {
		t.Errorf("sets of %d and %d images, constants %d and %d", d.Train.Len(), d.Test.Len(), TrainSize, TestSize)
	}
}
