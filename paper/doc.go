// Package paper holds the numbers the paper printed in its worked example,
// one table in the order the computation meets them: for each, the
// quantity it stands for, the number as printed, the part of the paper's
// computation it appears in, the slip that produced it, and how to read
// the exact value from a mathcore.Trace of mathcore.Paper().
//
// The printed numbers are facts about the paper, not values the tutor
// computes with; the exact values are always computed, never stored.
// Judge, export and the lessons read this table instead of keeping their
// own lists.
package paper
