-- 0011_audit_changes_index.sql — the changes to a subject (Art. 34, the
-- credit report's "changes" list) without reading its views.
-- The report asks for a subject's latest rows that are not views. With the
-- index on (subject_id, at) MariaDB walked back through every view of the
-- subject to find them: 3 ms for a new subject, 30-47 ms after 17,000 views
-- (make soak). With the action in the index the same query reads three
-- short ranges (actions before 'report', between 'report' and 'view', after
-- 'view') and sorts the few rows it finds. Who viewed a subject is read from
-- audit_view_counts (0010), so the old index has no reader left.

ALTER TABLE audit_log
  ADD KEY ix_audit_subject_action (subject_id, action, at),
  DROP KEY ix_audit_subject;
