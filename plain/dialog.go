package plain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Dialog is a conversation in lines: Start returns what is written first,
// and Line what answers one line of the learner's, with done true once
// the learner has left.
type Dialog interface {
	Start() string
	Line(text string) (out string, done bool)
}

// Why Run returned.
const (
	EndQuit  = "quit"  // the learner quit
	EndInput = "input" // the input ended (end of a pipe, a closed connection)
	EndIdle  = "idle"  // no line for the idle limit
	EndStop  = "stop"  // the context was done
)

// MaxLine is the longest line Run reads; a longer one is refused, not
// read into memory.
const MaxLine = 4096

// RunOptions say how Run talks.
type RunOptions struct {
	// Prompt is written before each line is read ("> " for a person at a
	// keyboard); empty for a script.
	Prompt string
	// Idle ends the dialog after this long without a line; 0 never.
	Idle time.Duration
	// Width, when not 0, breaks a longer line at spaces (a terminal's
	// width); 0 leaves each paragraph on one line, as a screen reader or a
	// script reads it best.
	Width int
}

// fit breaks each line of text longer than width at spaces.
func fit(text string, width int) string {
	if width <= 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if len([]rune(l)) > width && strings.Contains(strings.TrimSpace(l), " ") {
			lines[i] = Wrap(l, width)
		}
	}
	return strings.Join(lines, "\n")
}

// Run writes d's start to w, then answers each line read from r, until
// the learner quits (EndQuit), r ends (EndInput), no line comes for
// o.Idle (EndIdle) or ctx is done (EndStop). The error is a failure to
// write or to read other than the end of the input.
func Run(ctx context.Context, r io.Reader, w io.Writer, d Dialog, o RunOptions) (string, error) {
	lines := make(chan string)
	readErr := make(chan error, 1)
	done := make(chan struct{})
	defer close(done)
	go readLines(r, lines, readErr, done)
	if _, err := io.WriteString(w, fit(d.Start(), o.Width)+o.Prompt); err != nil {
		return EndInput, err
	}
	var idle <-chan time.Time
	var timer *time.Timer
	if o.Idle > 0 {
		timer = time.NewTimer(o.Idle)
		defer timer.Stop()
		idle = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return EndStop, nil
		case <-idle:
			return EndIdle, nil
		case err := <-readErr:
			if err == nil || errors.Is(err, io.EOF) {
				return EndInput, nil
			}
			return EndInput, err
		case line := <-lines:
			if timer != nil {
				timer.Reset(o.Idle)
			}
			if line == tooLong {
				if _, err := io.WriteString(w, fmt.Sprintf("That line is too long: at most %d characters.\n", MaxLine)+o.Prompt); err != nil {
					return EndInput, err
				}
				continue
			}
			out, quit := d.Line(line)
			out = fit(out, o.Width)
			if !quit {
				out += o.Prompt
			}
			if _, err := io.WriteString(w, out); err != nil {
				return EndInput, err
			}
			if quit {
				return EndQuit, nil
			}
		}
	}
}

// readLines sends each line of r (without its end, "\r\n" or "\n") on
// lines until r ends or done is closed, then sends why it stopped on errc.
// A line longer than MaxLine is replaced by a note that it was too long.
func readLines(r io.Reader, lines chan<- string, errc chan<- error, done <-chan struct{}) {
	br := bufio.NewReaderSize(r, MaxLine)
	for {
		line, err := readLine(br)
		if err != nil && line == "" {
			errc <- err
			return
		}
		select {
		case lines <- line:
		case <-done:
			return
		}
		if err != nil {
			errc <- err
			return
		}
	}
}

// tooLong stands for a line longer than MaxLine, which no command is.
const tooLong = "\x00too long"

// readLine reads one line, dropping the rest of a line past MaxLine.
func readLine(br *bufio.Reader) (string, error) {
	b, isPrefix, err := br.ReadLine()
	if err != nil {
		return "", err
	}
	if !isPrefix {
		return strings.TrimRight(string(b), "\r"), nil
	}
	for isPrefix && err == nil {
		_, isPrefix, err = br.ReadLine()
	}
	return tooLong, nil
}
