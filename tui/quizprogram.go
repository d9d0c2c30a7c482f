package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"nnmath/quiz"
)

// QuizOptions say what RunQuiz runs.
type QuizOptions struct {
	// Session is the quiz to take.
	Session *quiz.Session
	// NoSave keeps the results out of the history. By default each
	// question's record is appended to the history in the user's state
	// directory (quiz.HistoryPath) as soon as the question is answered.
	NoSave bool
}

// QuizResult is how a quiz run by RunQuiz ended.
type QuizResult struct {
	// Session is the quiz as the learner left it: its score and records.
	Session *quiz.Session
	// SaveErr is why a result could not be saved to the history, or nil.
	SaveErr error
	// Open is the ID of the lesson the learner asked, on the summary, to
	// open (see RunLesson), or "" for none.
	Open string
}

// RunQuiz runs the quiz o describes full screen, in the alternate screen
// under the window title "nnmath quiz", and returns when the learner
// leaves it or asks to open a lesson. Quitting while an answer is still
// being saved waits until it is written. The error is the program's own:
// the terminal could not be used.
func RunQuiz(o QuizOptions) (QuizResult, error) {
	p := newQuizProgram(o)
	if isDark, ok := DarkFromColorFGBG(os.Getenv("COLORFGBG")); ok { // as the tutor and print read it
		p.quiz.SetStyles(isDark)
	}
	final, err := tea.NewProgram(p).Run()
	if err != nil {
		return QuizResult{Session: o.Session}, err
	}
	p = final.(quizProgram)
	return QuizResult{Session: p.quiz.Session(), SaveErr: p.quiz.SaveErr(), Open: p.open}, nil
}

// quizProgram is the Bubble Tea model of RunQuiz: the quiz screen, full
// size, in the alternate screen.
type quizProgram struct {
	quiz QuizModel
	open string   // the lesson the learner asked to open
	wait quitWait // the learner left; quit once the last answer is saved
}

var _ tea.Model = quizProgram{}

// newQuizProgram returns the program's model for o, styled for a dark
// background until the terminal tells its colour.
func newQuizProgram(o QuizOptions) quizProgram {
	q := NewQuiz(o.Session, true)
	if !o.NoSave {
		q = q.WithDefaultHistory() // each answer is saved as soon as it is given
	}
	return quizProgram{quiz: q}
}

// Init starts the answer field's cursor.
func (p quizProgram) Init() tea.Cmd { return p.quiz.Init() }

// Update routes messages to the quiz and quits when it is left, once
// every answer given is saved.
func (p quizProgram) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.quiz.SetSize(msg.Width, msg.Height)
		return p, nil
	case tea.BackgroundColorMsg:
		p.quiz.SetStyles(msg.IsDark())
		return p, nil
	case QuizExitMsg:
		return p.quit()
	case OpenLessonMsg:
		p.open = msg.ID
		return p.quit()
	case QuizDoneMsg:
		return p, nil // each record was saved as its question was answered
	}
	var cmd tea.Cmd
	p.quiz, cmd = p.quiz.Update(msg)
	if quit := p.wait.Saved(p.quiz.Saving()); quit != nil {
		return p, quit
	}
	return p, cmd
}

// quit ends the program, or marks it to end once the answers being saved
// are written.
func (p quizProgram) quit() (tea.Model, tea.Cmd) {
	cmd := p.wait.Quit(p.quiz.Saving())
	return p, cmd
}

// View shows the quiz in the alternate screen.
func (p quizProgram) View() tea.View {
	v := tea.NewView(p.quiz.View())
	v.AltScreen = true
	v.WindowTitle = "nnmath quiz"
	return v
}
