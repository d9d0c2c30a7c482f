package main

import (
	"fmt"
	"io"
)

const completionSynopsis = "completion bash|zsh|fish"

// runCompletion prints the completion script of a shell.
func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("completion", completionSynopsis, stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: nnmath %s\n\n%s", completionSynopsis, completionInstall)
	}
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "nnmath completion: name the shell: bash, zsh or fish\nUsage: nnmath %s\n", completionSynopsis)
		return exitUsage
	}
	script, ok := completionScripts[fs.Arg(0)]
	if !ok {
		fmt.Fprintf(stderr, "nnmath completion: no completion for %q: choose bash, zsh or fish\n", fs.Arg(0))
		return exitUsage
	}
	io.WriteString(stdout, script)
	return exitOK
}

// completionInstall says how to install a completion script.
const completionInstall = `Completes commands, flags, lesson names, quantity names (check dJ/d<TAB>, for the
network --net or --example names on the line) and the values a flag takes.

  bash   add to ~/.bashrc:   source <(nnmath completion bash)
  zsh    add to ~/.zshrc:    source <(nnmath completion zsh)   (after compinit)
  fish   run once:           nnmath completion fish > ~/.config/fish/completions/nnmath.fish
`

// completionScripts are the scripts: each asks "nnmath __complete" for
// the candidates, so that they follow the commands and flags of the
// nnmath that runs them.
var completionScripts = map[string]string{
	"bash": `# bash completion for nnmath: source <(nnmath completion bash)
_nnmath() {
    local cur="${COMP_WORDS[COMP_CWORD]}" out
    out=$(nnmath __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    local IFS=$'\n'
    case "$out" in
    __files__) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    __dirs__) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "$out" -- "$cur")) ;;
    esac
}
complete -F _nnmath nnmath
`,
	"zsh": `#compdef nnmath
# zsh completion for nnmath: source <(nnmath completion zsh), after compinit
_nnmath() {
    local -a out
    out=("${(@f)$(nnmath __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    case "${out[1]}" in
    __files__) _files ;;
    __dirs__) _files -/ ;;
    *) compadd -Q -- "${out[@]}" ;;
    esac
}
compdef _nnmath nnmath
`,
	"fish": `# fish completion for nnmath: nnmath completion fish > ~/.config/fish/completions/nnmath.fish
function __nnmath_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l out (nnmath __complete $words[2..-1] 2>/dev/null)
    switch "$out[1]"
        case __files__
            __fish_complete_path (commandline -ct)
        case __dirs__
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\n' $out
    end
end
complete -c nnmath -f -a '(__nnmath_complete)'
`,
}
