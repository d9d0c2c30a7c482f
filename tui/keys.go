package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap holds every key binding of the tutor, one key map per part of the
// screen. Bindings that do nothing on the current screen are disabled, so
// the help bar never lists a dead key.
type KeyMap struct {
	Global GlobalKeyMap // the root's: quitting, help, and opening the other parts
	Lesson LessonKeyMap // the lesson screen's
	Menu   MenuKeyMap   // the lesson menu's
	Panel  PanelKeyMap  // the parameter panel's
	Prompt PromptKeyMap // the file prompt's
}

// DefaultKeyMap returns the tutor's key bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Global: DefaultGlobalKeyMap(),
		Lesson: DefaultLessonKeyMap(),
		Menu:   DefaultMenuKeyMap(),
		Panel:  DefaultPanelKeyMap(),
		Prompt: DefaultPromptKeyMap(),
	}
}

// GlobalKeyMap holds the keys the root model handles itself: quitting, the
// full help, and moving the focus to another part of the screen.
type GlobalKeyMap struct {
	Quit      key.Binding // q quits wherever nothing is being typed
	Interrupt key.Binding // ctrl+c quits everywhere, even while typing
	Help      key.Binding
	Menu      key.Binding // open the lesson menu
	Panel     key.Binding // edit values in the parameter panel
	Save      key.Binding // save the network
	Export    key.Binding // write the worked solution
}

// DefaultGlobalKeyMap returns the root's key bindings.
func DefaultGlobalKeyMap() GlobalKeyMap {
	return GlobalKeyMap{
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Menu:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "lessons")),
		Panel:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "edit")),
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save network")),
		Export:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export solution")),
	}
}

// ShortHelp returns the global bindings always worth listing.
func (k GlobalKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp returns every global binding.
func (k GlobalKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Menu, k.Panel, k.Save, k.Export}, {k.Help, k.Quit}}
}

// MenuKeyMap holds the lesson menu's own bindings; the list moves its
// cursor and filters with bubbles' list keys.
type MenuKeyMap struct {
	Choose, Close, ClearFilter key.Binding
}

// DefaultMenuKeyMap returns the lesson menu's key bindings.
func DefaultMenuKeyMap() MenuKeyMap {
	return MenuKeyMap{
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Close:  key.NewBinding(key.WithKeys("esc", "m"), key.WithHelp("esc", "close menu")),
		// Only a help entry: the list itself clears its filter on esc.
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// ShortHelp returns the menu's bindings.
func (k MenuKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Choose, k.Close} }

// FullHelp returns the menu's bindings.
func (k MenuKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// PanelKeyMap holds the parameter panel's bindings. Every other key types
// into the focused field.
type PanelKeyMap struct {
	FieldNext, FieldPrev, FieldApply, FieldLeave   key.Binding
	NudgeUp, NudgeDown, NudgeUpMore, NudgeDownMore key.Binding
}

// DefaultPanelKeyMap returns the parameter panel's key bindings.
func DefaultPanelKeyMap() PanelKeyMap {
	return PanelKeyMap{
		FieldNext:     key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/⇧tab/↑↓", "field")),
		FieldPrev:     key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("⇧tab/↑", "previous field")),
		FieldApply:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		FieldLeave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NudgeUp:       key.NewBinding(key.WithKeys("ctrl+up"), key.WithHelp("ctrl+↑/↓", "±0.01")),
		NudgeDown:     key.NewBinding(key.WithKeys("ctrl+down")),
		NudgeUpMore:   key.NewBinding(key.WithKeys("ctrl+shift+up"), key.WithHelp("ctrl+⇧↑/↓", "±0.1")),
		NudgeDownMore: key.NewBinding(key.WithKeys("ctrl+shift+down")),
	}
}

// ShortHelp returns the panel's bindings worth listing.
func (k PanelKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.FieldApply, k.FieldNext, k.NudgeUp, k.NudgeUpMore, k.FieldLeave}
}

// FullHelp returns the panel's bindings.
func (k PanelKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// PromptKeyMap holds the file prompt's bindings. Every other key types
// into the file name.
type PromptKeyMap struct {
	Confirm, Cancel key.Binding
}

// DefaultPromptKeyMap returns the file prompt's key bindings.
func DefaultPromptKeyMap() PromptKeyMap {
	return PromptKeyMap{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp returns the prompt's bindings.
func (k PromptKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Confirm, k.Cancel} }

// FullHelp returns the prompt's bindings.
func (k PromptKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Every part of the screen's key map is a help.KeyMap.
var (
	_ help.KeyMap = GlobalKeyMap{}
	_ help.KeyMap = LessonKeyMap{}
	_ help.KeyMap = MenuKeyMap{}
	_ help.KeyMap = PanelKeyMap{}
	_ help.KeyMap = PromptKeyMap{}
	_ help.KeyMap = QuizKeyMap{}
	_ help.KeyMap = (*menu)(nil)
)

// bindingIndex returns the position of msg among the keys of b (0 for the
// first), or -1: which of a binding's keys was pressed, such as the dot of
// the die or the lesson to jump to.
func bindingIndex(b key.Binding, msg tea.KeyPressMsg) int {
	return slices.Index(b.Keys(), msg.String())
}

// keyName names the first key of b as a hint in prose writes it: "space",
// "u", "→", "backspace".
func keyName(b key.Binding) string {
	ks := b.Keys()
	if len(ks) == 0 {
		return ""
	}
	return proseKeyName(ks[0])
}

// keyNames names every key of b as a hint in prose writes them: "enter or n".
func keyNames(b key.Binding) string {
	names := make([]string, len(b.Keys()))
	for i, k := range b.Keys() {
		names[i] = proseKeyName(k)
	}
	return strings.Join(names, " or ")
}

// proseKeyName names one key as prose writes it.
func proseKeyName(k string) string {
	if n, ok := proseKeyNames[k]; ok {
		return n
	}
	return k
}

// proseKeyNames are the names of keys whose binding name is not what prose
// writes.
var proseKeyNames = map[string]string{"right": "→", "left": "←", "up": "↑", "down": "↓", "pgdown": "pgdn"}
