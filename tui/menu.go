package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"nnmath/lessons"
	"nnmath/mathcore"
)

// menuItem is one lesson in the lesson menu, a built-in example network
// (example set), or (index quizItem) the quiz.
type menuItem struct {
	index   int
	l       lessons.Lesson
	example string // the example's name, for an example's entry
}

// quizItem is the index of the menu's Quiz entry.
const quizItem = -1

func (i menuItem) Title() string {
	switch {
	case i.example != "":
		return "Example: " + i.example
	case i.index == quizItem:
		return "Quiz"
	}
	return strconv.Itoa(i.index+1) + ". " + i.l.Title
}
func (i menuItem) Description() string { return i.l.Summary }
func (i menuItem) FilterValue() string { return i.Title() + " " + i.l.ID + " " + i.l.Summary }

// menu is the filterable list of lessons that m opens, with the quiz last.
type menu struct {
	keys     MenuKeyMap
	list     list.Model
	delegate list.DefaultDelegate
}

// menuResult is what a key in the menu asks of the root.
type menuResult struct {
	closed  bool // close the menu
	chosen  bool // open the item at index (a lesson, or quizItem for the quiz)
	index   int
	example string // open this built-in example network instead
}

func newMenu(ls []lessons.Lesson, keys MenuKeyMap) menu {
	items := make([]list.Item, len(ls))
	for i, l := range ls {
		items[i] = menuItem{index: i, l: l}
	}
	for _, e := range mathcore.Examples() {
		items = append(items, menuItem{example: e.Name, l: lessons.Lesson{Summary: "open " + e.Summary}})
	}
	items = append(items, menuItem{index: quizItem, l: lessons.Lesson{ID: "quiz", Title: "Quiz",
		Summary: "10 questions to compute by hand, checked with the slip named"}})
	d := list.NewDefaultDelegate()
	l := list.New(items, d, 60, 20)
	safeTextInput(&l.FilterInput)
	l.Title = "Lessons and examples (/ to filter)"
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	return menu{keys: keys, list: l, delegate: d}
}

// Update handles a key or another message (such as a filter's results)
// while the menu is open.
func (m menu) Update(msg tea.Msg) (menu, tea.Cmd, menuResult) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if m.filtering() && key.Matches(k, m.keys.Choose) {
			// enter ends the filter and opens the first lesson it left, at once
			m.list, _ = m.list.Update(k)
		}
		if !m.filtering() {
			switch {
			case key.Matches(k, m.keys.Close):
				return m, nil, menuResult{closed: true}
			case key.Matches(k, m.keys.Choose):
				it, ok := m.selected()
				return m, nil, menuResult{chosen: ok, index: it.index, example: it.example}
			}
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd, menuResult{}
}

// ShortHelp returns the menu's bindings for the help bar: while a filter
// is typed, esc clears it instead of closing the menu.
func (m *menu) ShortHelp() []key.Binding {
	if m.filtering() {
		return []key.Binding{m.keys.Choose, m.keys.ClearFilter}
	}
	return m.keys.ShortHelp()
}

// FullHelp returns the menu's bindings for the full help.
func (m *menu) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// SetStyles restyles the menu for a dark (isDark) or light background.
func (m *menu) SetStyles(isDark bool) {
	m.delegate.Styles = list.NewDefaultItemStyles(isDark)
	m.list.SetDelegate(m.delegate)
	m.list.Styles = list.DefaultStyles(isDark)
}

// SetSize sets the menu's size. The root calls it on every frame: the list
// lays its pages out again only when the size changes.
func (m *menu) SetSize(w, h int) {
	if w != m.list.Width() || h != m.list.Height() {
		m.list.SetSize(w, h)
	}
}

// Open resets the filter and selects the lesson being shown.
func (m *menu) Open(current int) {
	m.list.ResetFilter()
	m.list.Select(current)
}

// filtering reports whether the learner is typing a filter, so keys are text.
func (m *menu) filtering() bool { return m.list.SettingFilter() }

// selected returns the chosen item, and false when nothing is chosen (a
// filter that matches nothing).
func (m *menu) selected() (menuItem, bool) {
	it, ok := m.list.SelectedItem().(menuItem)
	return it, ok
}

// View renders the menu.
func (m *menu) View() string { return m.list.View() }
