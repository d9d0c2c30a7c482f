package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the tutor. Bindings that do nothing on
// the current screen are disabled, so the help bar never lists a dead key.
type KeyMap struct {
	// Moving through lessons and steps.
	Next, Prev, Reveal, Hide, Menu, Jump key.Binding
	Fewer, More                          key.Binding // decimals shown
	Up, Down, PageUp, PageDown           key.Binding // scrolling the body
	Help, Quit                           key.Binding

	// The die lesson.
	Dot                key.Binding // a..g toggle a dot
	FaceNext, FacePrev key.Binding
	// The partial-derivatives lesson.
	PointUp, PointDown, PointLeft, PointRight key.Binding
	// The gradient-descent lesson.
	EtaUp, EtaDown key.Binding
	// The chain-rule lesson: which parameter; the slips lesson: which slip.
	ParamPrev, ParamNext key.Binding
	SlipPrev, SlipNext   key.Binding
	SlipOpen             key.Binding
	// The update lesson.
	Apply, Undo, Reset key.Binding
	// The training lesson.
	TrainToggle, Faster, Slower key.Binding

	// The image lesson: choose a pixel, darken or lighten it.
	PixelPrev, PixelNext, Darken, Lighten key.Binding

	// The lesson menu.
	Choose, Close, ClearFilter key.Binding

	// The parameter panel.
	Panel, FieldNext, FieldPrev, FieldApply, FieldLeave key.Binding
	NudgeUp, NudgeDown, NudgeUpMore, NudgeDownMore      key.Binding
	Save                                                key.Binding
	Export                                              key.Binding // write the worked solution

	// A prompt for a file name.
	Confirm, Cancel key.Binding
}

// DefaultKeyMap returns the tutor's key bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("right", "l", "n"), key.WithHelp("→/n", "next")),
		Prev:     key.NewBinding(key.WithKeys("left", "h", "p"), key.WithHelp("←/p", "back")),
		Reveal:   key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "step")),
		Hide:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "hide step")),
		Menu:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "lessons")),
		Jump:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to lesson")),
		Fewer:    key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "fewer decimals")),
		More:     key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "more decimals")),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		Dot:      key.NewBinding(key.WithKeys("a", "b", "c", "d", "e", "f", "g"), key.WithHelp("a-g", "toggle dot")),
		FaceNext: key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "change face")),
		FacePrev: key.NewBinding(key.WithKeys("-")),

		PointUp:    key.NewBinding(key.WithKeys("w", "shift+up"), key.WithHelp("w/a/s/d", "move point")),
		PointDown:  key.NewBinding(key.WithKeys("s", "shift+down")),
		PointLeft:  key.NewBinding(key.WithKeys("a", "shift+left")),
		PointRight: key.NewBinding(key.WithKeys("d", "shift+right")),

		EtaUp:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "learning rate")),
		EtaDown: key.NewBinding(key.WithKeys("-")),

		ParamPrev: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "other weight")),
		ParamNext: key.NewBinding(key.WithKeys("]")),
		SlipPrev:  key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "choose slip")),
		SlipNext:  key.NewBinding(key.WithKeys("]")),
		SlipOpen:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "open its lesson")),

		Apply: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "apply update")),
		Undo:  key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "undo")),
		Reset: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restore start values")),

		TrainToggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "run/pause")),
		Faster:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "speed")),
		Slower:      key.NewBinding(key.WithKeys("-")),

		PixelPrev: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "choose pixel")),
		PixelNext: key.NewBinding(key.WithKeys("]")),
		Darken:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "darker/lighter")),
		Lighten:   key.NewBinding(key.WithKeys("-")),

		Panel:         key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "edit")),
		FieldNext:     key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/⇧tab/↑↓", "field")),
		FieldPrev:     key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("⇧tab/↑", "previous field")),
		FieldApply:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		FieldLeave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NudgeUp:       key.NewBinding(key.WithKeys("ctrl+up"), key.WithHelp("ctrl+↑/↓", "±0.01")),
		NudgeDown:     key.NewBinding(key.WithKeys("ctrl+down")),
		NudgeUpMore:   key.NewBinding(key.WithKeys("ctrl+shift+up"), key.WithHelp("ctrl+⇧↑/↓", "±0.1")),
		NudgeDownMore: key.NewBinding(key.WithKeys("ctrl+shift+down")),
		Save:          key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save network")),
		Export:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export solution")),

		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Close:  key.NewBinding(key.WithKeys("esc", "m"), key.WithHelp("esc", "close menu")),
		// Only a help entry: the list itself clears its filter on esc.
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// lessonKeys are the bindings that belong to one lesson, by lesson ID.
func (k *KeyMap) lessonKeys() map[string][]*key.Binding {
	return map[string][]*key.Binding{
		"die":          {&k.Dot, &k.FaceNext, &k.FacePrev},
		"partial":      {&k.PointUp, &k.PointDown, &k.PointLeft, &k.PointRight},
		"descent":      {&k.EtaUp, &k.EtaDown},
		"chain-hidden": {&k.ParamPrev, &k.ParamNext},
		"image":        {&k.PixelPrev, &k.PixelNext, &k.Darken, &k.Lighten},
		"update":       {&k.Apply, &k.Undo},
		"training":     {&k.TrainToggle, &k.Faster, &k.Slower},
		"slips":        {&k.SlipPrev, &k.SlipNext, &k.SlipOpen},
	}
}

// forLesson enables the bindings of the lesson with the given ID and
// disables those of every other lesson.
func (k *KeyMap) forLesson(id string) {
	for lesson, bs := range k.lessonKeys() {
		for _, b := range bs {
			b.SetEnabled(lesson == id)
		}
	}
	// Space runs the training there, so only enter reveals steps.
	if id == "training" {
		k.Reveal.SetKeys("enter")
		k.Reveal.SetHelp("enter", "step")
	} else {
		k.Reveal.SetKeys("space", "enter")
		k.Reveal.SetHelp("space", "step")
	}
}

// forSteps enables revealing and hiding only when there is a step to reveal or hide.
func (k *KeyMap) forSteps(revealed, steps int) {
	k.Reveal.SetEnabled(revealed < steps)
	k.Hide.SetEnabled(revealed > 0)
}

// lessonHelp returns the enabled bindings of the current lesson, for the help bar.
func (k KeyMap) lessonHelp() []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{k.Dot, k.FaceNext, k.PointUp, k.EtaUp, k.ParamPrev, k.SlipPrev, k.SlipOpen, k.PixelPrev, k.Darken, k.Apply, k.Undo, k.TrainToggle, k.Faster} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}
