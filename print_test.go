package main

import (
	"reflect"
	"testing"

	"nnmath/tui"
)

func TestPrintStyles(t *testing.T) {
	for env, want := range map[string]tui.Styles{
		"15;0":         tui.NewStyles(true),
		"0;15":         tui.NewStyles(false),
		"0;7":          tui.NewStyles(false),
		"7;8":          tui.NewStyles(true),
		"":             tui.NewStylesAnyBackground(),
		"what":         tui.NewStylesAnyBackground(),
		"0;99":         tui.NewStylesAnyBackground(),
		"15;default;0": tui.NewStyles(true),
		"0;default;15": tui.NewStyles(false),
	} {
		if got := printStyles(env); !reflect.DeepEqual(got.Text, want.Text) || !reflect.DeepEqual(got.Heading, want.Heading) {
			t.Errorf("COLORFGBG=%q: not the expected styles", env)
		}
	}
}
