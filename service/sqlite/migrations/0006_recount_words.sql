-- Revisions count their words as their change stats do (diff.CountWords):
-- each Chinese or Japanese character and each Thai letter is a word, where
-- revisions stored before counted runs of letters, one a clause in those
-- scripts. The migration's Go step (recountWords) counts every stored body
-- again and corrects the revisions whose count differs; nothing else
-- changes.
SELECT 1;
