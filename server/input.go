package server

import (
	"context"
	"io"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
)

// programOptions returns how a student's tutor talks to their terminal:
// output to the session, in the colours its TERM (and COLORTERM, when the
// client sends it) supports, at the size of its pty, with no signal
// handler (the server's signals are the server's) and no input of its own:
// forwardInput feeds it.
func programOptions(sess ssh.Session, pty ssh.Pty) []tea.ProgramOption {
	env := append(sess.Environ(), "TERM="+pty.Term)
	return []tea.ProgramOption{
		tea.WithInput(nil),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		tea.WithoutSignalHandler(),
	}
}

// forwardInput decodes the student's keys, mouse and terminal replies from
// in and sends them to p until in ends (the session closes).
//
// The program is not given in as its input because Bubble Tea's own input
// reader hands each event to the program's message channel without
// watching for the program's end: bytes that arrive while a tutor quits
// (a key typed as the student leaves, a terminal's late reply) leave that
// goroutine blocked for good, one leak per session. Program.Send gives up
// once the program has ended, so these goroutines always finish.
func forwardInput(ctx context.Context, in io.Reader, term string, p *tea.Program) {
	events := make(chan uv.Event)
	go func() {
		_ = uv.NewTerminalReader(in, term).StreamEvents(ctx, events)
		close(events)
	}()
	go func() {
		for ev := range events {
			p.Send(ev)
		}
	}()
}

// askBackground asks the terminal for its background colour; the reply
// comes back through forwardInput and picks the tutor's light or dark
// styles (with no input of its own, the program does not ask itself).
func askBackground(w io.Writer) { _, _ = io.WriteString(w, "\x1b]11;?\x07") }
