package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"nnmath/classroom"
	"nnmath/tui"
)

// Config says how a class is served.
type Config struct {
	// Listen is the TCP address to listen on, such as "127.0.0.1:2222".
	Listen string
	// Dir is the class directory: the host key and every student's history.
	Dir string
	// MaxSessions is how many tutors run at once; the next is refused.
	MaxSessions int
	// Idle is how long a student may press no key before the tutor ends
	// their session (0: never).
	Idle time.Duration
	// Open lets a student without an SSH key in, asking their name.
	Open bool
	// Assignment, when set, is the network and quiz every student gets.
	Assignment *Assignment
	// Log receives one structured line per connect, disconnect and refusal.
	Log *slog.Logger
	// Grace is how long shutting down waits for the tutors to end before
	// closing every connection (default 5 s).
	Grace time.Duration
}

// Server is a class being served. Its state is its own: several servers
// can run in one process.
type Server struct {
	cfg     Config
	dir     classroom.Dir
	ssh     *ssh.Server
	hostKey string // the host key's SHA256 fingerprint

	training tui.TrainingGate // one chunk of digits training at a time, for the whole class

	mu       sync.Mutex
	live     map[*liveSession]struct{}
	closing  bool
	sessions sync.WaitGroup
}

// New prepares a server for cfg: it creates the class directory and the
// host key on first use (reusing it after), and checks the limits.
func New(cfg Config) (*Server, error) {
	if cfg.MaxSessions < 1 {
		return nil, fmt.Errorf("the session limit must be at least 1, got %d", cfg.MaxSessions)
	}
	if cfg.Idle < 0 {
		return nil, fmt.Errorf("the idle limit must not be negative, got %s", cfg.Idle)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 5 * time.Second
	}
	dir, err := classroom.Open(cfg.Dir)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, dir: dir, live: map[*liveSession]struct{}{}, training: tui.NewTrainingGate(1)}
	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		wish.WithVersion("nnmath"),
		wish.WithHostKeyPath(dir.HostKeyPath()),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(s.keyboardInteractive),
		// A backstop only: the tutor ends an idle session itself, restoring
		// the terminal, and keepalives defeat a connection's idle timeout.
		wish.WithIdleTimeout(backstop(cfg.Idle)),
	)
	if err != nil {
		return nil, fmt.Errorf("starting the SSH server: %w", err)
	}
	s.ssh.Handle(s.handle)
	s.onlyTheTutor()
	if s.hostKey, err = hostFingerprint(dir.HostKeyPath() + ".pub"); err != nil {
		return nil, err
	}
	return s, nil
}

// backstop returns the connection-level idle timeout for a tutor idle
// limit: well past it, so that the tutor always ends the session first.
func backstop(idle time.Duration) time.Duration {
	if idle == 0 {
		return 0
	}
	return 2*idle + time.Minute
}

// HostKeyFingerprint returns the SHA256 fingerprint of the host key, the
// one a student's ssh asks them to accept on first connect.
func (s *Server) HostKeyFingerprint() string { return s.hostKey }

// hostFingerprint reads the public host key at path.
func hostFingerprint(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading the host key: %w", err)
	}
	k, _, _, _, err := gossh.ParseAuthorizedKey(data)
	if err != nil {
		return "", fmt.Errorf("reading the host key %s: %w", path, err)
	}
	return gossh.FingerprintSHA256(k), nil
}

// Serve serves on ln until ctx is done, then ends every session cleanly
// (each student's terminal restored and told why) and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	served := make(chan error, 1)
	go func() { served <- s.ssh.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	s.cfg.Log.Info("shutdown", "sessions", s.count())
	s.endAll()
	done := make(chan struct{})
	go func() { s.sessions.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(s.cfg.Grace):
		s.cfg.Log.Warn("shutdown", "reason", "sessions still running after the grace period; closing them")
	}
	short, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.ssh.Shutdown(short); err != nil {
		_ = s.ssh.Close() // connections whose clients did not hang up
	}
	if err := <-served; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// count returns the number of tutors running.
func (s *Server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.live)
}

// endAll stops accepting tutors and asks every running one to end.
func (s *Server) endAll() {
	s.mu.Lock()
	s.closing = true
	live := make([]*liveSession, 0, len(s.live))
	for l := range s.live {
		if l.started() {
			live = append(live, l)
		}
	}
	s.mu.Unlock()
	for _, l := range live {
		l.end(reasonShutdown)
	}
}
