-- 0008_request_closing.sql — an Art. 37 revocation ends the requests on the
-- record it deletes. A repair application or objection still waiting for a
-- decision when its record's legal basis is revoked is closed in the same
-- transaction as the deletion: status 'closed', decided_by/decided_at say
-- who and when, decision_reason names the revoking document. rules/requests.c
-- holds the transition; a closed request accepts no further action.

ALTER TABLE repair_applications
  MODIFY status ENUM('submitted','under_review','approved','rejected','withdrawn','closed')
         NOT NULL DEFAULT 'submitted'
         COMMENT 'rules/requests.c holds the allowed transitions; closed = ended without a decision because the record was deleted (Art. 37)',
  MODIFY decided_by BIGINT UNSIGNED NULL COMMENT 'staff user who approved, rejected or closed it (closed: who recorded the revocation)',
  MODIFY decided_at BIGINT NULL COMMENT 'unix time of the decision, withdrawal or closing',
  MODIFY decision_reason VARCHAR(1000) NULL
         COMMENT 'reason given with the decision, or the revoking document when closed (shown to the applicant)';

-- 'closed' is not open: the generated key must stop counting it, or a
-- closed objection would block a new one on the same record id.
ALTER TABLE objections
  MODIFY status ENUM('submitted','marked','forwarded','decided','closed') NOT NULL DEFAULT 'submitted'
         COMMENT 'rules/requests.c holds the allowed transitions; closed = ended without a decision because the record was deleted (Art. 37)',
  MODIFY open_record BIGINT UNSIGNED AS (IF(status IN ('submitted','marked','forwarded'), record_id, NULL)) PERSISTENT
         COMMENT 'record_id while undecided: one open objection per record',
  MODIFY decided_by BIGINT UNSIGNED NULL COMMENT 'staff user who entered the decision or closed it (closed: who recorded the revocation)',
  MODIFY decided_at BIGINT NULL COMMENT 'unix time decided or closed',
  MODIFY decision_reason VARCHAR(1000) NULL
         COMMENT 'reasons, told to the applicant; the revoking document when closed';

-- Requests left open by revocations made before this migration: their
-- record is gone, so nobody can decide them any more. Closed here without
-- an actor (the revoking document is in the audit log's tombstone).
UPDATE repair_applications a SET a.status = 'closed', a.decided_at = UNIX_TIMESTAMP()
 WHERE a.status IN ('submitted','under_review')
   AND NOT EXISTS (SELECT 1 FROM credit_records r WHERE r.id = a.record_id);
UPDATE objections o SET o.status = 'closed', o.decided_at = UNIX_TIMESTAMP()
 WHERE o.status IN ('submitted','marked','forwarded')
   AND NOT EXISTS (SELECT 1 FROM credit_records r WHERE r.id = o.record_id);
