package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os/signal"
	"syscall"
	"time"

	"nnmath/server"
)

const serveSynopsis = "serve [--listen 127.0.0.1:2222] [--dir DIR] [--max-sessions 50] [--idle 15m] [--open] [--assignment FILE]"

// runServe runs nnmath serve: the tutor over SSH until SIGINT or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveSynopsis, stderr)
	listen := fs.String("listen", "127.0.0.1:2222", "TCP `address` to listen on (0.0.0.0:2222 for every interface)")
	dir := fs.String("dir", "class", "class `DIR`: the host key and every student's history")
	maxSessions := fs.Int("max-sessions", 50, "most tutors running at once, `N`; the next student is told the class is full")
	idle := fs.Duration("idle", 15*time.Minute, "end a student's session after this `duration` without a key (0: never)")
	open := fs.Bool("open", false, "let students without an SSH key in, asking their name")
	assignment := fs.String("assignment", "", "assignment `FILE` (JSON): the network and quiz every student gets")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "nnmath serve: "+format+"\n", a...)
		return exitUsage
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q\nUsage: nnmath %s", fs.Arg(0), serveSynopsis)
	}
	switch {
	case *dir == "":
		return fail("--dir is empty: give the class directory")
	case *maxSessions < 1:
		return fail("--max-sessions must be at least 1, got %d", *maxSessions)
	case *idle < 0:
		return fail("--idle must not be negative, got %s", *idle)
	case *idle > 0 && *idle < time.Second:
		return fail("--idle %s is too short to type anything: give at least 1s, or 0 for never", *idle)
	}
	cfg := server.Config{Listen: *listen, Dir: *dir, MaxSessions: *maxSessions, Idle: *idle, Open: *open,
		Log: slog.New(slog.NewTextHandler(stderr, nil))}
	if *assignment != "" {
		a, err := server.LoadAssignment(*assignment)
		if err != nil {
			return fail("--assignment: %v", err)
		}
		cfg.Assignment = a
	}
	srv, err := server.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath serve: %v\n", err)
		return exitFail
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fail("--listen: %v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// ctrl+c also stops a program the log is piped to (nnmath serve | tee
	// log): writing the log then fails instead of killing the server before
	// it has ended every session.
	signal.Ignore(syscall.SIGPIPE)
	port := ln.Addr().(*net.TCPAddr).Port
	fmt.Fprintf(stdout, "nnmath serve: listening on %s, class directory %s\n", ln.Addr(), *dir)
	fmt.Fprintf(stdout, "Students connect with:  ssh -t -p %d HOST\n", port)
	fmt.Fprintf(stdout, "Host key fingerprint (students may check it on first connect): %s\n", srv.HostKeyFingerprint())
	fmt.Fprintln(stdout, "Press ctrl+c to end every session and stop.")
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "nnmath serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "\nnnmath serve: every session ended; stopped.")
	return exitOK
}
