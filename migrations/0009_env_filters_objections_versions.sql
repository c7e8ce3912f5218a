-- 0009_env_filters_objections_versions.sql — environmental grades, the rest
-- of issue 4: grade corrections
-- that replace an imported or scored grade (source 'correction', the
-- earlier grade kept in env_grade_history with its reason and, when it came
-- from one, the objection), objections (Art. 36) against a round grade or a
-- dynamic-scoring event, dynamic events voided or corrected with a reason
-- instead of being deleted, and half-year snapshots produced again for the
-- same day as a new version (the earlier ones stay, immutable).

-- Search by district needs no new index: ix_subjects_district (0002) holds
-- (district, id), as every InnoDB secondary key ends with the primary key.
-- Search by grade and year reads env_rounds by (status, year) and
-- env_entries by (round_id, grade) or (subject_id), all from 0006.

ALTER TABLE env_entries
  MODIFY source ENUM('form','import','correction') NOT NULL
         COMMENT 'form: score = 100 less deductions; import: grade as given; correction: grade as set by a correction (agency or objection), no longer computed';

ALTER TABLE env_grade_history
  ADD COLUMN objection_id BIGINT UNSIGNED NULL
      COMMENT 'the objection whose decision made this correction; NULL = the agency corrected it' AFTER reason;

-- A dynamic-scoring event is never deleted: voiding it (or correcting it,
-- which voids it and records the corrected event) adds a row here, and every
-- score leaves voided events out. The app may only INSERT and SELECT.
CREATE TABLE env_event_voids (
  event_id        BIGINT UNSIGNED NOT NULL COMMENT 'the event voided (once)',
  subject_id      BIGINT UNSIGNED NOT NULL COMMENT 'its enterprise (copied for profile reads)',
  action          ENUM('void','correct') NOT NULL COMMENT 'void: entered wrongly, no replacement; correct: replaced by replacement_id',
  replacement_id  BIGINT UNSIGNED NULL COMMENT 'the corrected event recorded in its place',
  reason          VARCHAR(300) NOT NULL COMMENT 'why it was voided or corrected',
  objection_id    BIGINT UNSIGNED NULL COMMENT 'the objection whose decision voided it; NULL = the agency did',
  voided_by       BIGINT UNSIGNED NOT NULL COMMENT 'user who voided or corrected it',
  voided_at       BIGINT NOT NULL COMMENT 'unix time',
  PRIMARY KEY (event_id),
  KEY ix_env_event_voids_subject (subject_id, event_id),
  CONSTRAINT fk_env_event_voids_event FOREIGN KEY (event_id) REFERENCES env_events (id),
  CONSTRAINT fk_env_event_voids_replacement FOREIGN KEY (replacement_id) REFERENCES env_events (id),
  CONSTRAINT ck_env_event_voids_replacement CHECK ((action = 'correct') = (replacement_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='dynamic-scoring events voided or corrected: the history of wrong entries; append-only';

-- Snapshots: one day may be produced again; each production is a new
-- version with who and why, the highest version is the current one.
ALTER TABLE env_snapshots
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'version of the list for as_of: 1, 2, ...; the highest is current' AFTER as_of,
  ADD COLUMN reason VARCHAR(300) NULL COMMENT 'why it was produced again (required from version 2)' AFTER version,
  DROP INDEX uq_env_snapshots_as_of,
  ADD UNIQUE KEY uq_env_snapshots_version (as_of, version),
  ADD CONSTRAINT ck_env_snapshots_reason CHECK (version = 1 OR reason IS NOT NULL);

-- Objections (Art. 36) against an environmental grade: a round entry or a
-- dynamic-scoring event of the objecting enterprise. Exactly one target per
-- objection; one open objection per target, as for records.
ALTER TABLE objections
  MODIFY record_id BIGINT UNSIGNED NULL
         COMMENT 'the record objected to (no FK: survives an Art. 37 deletion); NULL for an environmental grade',
  ADD COLUMN env_entry_id BIGINT UNSIGNED NULL
      COMMENT 'the annual-round grade objected to (env_entries)' AFTER record_id,
  ADD COLUMN env_event_id BIGINT UNSIGNED NULL
      COMMENT 'the dynamic-scoring event objected to (env_events)' AFTER env_entry_id,
  ADD COLUMN open_env_entry BIGINT UNSIGNED AS (IF(status IN ('submitted','marked','forwarded'), env_entry_id, NULL)) PERSISTENT
      COMMENT 'env_entry_id while undecided: one open objection per round grade' AFTER open_record,
  ADD COLUMN open_env_event BIGINT UNSIGNED AS (IF(status IN ('submitted','marked','forwarded'), env_event_id, NULL)) PERSISTENT
      COMMENT 'env_event_id while undecided: one open objection per event' AFTER open_env_entry,
  ADD UNIQUE KEY uq_objection_open_env_entry (open_env_entry),
  ADD UNIQUE KEY uq_objection_open_env_event (open_env_event),
  ADD CONSTRAINT fk_objection_env_entry FOREIGN KEY (env_entry_id) REFERENCES env_entries (id),
  ADD CONSTRAINT fk_objection_env_event FOREIGN KEY (env_event_id) REFERENCES env_events (id),
  ADD CONSTRAINT ck_objection_target CHECK ((record_id IS NOT NULL) + (env_entry_id IS NOT NULL) + (env_event_id IS NOT NULL) = 1),
  COMMENT = 'objections (异议, Art. 36) to credit records and to environmental grades';
