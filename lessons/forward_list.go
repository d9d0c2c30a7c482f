package lessons

// forwardLessons returns the lessons of the forward pass, in order.
func forwardLessons() []Lesson {
	return []Lesson{
		{ID: "overview", Title: "Overview", Summary: "the 4-2-1 network and what each layer does", Build: func(s *Session, width int) Page {
			return Page{Intro: []Block{Text("placeholder while the lesson is written")}, Steps: []Step{{Title: "net_h1", Formula: "net_h1 = w1·i1", Numbers: s.F(0.5), Result: s.F(s.Trace.Net[1][0])}}}
		}},
	}
}
