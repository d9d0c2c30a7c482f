package mathcore

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestDieFaceDots(t *testing.T) {
	tests := []struct {
		face int
		dots string
		vec  [7]float64
	}{
		{1, "d", [7]float64{0, 0, 0, 1, 0, 0, 0}},
		{2, "ag", [7]float64{1, 0, 0, 0, 0, 0, 1}},
		{3, "adg", [7]float64{1, 0, 0, 1, 0, 0, 1}},
		{4, "abfg", [7]float64{1, 1, 0, 0, 0, 1, 1}},
		{5, "abdfg", [7]float64{1, 1, 0, 1, 0, 1, 1}},
		{6, "abcefg", [7]float64{1, 1, 1, 0, 1, 1, 1}},
	}
	for _, tt := range tests {
		d, err := DieFaceDots(tt.face)
		if err != nil {
			t.Fatalf("DieFaceDots(%d): %v", tt.face, err)
		}
		if got := d.String(); got != tt.dots {
			t.Errorf("DieFaceDots(%d) = %s, want %s", tt.face, got, tt.dots)
		}
		if got := d.Vector(); got != tt.vec {
			t.Errorf("DieFaceDots(%d).Vector() = %v, want %v", tt.face, got, tt.vec)
		}
		if got, ok := d.Face(); !ok || got != tt.face {
			t.Errorf("DieFaceDots(%d).Face() = %d, %v, want %d, true", tt.face, got, ok, tt.face)
		}
		back, err := DieDotsFromVector(tt.vec[:])
		if err != nil || back != d {
			t.Errorf("DieDotsFromVector(%v) = %v, %v, want %v", tt.vec, back, err, d)
		}
	}
}

func TestDieFaceDotsRefuses(t *testing.T) {
	for _, face := range []int{0, 7, -1, 100} {
		_, err := DieFaceDots(face)
		if err == nil {
			t.Errorf("DieFaceDots(%d) gave no error", face)
			continue
		}
		if want := fmt.Sprintf("face %d ", face); !strings.Contains(err.Error(), want) {
			t.Errorf("DieFaceDots(%d) error %q does not name the face", face, err)
		}
	}
}

func TestDieFace(t *testing.T) {
	tests := []struct {
		vec  []float64
		face int
		ok   bool
	}{
		{[]float64{1, 0, 0, 1, 0, 0, 1}, 3, true}, // the paper's example
		{[]float64{0, 1, 0, 0, 0, 1, 0}, 2, true}, // rotated 2
		{[]float64{0, 1, 0, 1, 0, 1, 0}, 3, true}, // rotated 3
		{[]float64{0, 0, 0, 0, 0, 0, 0}, 0, false},
		{[]float64{1, 1, 1, 1, 1, 1, 1}, 0, false},
		{[]float64{1, 0, 0, 0, 0, 0, 0}, 0, false},
		{[]float64{1, 1, 0, 0, 0, 0, 0}, 0, false},
		{[]float64{0, 0, 1, 1, 1, 0, 0}, 0, false},
	}
	for _, tt := range tests {
		d, err := DieDotsFromVector(tt.vec)
		if err != nil {
			t.Fatalf("DieDotsFromVector(%v): %v", tt.vec, err)
		}
		face, ok := d.Face()
		if face != tt.face || ok != tt.ok {
			t.Errorf("%v (%s).Face() = %d, %v, want %d, %v", tt.vec, d, face, ok, tt.face, tt.ok)
		}
	}
}

func TestDieDotsFromVectorRefuses(t *testing.T) {
	tests := []struct {
		vec  []float64
		want string
	}{
		{nil, "got 0"},
		{[]float64{1, 0, 0, 1, 0, 0}, "got 6"},
		{[]float64{1, 0, 0, 1, 0, 0, 1, 0}, "got 8"},
		{[]float64{1, 0, 0.5, 1, 0, 0, 1}, "element 2 (dot c) is 0.5"},
		{[]float64{1, 0, 0, 1, 0, 0, -1}, "element 6 (dot g) is -1"},
		{[]float64{math.NaN(), 0, 0, 1, 0, 0, 1}, "element 0 (dot a) is NaN"},
		{[]float64{1, 0, 0, 0.9999999, 0, 0, 1}, "element 3 (dot d)"},
	}
	for _, tt := range tests {
		_, err := DieDotsFromVector(tt.vec)
		if err == nil {
			t.Errorf("DieDotsFromVector(%v) gave no error", tt.vec)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DieDotsFromVector(%v) error %q, want it to contain %q", tt.vec, err, tt.want)
		}
	}
}

func TestDieDotsString(t *testing.T) {
	if got := (DieDots{}).String(); got != "none" {
		t.Errorf("DieDots{}.String() = %q, want %q", got, "none")
	}
}
