package plain

// Help is the reference of plain mode: when it is chosen and the
// commands of its tutor and quiz.
func Help() string {
	return `Plain mode writes the tutor and the quiz as plain text, a line at a time, for a screen reader
(Orca, NVDA, VoiceOver), a pipe or a script: no full screen, no cursor movement, no colour. Each
step is written once. It is chosen by --plain (nnmath --plain, nnmath quiz --plain), and by itself
when standard input or output is not a terminal or TERM=dumb; nnmath serve gives it to a student
who connects without a terminal (ssh -T).

The tutor reads one command a line:
` + tutorCommands + `
On a lesson with something to do (shade a pixel, apply an update, ...) the lesson names its
commands, such as apply, undo or pixel; "reset" returns every value to where it started.

The quiz asks each step of a question on its own line and grades the answer as nnmath check
does: the verdict, the slip that explains a wrong answer, the worked chain. Besides an answer:
  hint            the next hint (the formula, then each value in it)
  quit            stop; the score follows
A script can take a quiz:  printf '0.5734\n0.6395\n' | nnmath quiz --plain --example paper --seed 3
`
}

// tutorCommands lists the tutor's commands, for help in the tutor and in Help.
const tutorCommands = `  enter or next   the next step (after the last, the next lesson)
  back            the step before
  again           this step once more
  menu            the list of lessons
  a number        open that lesson, such as 5 (or its name, such as sigmoid)
  values          the network: its inputs, weights, targets and learning rate
  set NAME VALUE  change one of them, such as: set w1 0.5
  quiz            take a quiz
  help            these commands
  quit            leave
`
