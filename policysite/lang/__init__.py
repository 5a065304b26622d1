"""The language the reports are written in: jieba with the project's lexicon
(segment), administrative divisions (places), character classes and small
text tests (patterns), full-width punctuation (typography)."""
