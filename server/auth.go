package server

import (
	"net"
	"strings"
	"unicode"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"nnmath/classroom"
)

// contextKey keys the values the server keeps in a connection's context.
type contextKey string

// openNameKey holds the name a student without a key typed.
const openNameKey contextKey = "nnmath-open-name"

// maxName is the longest display name kept, in characters.
const maxName = 40

// keyboardInteractive lets a student without a key in on an open server,
// asking their name; otherwise it tells them to make a key and refuses.
func (s *Server) keyboardInteractive(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	if !s.cfg.Open {
		if ctx.Value(openNameKey) != nil {
			return false // told once: ssh asks again, up to three times
		}
		ctx.SetValue(openNameKey, "")
		_, _ = ask("", "This class identifies students by their SSH key, and you offered none.\n"+
			"Make one with: ssh-keygen -t ed25519   then connect again.", nil, nil)
		s.refuse(ctx.RemoteAddr(), "", ctx.User(), "no key")
		return false
	}
	for range 3 {
		answers, err := ask("", "Connecting without a key: your answers are kept under the name you give.",
			[]string{"Your name: "}, []bool{true})
		if err != nil || len(answers) != 1 {
			return false
		}
		if name := cleanName(answers[0]); name != "" {
			ctx.SetValue(openNameKey, name)
			return true
		}
	}
	s.refuse(ctx.RemoteAddr(), "", ctx.User(), "no name given")
	return false
}

// identity returns who the student of sess is: their key's fingerprint
// and user name, or, let in without a key, the name they typed.
func identity(sess ssh.Session) classroom.Student {
	if k := sess.PublicKey(); k != nil {
		name := cleanName(sess.User())
		if name == "" {
			name = "student"
		}
		return classroom.Student{Fingerprint: gossh.FingerprintSHA256(k), Name: name}
	}
	name, _ := sess.Context().Value(openNameKey).(string)
	return classroom.Student{Name: name}
}

// cleanName returns name without control or invisible characters and
// surrounding space, cut to maxName characters.
func cleanName(name string) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.TrimSpace(name) {
		if !unicode.IsPrint(r) || n == maxName {
			continue
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// onlyTheTutor makes the server refuse everything but a session for the
// tutor: every other channel (port forwarding, X11, agent), the global
// requests that forward ports, and subsystems such as sftp.
func (s *Server) onlyTheTutor() {
	s.ssh.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": ssh.DefaultSessionHandler,
		"default": func(_ *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, _ ssh.Context) {
			s.refuse(conn.RemoteAddr(), "", conn.User(), "channel "+ch.ChannelType())
			_ = ch.Reject(gossh.Prohibited, "nnmath serves only the tutor: no forwarding")
		},
	}
	s.ssh.RequestHandlers = map[string]ssh.RequestHandler{
		"default": func(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
			if strings.Contains(req.Type, "forward") {
				s.refuse(ctx.RemoteAddr(), "", ctx.User(), "request "+req.Type)
			}
			return false, nil // keepalives are answered "no", which keeps them alive
		},
	}
	s.ssh.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	s.ssh.SessionRequestCallback = func(sess ssh.Session, kind string) bool {
		if kind == "subsystem" {
			st := identity(sess)
			s.refuse(sess.RemoteAddr(), st.Fingerprint, st.Name, "subsystem "+sess.Subsystem())
			return false
		}
		return true
	}
	s.ssh.ConnectionFailedCallback = func(conn net.Conn, err error) {
		s.cfg.Log.Debug("handshake failed", "remote", conn.RemoteAddr().String(), "err", err.Error())
	}
}

// refuse logs a refusal.
func (s *Server) refuse(remote net.Addr, fingerprint, name, reason string) {
	addr := ""
	if remote != nil {
		addr = remote.String()
	}
	s.cfg.Log.Info("refuse", "fingerprint", fingerprint, "name", name, "remote", addr, "reason", reason)
}
