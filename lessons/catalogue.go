package lessons

// All returns every lesson in teaching order: the forward pass, then how the
// network learns.
func All() []Lesson {
	return append(forwardLessons(), backpropLessons()...)
}

// Find returns the index of the lesson whose ID or number (1-based) is key.
func Find(all []Lesson, key string) (int, bool) {
	for i, l := range all {
		if l.ID == key || itoa(i+1) == key {
			return i, true
		}
	}
	return 0, false
}

func itoa(i int) string {
	if i >= 10 {
		return itoa(i/10) + string(rune('0'+i%10))
	}
	return string(rune('0' + i))
}
