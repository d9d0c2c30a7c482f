package tui

import (
	"strconv"

	"charm.land/bubbles/v2/list"

	"nnmath/lessons"
)

// menuItem is one lesson in the lesson menu, or (index quizItem) the quiz.
type menuItem struct {
	index int
	l     lessons.Lesson
}

// quizItem is the index of the menu's Quiz entry.
const quizItem = -1

func (i menuItem) Title() string {
	if i.index == quizItem {
		return "Quiz"
	}
	return strconv.Itoa(i.index+1) + ". " + i.l.Title
}
func (i menuItem) Description() string { return i.l.Summary }
func (i menuItem) FilterValue() string { return i.Title() + " " + i.l.ID }

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
	items = append(items, menuItem{index: quizItem, l: lessons.Lesson{ID: "quiz", Title: "Quiz",
		Summary: "10 questions to compute by hand, checked with the slip named"}})
	d := list.NewDefaultDelegate()
	l := list.New(items, d, 60, 20)
	safeTextInput(&l.FilterInput)
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

// selected returns the index of the chosen lesson, quizItem for the quiz,
// and false when nothing is chosen (a filter that matches nothing).
func (m *menu) selected() (int, bool) {
	if it, ok := m.list.SelectedItem().(menuItem); ok {
		return it.index, true
	}
	return 0, false
}

func (m *menu) view() string { return m.list.View() }
