package tui

import (
	"errors"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nnmath/digits"
	"nnmath/lessons"
	"nnmath/mnist"
)

// This file holds the work of the digits lessons that runs off the Update
// loop: reading the data set, and training in chunks that report their
// progress by messages, so that the tutor answers keys while it trains.

// trainChunk is the number of training images between two reports of
// progress: a few hundredths of a second of work.
const trainChunk = 3000

// bodyTop is the screen row of the lesson body's first line: under the
// header's title and rule.
const bodyTop = 2

// digitsLoadedMsg brings the data set, or why it could not be read.
type digitsLoadedMsg struct {
	data *mnist.Data
	err  error
}

// digitsProgressMsg brings a report of a training run's progress.
type digitsProgressMsg struct{ p lessons.Progress }

// digitsWork is the lesson screen's part in the digits lessons: the data
// being read, and a trainer per question, each touched only by the
// command in flight for it while one is.
type digitsWork struct {
	loading  bool
	trainers [2]*digits.Trainer
	inFlight [2]bool
	gate     TrainingGate // nil: train whenever asked
}

// TrainingGate lets a few tutors of one program train on the digits at a
// time: each chunk of training holds a place in it while it runs, and
// waits for one when all are taken. A server gives one gate to all its
// students, so that however many train, the chunks take turns and the
// other students' keys still find a core.
type TrainingGate chan struct{}

// NewTrainingGate returns a gate of places chunks of training at once.
func NewTrainingGate(places int) TrainingGate { return make(TrainingGate, max(1, places)) }

// isDigitsLesson reports whether id is one of the digits lessons.
func isDigitsLesson(id string) bool {
	return id == lessons.IDDigitsIntro || id == lessons.IDDigitsTraining || id == lessons.IDDigitsAsk
}

// loadDigits returns the command that reads the data set when a digits
// lesson is shown and it has not been read yet.
func (v *lessonView) loadDigits() tea.Cmd {
	s := v.session
	if v.work.loading || s.MNIST.Data != nil || s.MNIST.LoadErr != nil || !isDigitsLesson(v.Current().ID) {
		return nil
	}
	v.work.loading = true
	return func() tea.Msg {
		d, err := mnist.Load()
		return digitsLoadedMsg{data: d, err: err}
	}
}

// trainWorkers is the number of workers the tutor trains with: every core
// but one, which stays with the screen so that keys answer at once while it
// trains. The numbers are the same on any number of workers.
func trainWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// question returns the index of a question: 0 for one output, 1 for ten.
func question(ten bool) int {
	if ten {
		return 1
	}
	return 0
}

// toggleTraining starts a run for the question asked, or pauses or
// resumes it.
func (v *lessonView) toggleTraining() tea.Cmd {
	s := v.session
	d := s.MNIST.Data
	if d == nil {
		return nil
	}
	ten := s.MNIST.Ten
	q := question(ten)
	r := s.MNIST.Run()
	switch {
	case r.Running:
		s.PauseDigitsRun(false)
		return nil
	case r.Started && !r.Finished:
		s.PauseDigitsRun(true)
	default:
		if v.work.inFlight[q] {
			return nil // the last chunk of a run that just finished is still out
		}
		cfg := digits.DefaultConfig(s.MNIST.Outputs())
		cfg.Workers = trainWorkers()
		tr, err := digits.NewTrainer(&d.Train, cfg)
		if err != nil {
			return func() tea.Msg { return statusMsg{text: err.Error(), isErr: true} }
		}
		v.work.trainers[q] = tr
		s.StartDigitsRun(cfg)
		_, total := tr.Progress()
		s.MNIST.Run().Total = total
	}
	return v.nextChunk(ten)
}

// nextChunk returns the command that trains the next chunk of the run of
// question ten, unless one is out already.
func (v *lessonView) nextChunk(ten bool) tea.Cmd {
	q := question(ten)
	tr := v.work.trainers[q]
	if tr == nil || v.work.inFlight[q] {
		return nil
	}
	v.work.inFlight[q] = true
	test := &v.session.MNIST.Data.Test
	gate := v.work.gate
	return func() tea.Msg {
		if gate != nil {
			gate <- struct{}{}
			defer func() { <-gate }()
		}
		p := lessons.Progress{Ten: ten}
		if tr.Train(trainChunk) {
			p.Loss = tr.FinishEpoch()
			p.Report = digits.Evaluate(tr.Net(), test, trainWorkers())
			p.Overflown = tr.Overflowed()
		} else {
			p.Loss = tr.AverageLoss()
		}
		p.Epoch = tr.Epoch()
		p.Done, p.Total = tr.Progress()
		p.Net = tr.Net().Clone()
		p.Finished = tr.Done()
		return digitsProgressMsg{p: p}
	}
}

// progress records a report of progress and asks for the next chunk while
// the run goes on.
func (v *lessonView) progress(p lessons.Progress) tea.Cmd {
	q := question(p.Ten)
	v.work.inFlight[q] = false
	s := v.session
	s.Progress(p)
	if isDigitsLesson(v.Current().ID) {
		v.refresh()
	}
	var cmd tea.Cmd
	if p.Overflown {
		cmd = func() tea.Msg {
			return statusMsg{text: "the weights grew too large to compute: training stopped", isErr: true}
		}
	}
	if s.MNIST.Runs[q].Running {
		return tea.Batch(cmd, v.nextChunk(p.Ten))
	}
	return cmd
}

// paint draws on the canvas (erases, with the right button) at the screen
// cell of a mouse click or drag, when it falls on the canvas.
func (v *lessonView) paint(m tea.Mouse) bool {
	if v.Current().ID != lessons.IDDigitsAsk || (m.Button != tea.MouseLeft && m.Button != tea.MouseRight) {
		return false
	}
	line := m.Y - bodyTop + v.viewport.YOffset()
	for i, l := range v.body.lines {
		plain := ansi.Strip(l)
		at := strings.Index(plain, lessons.CanvasTop)
		if at < 0 {
			continue
		}
		col := textWidth(plain[:at])
		x, y := m.X-col-1, line-i-1
		if x < 0 || y < 0 || x >= mnist.Side || y >= lessons.CanvasRows {
			return false
		}
		v.session.PaintAt(x, y, m.Button == tea.MouseRight)
		v.refresh()
		return true
	}
	return false
}

// digitsSavePath is where ctrl+s suggests saving the network trained for a question.
func digitsSavePath(ten bool) string {
	if ten {
		return "nnmath-digits-which.json"
	}
	return "nnmath-digits-four.json"
}

// saveDigits writes the network trained for the question asked to path,
// as a network file whose sample is the first test image of a 4.
func saveDigits(path string, s *lessons.Session) error {
	r := s.MNIST.Run()
	if r.Net == nil || s.MNIST.Data == nil {
		return errors.New("no network has been trained yet")
	}
	test := &s.MNIST.Data.Test
	k := 0
	for k < test.Len()-1 && test.Labels[k] != digits.Four {
		k++
	}
	x := make([]float64, digits.Inputs)
	digits.Darkness(x, test.Image(k))
	return saveNetwork(path, r.Net.Network(x, int(test.Labels[k]), r.Config.LearningRate))
}
