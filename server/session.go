package server

import (
	"fmt"
	"net"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"

	"nnmath/classroom"
	"nnmath/mathcore"
	"nnmath/quiz"
	"nnmath/tui"
)

// Why a session ended, as the log and sessions.jsonl say it.
const (
	reasonQuit     = "quit"     // the student quit the tutor
	reasonIdle     = "idle"     // no key for the idle limit
	reasonShutdown = "shutdown" // the server was stopped
	reasonLost     = "lost"     // the connection closed under the tutor
)

// liveSession is a tutor being served; program is nil until it starts
// (set and read under the server's lock).
type liveSession struct {
	program *tea.Program
	stop    func(reason string) // a plain tutor's end (no terminal), instead of a program
}

// started reports whether the tutor runs, so that end reaches it.
func (l *liveSession) started() bool { return l.program != nil || l.stop != nil }

// end asks the tutor to end, saying why.
func (l *liveSession) end(reason string) {
	if l.stop != nil {
		l.stop(reason)
		return
	}
	go l.program.Send(endMsg{reason: reason}) // Send returns once the program takes it or has ended
}

// handle serves one SSH session: the tutor, or a refusal with its message.
func (s *Server) handle(sess ssh.Session) {
	st := identity(sess)
	if sess.RawCommand() != "" {
		s.refuse(sess.RemoteAddr(), st.Fingerprint, st.Name, "command")
		wish.Errorf(sess, "nnmath serves only the tutor, not commands: connect with  %s  and no command.\r\n", hint(sess))
		_ = sess.Exit(1)
		return
	}
	pty, winch, hasPty := sess.Pty() // without one (ssh -T), the plain tutor, line by line
	l, why := s.admit()
	if l == nil {
		s.refuse(sess.RemoteAddr(), st.Fingerprint, st.Name, why)
		wish.Errorf(sess, "nnmath: %s.\n", why)
		_ = sess.Exit(1)
		return
	}
	defer s.sessions.Done() // once the session is logged: a shutdown waits for it
	released := false       // the place is given back as soon as the tutor has ended
	defer func() {
		if !released {
			s.release(l)
		}
	}()
	start := time.Now()
	before, _ := s.dir.Seen(st)
	st, err := s.dir.Enroll(st, start)
	if err != nil {
		s.cfg.Log.Error("enroll", "fingerprint", st.Fingerprint, "name", st.Name, "err", err.Error())
		wish.Errorf(sess, "nnmath: the server cannot keep your answers (%v); tell your teacher.\n", err)
		_ = sess.Exit(1)
		return
	}
	s.cfg.Log.Info("connect", "fingerprint", st.Fingerprint, "name", st.Name, "remote", addr(sess.RemoteAddr()),
		"term", pty.Term, "width", pty.Window.Width, "height", pty.Window.Height, "sessions", s.count())
	wish.Printf(sess, "%s\n", s.welcome(st, before, s.progress(st)))

	var reason string
	if hasPty {
		reason = s.run(sess, l, st, winch)
	} else {
		reason = s.runPlain(sess, l, st)
	}
	s.release(l)
	released = true

	secs := time.Since(start).Seconds()
	if reason != reasonLost {
		wish.Printf(sess, "%s\n", goodbye(st, reason, s.cfg.Idle))
	}
	s.cfg.Log.Info("disconnect", "fingerprint", st.Fingerprint, "name", st.Name, "remote", addr(sess.RemoteAddr()),
		"reason", reason, "seconds", fmt.Sprintf("%.0f", secs))
	if err := s.dir.LogSession(st.ID(), classroom.Session{Start: start.UTC(), End: time.Now().UTC(),
		Seconds: secs, Reason: reason, Name: st.Name}); err != nil {
		s.cfg.Log.Error("session log", "fingerprint", st.Fingerprint, "name", st.Name, "err", err.Error())
	}
	_ = sess.Exit(0)
}

