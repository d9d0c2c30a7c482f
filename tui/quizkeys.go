package tui

import (
	"charm.land/bubbles/v2/key"
)

// QuizKeyMap holds the quiz screen's key bindings. No binding is a
// printable character while the answer field takes typing, so typing a
// number can never trigger one.
type QuizKeyMap struct {
	Submit, Hint, Next         key.Binding
	Up, Down, PageUp, PageDown key.Binding
	// ChooseNext and ChoosePrev move the choice among the summary's
	// lessons to revisit, Open opens the chosen one.
	ChooseNext, ChoosePrev, Open key.Binding
	// Quit leaves the quiz at any time; QuitLetter leaves it too, but only
	// while the answer field is not being typed in.
	Quit, QuitLetter key.Binding
}

// DefaultQuizKeyMap returns the quiz screen's key bindings.
func DefaultQuizKeyMap() QuizKeyMap {
	return QuizKeyMap{
		Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Hint:       key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "hint")),
		Next:       key.NewBinding(key.WithKeys("enter", "n"), key.WithHelp("enter/n", "next question")),
		Up:         key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "scroll")),
		Down:       key.NewBinding(key.WithKeys("down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown")),
		ChooseNext: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "choose lesson")),
		ChoosePrev: key.NewBinding(key.WithKeys("shift+tab")),
		Open:       key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "open lesson")),
		Quit:       key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "quit quiz")),
		QuitLetter: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit quiz")),
	}
}

// ShortHelp returns the enabled bindings for the help bar.
func (k QuizKeyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{k.Submit, k.Hint, k.Next, k.ChooseNext, k.Open, k.Up, k.Quit} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// FullHelp returns every binding, grouped.
func (k QuizKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Submit, k.Hint, k.Next}, {k.ChooseNext, k.Open}, {k.Up, k.PageUp}, {k.Quit}}
}

// enable enables the bindings that act in state, with revisit lessons to
// revisit on the summary and hints left to show.
func (k *QuizKeyMap) enable(state quizState, revisit int, hints bool) {
	k.Submit.SetEnabled(state == quizAsking)
	k.Hint.SetEnabled(state == quizAsking && hints)
	k.Next.SetEnabled(state == quizAnswered)
	k.ChooseNext.SetEnabled(state == quizSummary && revisit > 1)
	k.ChoosePrev.SetEnabled(state == quizSummary && revisit > 1)
	k.Open.SetEnabled(state == quizSummary && revisit > 0)
	k.QuitLetter.SetEnabled(state != quizAsking)
}
