package lessons

// Lesson is one screen of the tutor.
type Lesson struct {
	ID      string // short name for `nnmath print` and the menu filter, such as "sigmoid"
	Title   string // title in the header, such as "Sigmoid"
	Summary string // one line for the lesson menu
	// Actions are what the learner can do on the lesson besides reading
	// its steps, each bound to a key by the tui; none for most lessons.
	Actions []Action
	// Build returns the lesson's page for the session's current state, laid
	// out for a body of the given width (in terminal columns).
	Build func(s *Session, width int) Page
}

// Page is what a lesson shows for one state of the session.
type Page struct {
	Intro []Block  // shown at once, before any step
	Steps []Step   // revealed one at a time
	Aside []string // a figure shown beside the steps on wide terminals, above them otherwise
	// Sweep, when not nil, is a figure that changes as steps are revealed:
	// Sweep[k] is what it shows with k steps revealed (so it has one more
	// entry than Steps), and Aside is its fullest state. A wide terminal
	// shows Sweep[k] beside the newest step; a narrow one shows it inside
	// the newest step, so that it stays in view with its formula. A nil
	// Sweep[k] puts no figure in step k (a wide terminal shows Aside).
	Sweep [][]string
	// Skip, when not empty, says why the lesson does not apply to this
	// network (such as the die lesson for a network without 4 inputs); the
	// page then shows only Skip.
	Skip string
}

// Step is one unit revealed by the learner: some explanation, a formula in
// symbols, the same formula with the numbers substituted, the result, and a
// note where the paper printed a different value.
type Step struct {
	Title   string   // short heading, such as "net_h1"
	Text    []string // paragraphs before the formula
	Formula string   // in symbols: "net_h1 = w1·i1 + w3·i2 + w5·i3 + w7·i4"
	Numbers string   // substituted: "0.4·0.5 + 0.1·0.56 + 0.4·0.3 + 0.2·0"
	Result  string   // "0.376"
	Figure  []string // optional preformatted lines (a plot, a table) after the formula
	After   []string // paragraphs after the formula and figure
	Note    string   // where the paper differs, worded to follow the label "Paper: " (such as "printed ..., because ...")
}

// BlockKind says how a Block is laid out.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota // prose, wrapped to the width
	Figure                     // preformatted lines, never wrapped
	Heading                    // a short title line
	Bar                        // a progress bar filled to Fraction, followed by Lines as a figure
)

// Block is a piece of a lesson's introduction.
type Block struct {
	Kind     BlockKind
	Lines    []string
	Fraction float64 // how full a Bar is, from 0 to 1
}

// ProgressBar returns a bar filled to fraction (0 to 1), then the figure lines.
func ProgressBar(fraction float64, lines []string) Block {
	return Block{Kind: Bar, Lines: lines, Fraction: fraction}
}

// Text returns a paragraph block of the given text.
func Text(s string) Block { return Block{Kind: Paragraph, Lines: []string{s}} }

// Fig returns a figure block of the given lines.
func Fig(lines []string) Block { return Block{Kind: Figure, Lines: lines} }

// Head returns a heading block.
func Head(s string) Block { return Block{Kind: Heading, Lines: []string{s}} }