// run runs the tutor of student st until it ends, and returns why.
func (s *Server) run(sess ssh.Session, l *liveSession, st classroom.Student, winch <-chan ssh.Window) string {
	net, a := mathcore.Paper(), s.cfg.Assignment
	if a != nil {
		net = a.Network // tui.New works on its own copy
	}
	m := tui.New(net).WithoutFiles().WithHistory(s.dir.HistoryPath(st.ID())).WithStatus(status(st, a)).
		WithTrainingGate(s.training)
	if a != nil {
		m = m.WithQuiz(a.Questions)
	}
	pty, _, _ := sess.Pty()
	var alarm *time.Timer // set before the program runs, so before rearm is called
	rearm := func(d time.Duration) { alarm.Reset(d) }
	program := tea.NewProgram(newSessionModel(m, s.cfg.Idle, rearm), programOptions(sess, pty)...)
	alarm = time.AfterFunc(s.cfg.Idle, func() { program.Send(idleCheckMsg{}) })
	if s.cfg.Idle == 0 {
		alarm.Stop()
	}
	defer alarm.Stop()
	if !s.register(l, program) {
		return reasonShutdown
	}
	ctx := sess.Context()
	stop := make(chan struct{})
	defer close(stop)
	go func() { // the window follows the student's terminal; a lost connection ends the tutor
		for {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				program.Quit()
				return
			case w, ok := <-winch:
				if !ok {
					winch = nil
					continue
				}
				program.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	forwardInput(ctx, sess, pty.Term, program)
	askBackground(sess)
	final, err := program.Run()
	program.Kill() // restores the terminal if the tutor did not end by itself
	if ctx.Err() != nil {
		return reasonLost
	}
	if err != nil {
		s.cfg.Log.Error("tutor", "fingerprint", st.Fingerprint, "name", st.Name, "err", err.Error())
		return reasonLost
	}
	if sm, ok := final.(sessionModel); ok && sm.reason != "" {
		return sm.reason
	}
	return reasonQuit
}

// admit makes room for one more tutor, or says why there is none.
func (s *Server) admit() (*liveSession, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return nil, "the server is shutting down; try again later"
	case len(s.live) >= s.cfg.MaxSessions:
		who := fmt.Sprintf("%d students are", len(s.live))
		if len(s.live) == 1 {
			who = "1 student is"
		}
		return nil, "the class is full (" + who + " connected); try again in a few minutes"
	}
	l := &liveSession{}
	s.live[l] = struct{}{}
	s.sessions.Add(1)
	return l, ""
}

// register records l's program, so that a shutdown ends it; it reports
// false when the server is already shutting down.
func (s *Server) register(l *liveSession, p *tea.Program) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	l.program = p
	return !s.closing
}

// release frees l's place.
func (s *Server) release(l *liveSession) {
	s.mu.Lock()
	delete(s.live, l)
	s.mu.Unlock()
}

// welcome is the line a student reads on connecting: whom the server
// knows them as and, when they have been here before, their progress.
func (s *Server) welcome(st classroom.Student, before bool, progress string) string {
	hello := "Welcome, " + st.Name + "."
	if before {
		hello = "Welcome back, " + st.Name + "."
	}
	if st.Fingerprint == "" {
		hello += " Your answers are kept under this name."
	} else {
		hello += " Your key is " + st.Fingerprint + "; your answers are kept under it."
	}
	if progress != "" {
		hello += " " + progress
	}
	return hello
}

// progress sums up the quiz answers st has given so far, or "" for none.
func (s *Server) progress(st classroom.Student) string {
	records, _, err := quiz.ReadHistory(s.dir.HistoryPath(st.ID()))
	if err != nil || len(records) == 0 {
		return ""
	}
	sum := quiz.Summarize(records)
	return fmt.Sprintf("So far: %d question%s answered, %d correct.", sum.Answered, plural(sum.Answered), sum.Correct)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// status is the tutor's first status line for st.
func status(st classroom.Student, a *Assignment) string {
	who := st.Name
	if st.Fingerprint != "" {
		who += " (key " + st.Fingerprint + ")"
	}
	if a != nil && a.Title != "" {
		return "Signed in as " + who + ". Assignment: " + a.Title + ". The quiz is in the lesson menu."
	}
	return "Signed in as " + who + "."
}

// goodbye is the line a student reads after the tutor ended.
func goodbye(st classroom.Student, reason string, idle time.Duration) string {
	switch reason {
	case reasonIdle:
		return fmt.Sprintf("nnmath: you pressed no key for %s, so your session was ended. Your answers are kept: connect again to go on.", idle)
	case reasonShutdown:
		return "nnmath: the teacher stopped the server, so your session was ended. Your answers are kept: connect again later to go on."
	}
	return fmt.Sprintf("Goodbye, %s. Your answers are kept: connect again to go on.", st.Name)
}

// hint returns the command a student should connect with.
func hint(sess ssh.Session) string {
	port := "2222"
	if a, ok := sess.LocalAddr().(*net.TCPAddr); ok {
		port = fmt.Sprint(a.Port)
	}
	return "ssh -t -p " + port + " HOST"
}

// addr returns a's text, or "" for none.
func addr(a net.Addr) string {
	if a == nil {
		return ""
	}
	return a.String()
}
