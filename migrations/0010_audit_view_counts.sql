-- 0010_audit_view_counts.sql — who viewed a subject, counted (Art. 34).
-- The profile shows each subject who queried its file: the latest views by
-- named users and organisations and how many anonymous ones. Counting that
-- from audit_log grows with every view (a much-viewed enterprise has
-- millions), so the app keeps these counts beside the log, in the same
-- transaction as the audit rows they count (store/audit.c). audit_log stays
-- the record and stays INSERT/SELECT only; this table can be rebuilt from
-- it at any time (the INSERT below does exactly that).

CREATE TABLE audit_view_counts (
  subject_id  BIGINT UNSIGNED NOT NULL COMMENT 'the subject whose information was viewed',
  actor_role  VARCHAR(16) CHARACTER SET ascii NOT NULL COMMENT 'role of the viewer at the time',
  actor_id    BIGINT UNSIGNED NOT NULL COMMENT 'the viewing user; 0 = anonymous visitors, counted together',
  action      VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'view (profile) or report (credit report)',
  n           BIGINT UNSIGNED NOT NULL COMMENT 'how many such audit rows',
  last_at     BIGINT NOT NULL COMMENT 'unix time of the latest one',
  PRIMARY KEY (subject_id, actor_role, actor_id, action),
  KEY ix_view_counts_latest (subject_id, last_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='per subject and viewer: count and latest time of view/report audit rows';

INSERT INTO audit_view_counts (subject_id, actor_role, actor_id, action, n, last_at)
SELECT subject_id, actor_role, IFNULL(actor_id, 0), action, COUNT(*), MAX(at)
FROM audit_log
WHERE subject_id IS NOT NULL AND action IN ('view', 'report')
GROUP BY subject_id, actor_role, IFNULL(actor_id, 0), action;
