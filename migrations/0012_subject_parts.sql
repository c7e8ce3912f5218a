-- 0012_subject_parts.sql — which optional parts of a profile a subject has,
-- kept on its row (issue #7).
-- A profile page asked five EXISTS subqueries per view (on the serious
-- list now? any ratings? environmental grades? commitments?) so it could
-- skip the empty sections. MariaDB optimises every subquery again at every
-- execution of a prepared statement: the five cost about 15 % of the
-- profile's throughput, and the serious-list one ran for each row of every
-- search page too. The answers now live in subjects.parts, kept by the
-- triggers below whoever writes (the app, LOAD DATA, the demo data):
--   1  on the serious list now (exact: set on listing, recomputed on removal)
--   2  has association ratings           } set on the first row, never
--   4  has environmental grades or is    } cleared: an extra bit only makes
--      enrolled in the dynamic scheme    } the page look for rows and find
--   8  has credit commitments            } none, a missing one would hide them
-- The app reads parts and never writes it. One consequence of triggers
-- that update subjects: a statement that reads subjects cannot insert into
-- these five tables (error 1442); go through a temporary table (the
-- benchmark's extra.sql does). No statement of the app does that.

ALTER TABLE subjects
  ADD COLUMN parts TINYINT UNSIGNED NOT NULL DEFAULT 0
  COMMENT 'kept by triggers (0012): 1 serious list now, 2 ratings, 4 environmental grades, 8 commitments';

UPDATE subjects s JOIN (SELECT DISTINCT subject_id FROM serious_list WHERE removed_on IS NULL) x
  ON x.subject_id = s.id SET s.parts = s.parts | 1;
UPDATE subjects s JOIN (SELECT DISTINCT subject_id FROM ratings) x
  ON x.subject_id = s.id SET s.parts = s.parts | 2;
UPDATE subjects s JOIN (SELECT subject_id FROM env_entries UNION SELECT subject_id FROM env_dynamic_subjects) x
  ON x.subject_id = s.id SET s.parts = s.parts | 4;
UPDATE subjects s JOIN (SELECT DISTINCT subject_id FROM commitments) x
  ON x.subject_id = s.id SET s.parts = s.parts | 8;

CREATE TRIGGER tr_serious_listed AFTER INSERT ON serious_list FOR EACH ROW
  UPDATE subjects SET parts = parts | 1 WHERE id = NEW.subject_id AND NEW.removed_on IS NULL;
CREATE TRIGGER tr_serious_removed AFTER UPDATE ON serious_list FOR EACH ROW
  UPDATE subjects SET parts = (parts & 254) | IF(EXISTS (SELECT 1 FROM serious_list l
    WHERE l.subject_id = NEW.subject_id AND l.removed_on IS NULL), 1, 0)
  WHERE id = NEW.subject_id;
CREATE TRIGGER tr_ratings_part AFTER INSERT ON ratings FOR EACH ROW
  UPDATE subjects SET parts = parts | 2 WHERE id = NEW.subject_id;
CREATE TRIGGER tr_env_entries_part AFTER INSERT ON env_entries FOR EACH ROW
  UPDATE subjects SET parts = parts | 4 WHERE id = NEW.subject_id;
CREATE TRIGGER tr_env_dynamic_part AFTER INSERT ON env_dynamic_subjects FOR EACH ROW
  UPDATE subjects SET parts = parts | 4 WHERE id = NEW.subject_id;
CREATE TRIGGER tr_commitments_part AFTER INSERT ON commitments FOR EACH ROW
  UPDATE subjects SET parts = parts | 8 WHERE id = NEW.subject_id;
