package server

import (
	"context"
	"time"

	"charm.land/ssh"

	"nnmath/classroom"
	"nnmath/mathcore"
	"nnmath/plain"
	"nnmath/quiz"
)

// plainQuizQuestions is the length of a plain session's quiz without an
// assignment, as long as the full-screen tutor's.
const plainQuizQuestions = 10

// runPlain runs the plain tutor (package plain) of student st, for a
// session without a terminal (ssh -T, a script), until it ends, and
// returns why: line by line, on the assignment's network and quiz when
// there is one, the quiz's answers kept in the student's history.
func (s *Server) runPlain(sess ssh.Session, l *liveSession, st classroom.Student) string {
	net, a := mathcore.Paper(), s.cfg.Assignment
	if a != nil {
		net = a.Network // the tutor works on its own copy
	}
	history := s.dir.HistoryPath(st.ID())
	o := plain.TutorOptions{
		Status: status(st, a),
		Save:   func(r quiz.Record) error { return quiz.AppendHistory(history, []quiz.Record{r}) },
		Quiz: func() (*quiz.Session, error) {
			if a != nil {
				qs, seed, err := a.Questions()
				if err != nil {
					return nil, err
				}
				return quiz.NewSession(qs, seed, nil), nil
			}
			seed := uint64(time.Now().UnixNano())
			qs, err := quiz.Generate(seed, nil, nil, plainQuizQuestions)
			if err != nil {
				return nil, err
			}
			return quiz.NewSession(qs, seed, nil), nil
		},
	}
	if a != nil {
		o.Status += " Type quiz for the assignment's quiz."
	}
	ctx, cancel := context.WithCancelCause(sess.Context())
	defer cancel(nil)
	if !s.registerPlain(l, func(reason string) { cancel(endCause{reason}) }) {
		return reasonShutdown
	}
	end, err := plain.Run(ctx, sess, sess, plain.NewTutor(net, o), plain.RunOptions{Prompt: "> ", Idle: s.cfg.Idle})
	switch {
	case end == plain.EndIdle:
		return reasonIdle
	case end == plain.EndStop:
		if c, ok := context.Cause(ctx).(endCause); ok {
			return c.reason
		}
		return reasonLost
	case err != nil || sess.Context().Err() != nil:
		return reasonLost
	}
	return reasonQuit // quit, or the end of the student's input
}

// endCause is why the server ended a plain session.
type endCause struct{ reason string }

func (e endCause) Error() string { return "ended: " + e.reason }

// registerPlain records how to end l's plain tutor, so that a shutdown
// ends it; it reports false when the server is already shutting down.
func (s *Server) registerPlain(l *liveSession, stop func(reason string)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	l.stop = stop
	return !s.closing
}
