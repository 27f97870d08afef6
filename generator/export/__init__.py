"""Documents for elsewhere: PDF files, quizzes for learning-management systems."""
