-- grants.sql — what the application's database user may do, table by table.
-- Re-applied by app/tools/migrate.sh after every migration run, so it always
-- matches the schema. @APP@ is replaced by the quoted user@host.
-- The audit log gets INSERT and SELECT only (SECURITY.md §5).
REVOKE ALL PRIVILEGES, GRANT OPTION FROM @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.subjects TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.associations TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.users TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.sessions TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.login_failures TO @APP@;
GRANT SELECT, INSERT ON @DB@.audit_log TO @APP@;
GRANT SELECT ON @DB@.schema_migrations TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.catalog_items TO @APP@;
-- DELETE only for Art. 37 (a record whose legal basis is revoked).
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.credit_records TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.serious_list TO @APP@;
GRANT SELECT, INSERT ON @DB@.commitments TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.authorizations TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.subject_grams TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.gram_counts TO @APP@;
GRANT SELECT, INSERT ON @DB@.reports TO @APP@;
-- The working-day calendar (0003): admin edits days; DELETE reverts a day to
-- the weekday/weekend default and replaces a year on import.
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.calendar_days TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.calendar_years TO @APP@;
-- Association ratings (0005): ratings are superseded, never deleted; levels
-- without ratings may be deleted from a scale.
GRANT SELECT, INSERT, UPDATE ON @DB@.association_members TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.rating_levels TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.ratings TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.rating_serials TO @APP@;
-- Credit repair, objections, uploads (0004): requests move through statuses
-- (UPDATE), never disappear; files and the timeline are append-only.
GRANT SELECT, INSERT ON @DB@.uploads TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.repair_applications TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.objections TO @APP@;
GRANT SELECT, INSERT ON @DB@.request_files TO @APP@;
GRANT SELECT, INSERT ON @DB@.request_events TO @APP@;
-- Environmental credit grades (0006): the scheme tables are edited by the
-- admin; round entries change (corrections keep the earlier grade in the
-- append-only history); a deduction may be removed by a correction;
-- snapshots and their rows are immutable once produced.
GRANT SELECT, UPDATE ON @DB@.env_settings TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.env_indicators TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.env_veto_rules TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.env_event_types TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.env_rounds TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.env_entries TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.env_deductions TO @APP@;
GRANT SELECT, INSERT ON @DB@.env_grade_history TO @APP@;
GRANT SELECT, INSERT ON @DB@.env_dynamic_subjects TO @APP@;
GRANT SELECT, INSERT ON @DB@.env_events TO @APP@;
GRANT SELECT, INSERT ON @DB@.env_snapshots TO @APP@;
GRANT SELECT, INSERT ON @DB@.env_snapshot_rows TO @APP@;
-- 0010: derived view counts beside the audit log (kept by store/audit.c).
GRANT SELECT, INSERT, UPDATE ON @DB@.audit_view_counts TO @APP@;
-- Environmental grades, completed (0009): voided and corrected events are
-- append-only history; voiding an event moves its enterprise's enrolment in
-- dynamic scoring to the first event still counting (UPDATE), or ends it
-- (DELETE) when none is left. Events themselves stay INSERT and SELECT only.
GRANT SELECT, INSERT ON @DB@.env_event_voids TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.env_dynamic_subjects TO @APP@;
-- Which parts of its file a subject has (0012): kept by triggers, read only.
GRANT SELECT ON @DB@.subject_parts TO @APP@;
