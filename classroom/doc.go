// Package classroom is the class directory that `nnmath serve` writes and
// `nnmath class report` reads: one folder per student, named from the
// student's identity (the SHA256 fingerprint of their SSH key, or the name
// they typed on an open server), holding who they are (student.json), the
// answers of their quizzes (history.jsonl, the format of package quiz) and
// their sessions (sessions.jsonl).
//
//	DIR/host_ed25519, DIR/host_ed25519.pub   the server's host key
//	DIR/students/<id>/student.json           fingerprint, name, first and last seen
//	DIR/students/<id>/history.jsonl          one quiz answer a line
//	DIR/students/<id>/sessions.jsonl         one finished session a line
//
// Lines are appended with O_APPEND in one write, so the report may read
// while the server writes; a torn or corrupt line is skipped and reported.
package classroom
