package tui

import (
	"strconv"

	"charm.land/bubbles/v2/list"

	"nnmath/lessons"
)

// menuItem is one lesson in the lesson menu.
type menuItem struct {
	index int
	l     lessons.Lesson
}

func (i menuItem) Title() string       { return strconv.Itoa(i.index+1) + ". " + i.l.Title }
func (i menuItem) Description() string { return i.l.Summary }
func (i menuItem) FilterValue() string { return i.l.Title + " " + i.l.ID }

// menu is the filterable list of lessons that m opens.
type menu struct {
	list     list.Model
	delegate list.DefaultDelegate
}

func newMenu(ls []lessons.Lesson) menu {
	items := make([]list.Item, len(ls))
	for i, l := range ls {
		items[i] = menuItem{index: i, l: l}
	}
	d := list.NewDefaultDelegate()
	l := list.New(items, d, 60, 20)
	l.Title = "Lessons (/ to filter)"
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	return menu{list: l, delegate: d}
}

func (m *menu) setStyles(isDark bool) {
	m.delegate.Styles = list.NewDefaultItemStyles(isDark)
	m.list.SetDelegate(m.delegate)
	m.list.Styles = list.DefaultStyles(isDark)
}

func (m *menu) setSize(w, h int) { m.list.SetSize(w, h) }

// open resets the filter and selects the lesson being shown.
func (m *menu) open(current int) {
	m.list.ResetFilter()
	m.list.Select(current)
}

// filtering reports whether the learner is typing a filter, so keys are text.
func (m *menu) filtering() bool { return m.list.SettingFilter() }

// selected returns the index of the chosen lesson.
func (m *menu) selected() int {
	if it, ok := m.list.SelectedItem().(menuItem); ok {
		return it.index
	}
	return -1
}

func (m *menu) view() string { return m.list.View() }
