package mathcore

import "fmt"

// DieDotNames names the seven dot positions of a die face, in the order of
// DieDots: a top-left, b top-right, c middle-left, d centre, e middle-right,
// f bottom-left, g bottom-right.
//
//	a . b
//	c d e
//	f . g
const DieDotNames = "abcdefg"

// DieDots records which of the seven dot positions of a die face hold a
// dot, in the order of DieDotNames.
type DieDots [7]bool

// dieFaceNames returns the dots of face 1..6 as dot names, and "" for any
// other face.
func dieFaceNames(face int) string {
	switch face {
	case 1:
		return "d"
	case 2:
		return "ag"
	case 3:
		return "adg"
	case 4:
		return "abfg"
	case 5:
		return "abdfg"
	case 6:
		return "abcefg"
	}
	return ""
}

// dieDotsOf returns the dots named in names.
func dieDotsOf(names string) DieDots {
	var d DieDots
	for _, r := range names {
		for i, n := range DieDotNames {
			if r == n {
				d[i] = true
			}
		}
	}
	return d
}

// DieFaceDots returns the dots of face 1..6 in its usual orientation: 1 is
// d; 2 is a,g; 3 is a,d,g; 4 is a,b,f,g; 5 is a,b,d,f,g; 6 is a,b,c,e,f,g.
// It returns an error for any other face.
func DieFaceDots(face int) (DieDots, error) {
	if face < 1 || face > 6 {
		return DieDots{}, fmt.Errorf("die face %d does not exist: a die shows 1 to 6", face)
	}
	return dieDotsOf(dieFaceNames(face)), nil
}

// Vector returns d as the network input: 1 where there is a dot and 0
// where there is none.
func (d DieDots) Vector() [7]float64 {
	var v [7]float64
	for i, on := range d {
		if on {
			v[i] = 1
		}
	}
	return v
}

// Face returns the number d shows, recognising the faces of DieFaceDots and
// also 2 and 3 drawn on the other diagonal (b,f and b,d,f). ok is false when
// the dots form no face.
func (d DieDots) Face() (face int, ok bool) {
	for face := 1; face <= 6; face++ {
		if d == dieDotsOf(dieFaceNames(face)) {
			return face, true
		}
	}
	switch d {
	case dieDotsOf("bf"):
		return 2, true
	case dieDotsOf("bdf"):
		return 3, true
	}
	return 0, false
}

// String returns the names of the dots in d, such as "adg", or "none" when
// d holds no dot.
func (d DieDots) String() string {
	b := make([]byte, 0, len(d))
	for i, on := range d {
		if on {
			b = append(b, DieDotNames[i])
		}
	}
	if len(b) == 0 {
		return "none"
	}
	return string(b)
}

// DieDotsFromVector returns the dots described by v, which must hold seven
// elements, each exactly 0 (no dot) or 1 (a dot). The error names the
// offending length or element.
func DieDotsFromVector(v []float64) (DieDots, error) {
	var d DieDots
	if len(v) != len(d) {
		return d, fmt.Errorf("a die vector has %d elements, one per dot a..g; got %d", len(d), len(v))
	}
	for i, x := range v {
		switch x {
		case 0:
		case 1:
			d[i] = true
		default:
			return DieDots{}, fmt.Errorf("die vector element %d (dot %c) is %v: use 0 for no dot or 1 for a dot", i, DieDotNames[i], x)
		}
	}
	return d, nil
}
