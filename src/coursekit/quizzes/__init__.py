"""The quizzes as learners see them: the static HTML, the live notebook widget, the front end in `static/`
(one script per question type), progress and pretests, the answer key and the preview page."""
