package lessons

// backpropLessons returns the lessons of how the network learns, in order.
func backpropLessons() []Lesson {
	return []Lesson{
		partialLesson(),
		descentLesson(),
		chainOutputLesson(),
		chainHiddenLesson(),
		updateLesson(),
		trainingLesson(),
		slipsLesson(),
		matrixLesson(),
	}
}
