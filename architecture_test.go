package main

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// layers are the project's packages by layer, as ARCHITECTURE.md draws
// them: a package may import only packages of lower layers.
var layers = map[string]int{
	"nnmath/mathcore":         0,
	"nnmath/numtext":          0,
	"nnmath/mnist":            0,
	"nnmath/paper":            1,
	"nnmath/digits":           1,
	"nnmath/internal/testnet": 1, // imported by tests only
	"nnmath/judge":            2,
	"nnmath/lessons":          2,
	"nnmath/quiz":             3,
	"nnmath/export":           3,
	"nnmath/atomicfile":       3,
	"nnmath/tui":              4,
	"nnmath/classroom":        4,
	"nnmath/plain":            4,
	"nnmath/server":           5,
	"nnmath/classreport":      5,
	"nnmath":                  6,
}

// TestImportArrows checks that every import between the project's packages
// points to a lower layer, so that no arrow ever points back, and that only
// tests import the test helpers.
func TestImportArrows(t *testing.T) {
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && path != ".") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		from := "nnmath"
		if path != "." {
			from += "/" + filepath.ToSlash(path)
		}
		seen[from] = true
		layer, known := layers[from]
		if !known {
			t.Errorf("package %s has no layer: add it to layers and to ARCHITECTURE.md", from)
		}
		for _, to := range pkg.Imports {
			if to != "nnmath" && !strings.HasPrefix(to, "nnmath/") {
				continue
			}
			if strings.HasPrefix(to, "nnmath/internal/") {
				t.Errorf("%s imports %s outside its tests", from, to)
				continue
			}
			if l, ok := layers[to]; !ok || l >= layer {
				t.Errorf("%s (layer %d) imports %s (layer %d): the arrow points back", from, layer, to, l)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range layers {
		if !seen[p] {
			t.Errorf("layers names %s, which does not exist", p)
		}
	}
}
