// Package numtext parses the numbers a learner types and formats the numbers
// a learner sees.
//
// Parse is forgiving about notation (a Unicode minus, a decimal comma,
// "2.5×10^-3") and strict about meaning: it never returns NaN or an
// infinity. Format and FormatSig never print "NaN", "Inf" or "-0.000".
package numtext
