-- 0012_subject_parts.sql — which optional parts of a profile a subject has,
-- kept beside it (issue #7).
-- A profile page asked five EXISTS subqueries per view (on the serious
-- list now? any ratings? environmental grades? commitments?) so it could
-- skip the empty sections. MariaDB optimises every subquery again at every
-- execution of a prepared statement: the five cost about 15 % of the
-- profile's throughput, and the serious-list one ran for each row of every
-- search page too. The answers now live in subject_parts, one row per
-- subject that has any, kept by the triggers below whoever writes (the
-- app, LOAD DATA, the demo data):
--   1  on the serious list now (exact: recomputed whenever an entry is
--      added, removed, moved or deleted)
--   2  has association ratings           } set with the first row, never
--   4  has environmental grades or is    } cleared: an extra bit only makes
--      enrolled in the dynamic scheme    } the page look for rows and find
--   8  has credit commitments            } none, a missing one would hide them
-- The app reads subject_parts and never writes it.
--
-- Why a table of its own and not a column of subjects: a trigger that
-- writes (or even reads) the subject's row locks it exclusively until its
-- transaction ends, and every insert that checks a foreign key to that
-- subject (records, reports, requests) would queue behind it, or deadlock
-- with it when two imports meet the same subjects in different orders.
-- subject_parts has no foreign key and nothing else locks it. Reading it
-- costs the profile's statement one primary-key join.

CREATE TABLE subject_parts (
  subject_id  BIGINT UNSIGNED NOT NULL COMMENT 'subjects.id (no foreign key: see above)',
  parts       TINYINT UNSIGNED NOT NULL COMMENT '1 serious list now, 2 ratings, 4 environmental grades, 8 commitments',
  PRIMARY KEY (subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='which optional parts of its file a subject has; kept by triggers (0012), read by the profile and search';

DELIMITER //
CREATE PROCEDURE subject_serious_recount(IN sid BIGINT UNSIGNED)
  COMMENT 'bit 1 of subject_parts from the serious list as it is now (0012)'
BEGIN
  DECLARE listed TINYINT UNSIGNED DEFAULT 0;
  IF EXISTS (SELECT 1 FROM serious_list WHERE subject_id = sid AND removed_on IS NULL) THEN
    SET listed = 1;
  END IF;
  INSERT INTO subject_parts (subject_id, parts) VALUES (sid, listed)
    ON DUPLICATE KEY UPDATE parts = (parts & 254) | listed;
END//
DELIMITER ;

CREATE TRIGGER tr_serious_listed AFTER INSERT ON serious_list FOR EACH ROW
  CALL subject_serious_recount(NEW.subject_id);
CREATE TRIGGER tr_serious_changed AFTER UPDATE ON serious_list FOR EACH ROW
  CALL subject_serious_recount(NEW.subject_id);
CREATE TRIGGER tr_serious_moved AFTER UPDATE ON serious_list FOR EACH ROW FOLLOWS tr_serious_changed
  CALL subject_serious_recount(OLD.subject_id);
CREATE TRIGGER tr_serious_deleted AFTER DELETE ON serious_list FOR EACH ROW
  CALL subject_serious_recount(OLD.subject_id);
CREATE TRIGGER tr_ratings_part AFTER INSERT ON ratings FOR EACH ROW
  INSERT INTO subject_parts (subject_id, parts) VALUES (NEW.subject_id, 2)
  ON DUPLICATE KEY UPDATE parts = parts | 2;
CREATE TRIGGER tr_env_entries_part AFTER INSERT ON env_entries FOR EACH ROW
  INSERT INTO subject_parts (subject_id, parts) VALUES (NEW.subject_id, 4)
  ON DUPLICATE KEY UPDATE parts = parts | 4;
CREATE TRIGGER tr_env_dynamic_part AFTER INSERT ON env_dynamic_subjects FOR EACH ROW
  INSERT INTO subject_parts (subject_id, parts) VALUES (NEW.subject_id, 4)
  ON DUPLICATE KEY UPDATE parts = parts | 4;
CREATE TRIGGER tr_commitments_part AFTER INSERT ON commitments FOR EACH ROW
  INSERT INTO subject_parts (subject_id, parts) VALUES (NEW.subject_id, 8)
  ON DUPLICATE KEY UPDATE parts = parts | 8;

-- The rows already there, after the triggers so that nothing written
-- meanwhile is missed (setting a bit twice changes nothing).
INSERT INTO subject_parts (subject_id, parts)
SELECT subject_id, BIT_OR(part) FROM (
  SELECT DISTINCT subject_id, 1 AS part FROM serious_list WHERE removed_on IS NULL
  UNION ALL SELECT DISTINCT subject_id, 2 FROM ratings
  UNION ALL SELECT DISTINCT subject_id, 4 FROM env_entries
  UNION ALL SELECT DISTINCT subject_id, 4 FROM env_dynamic_subjects
  UNION ALL SELECT DISTINCT subject_id, 8 FROM commitments) x
GROUP BY subject_id
ON DUPLICATE KEY UPDATE parts = subject_parts.parts | VALUES(parts);
