/* fill_blank: a sentence with one gap and a text field; graded as `text` is, whose spec it takes whole. */
defineType("fill_blank", {}, { base: "text" });
