-- reindex.sql — rebuilds the name index (subject_grams, gram_counts) from
-- subjects in a few set-based statements; used after bulk loads (demo data,
-- benchmark data). Single subjects entered through the app are indexed by
-- store/subjects.c with the same rule: every character and every pair of
-- consecutive characters, never starting or ending with a space.
DELETE FROM subject_grams;
DELETE FROM gram_counts;
INSERT IGNORE INTO subject_grams (gram, subject_id)
  SELECT SUBSTRING(s.name, q.seq, 1), s.id
  FROM subjects s JOIN seq_1_to_200 q ON q.seq <= CHAR_LENGTH(s.name)
  WHERE SUBSTRING(s.name, q.seq, 1) <> ' ';
INSERT IGNORE INTO subject_grams (gram, subject_id)
  SELECT SUBSTRING(s.name, q.seq, 2), s.id
  FROM subjects s JOIN seq_1_to_200 q ON q.seq < CHAR_LENGTH(s.name)
  WHERE SUBSTRING(s.name, q.seq, 1) <> ' ' AND SUBSTRING(s.name, q.seq + 1, 1) <> ' ';
INSERT INTO gram_counts (gram, n) SELECT gram, COUNT(*) FROM subject_grams GROUP BY gram;
