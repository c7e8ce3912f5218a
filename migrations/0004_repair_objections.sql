-- 0004_repair_objections.sql — credit repair (Art. 38), objections (Art. 36)
-- and revocation (Art. 37): the applications, their uploaded proof files,
-- and a per-request timeline of state changes. Deadlines are dates computed
-- in working days (app/rules/workdays.c) when a request is filed or moves.
-- The request tables keep record_id without a foreign key: an Art. 37
-- revocation deletes the record, and the request history must survive it.

CREATE TABLE uploads (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id (download URL)',
  sha256       CHAR(64) CHARACTER SET ascii NOT NULL COMMENT 'hex SHA-256 of the content = the file name under CREDIT_VAR/uploads',
  filename     VARCHAR(255) NOT NULL COMMENT 'name as the client sent it; display only, never a path',
  ftype        ENUM('pdf','png','jpeg') NOT NULL COMMENT 'type recognised from the content (rules/sniff.c)',
  size         INT UNSIGNED NOT NULL COMMENT 'bytes',
  subject_id   BIGINT UNSIGNED NOT NULL COMMENT 'owner: the subject whose request it belongs to; only it and staff may download',
  uploaded_by  BIGINT UNSIGNED NOT NULL COMMENT 'user who uploaded it',
  uploaded_at  BIGINT NOT NULL COMMENT 'unix time',
  PRIMARY KEY (id),
  KEY ix_uploads_sha (sha256),
  KEY ix_uploads_subject (subject_id),
  CONSTRAINT fk_uploads_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='uploaded proof documents; the bytes live on disk outside the web root';

CREATE TABLE repair_applications (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  record_id          BIGINT UNSIGNED NOT NULL COMMENT 'the dishonesty record to repair (no FK: survives an Art. 37 deletion)',
  subject_id         BIGINT UNSIGNED NOT NULL COMMENT 'applying subject = the record''s subject',
  applicant_id       BIGINT UNSIGNED NOT NULL COMMENT 'enterprise user who applied',
  reason             VARCHAR(2000) NOT NULL COMMENT 'why the credit should be restored (obligations fulfilled)',
  status             ENUM('submitted','under_review','approved','rejected','withdrawn') NOT NULL DEFAULT 'submitted'
                     COMMENT 'rules/requests.c holds the allowed transitions',
  open_record        BIGINT UNSIGNED AS (IF(status IN ('submitted','under_review'), record_id, NULL)) PERSISTENT
                     COMMENT 'record_id while undecided: the unique key allows one open application per record',
  filed_at           BIGINT NOT NULL COMMENT 'unix time filed',
  proof_received_on  DATE NOT NULL COMMENT 'day the written proof was received (the upload day, UTC+8)',
  due_on             DATE NOT NULL COMMENT 'decision due: 3 working days after proof_received_on',
  due_assumed        TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = counted partly by the weekend rule (a year not loaded)',
  decided_by         BIGINT UNSIGNED NULL COMMENT 'staff user who approved or rejected',
  decided_at         BIGINT NULL COMMENT 'unix time of the decision or withdrawal',
  decision_reason    VARCHAR(1000) NULL COMMENT 'reason given with the decision (shown to the applicant)',
  PRIMARY KEY (id),
  UNIQUE KEY uq_repair_open (open_record),
  KEY ix_repair_queue (status, due_on),
  KEY ix_repair_subject (subject_id, filed_at),
  CONSTRAINT fk_repair_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='credit repair applications (信用修复, Art. 38)';

CREATE TABLE objections (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  record_id        BIGINT UNSIGNED NOT NULL COMMENT 'the record objected to (no FK: survives an Art. 37 deletion)',
  subject_id       BIGINT UNSIGNED NOT NULL COMMENT 'objecting subject = the record''s subject',
  applicant_id     BIGINT UNSIGNED NOT NULL COMMENT 'enterprise user who objected',
  statement        VARCHAR(2000) NOT NULL COMMENT 'what is wrong, missing or infringing',
  status           ENUM('submitted','marked','forwarded','decided') NOT NULL DEFAULT 'submitted'
                   COMMENT 'rules/requests.c holds the allowed transitions',
  open_record      BIGINT UNSIGNED AS (IF(status <> 'decided', record_id, NULL)) PERSISTENT
                   COMMENT 'record_id while undecided: one open objection per record',
  filed_at         BIGINT NOT NULL COMMENT 'unix time filed',
  filed_on         DATE NOT NULL COMMENT 'day filed (UTC+8), the start of the deadlines',
  mark_due         DATE NOT NULL COMMENT 'marking (异议标注) due: 1 working day after filing',
  forward_due      DATE NOT NULL COMMENT 'forwarding to the provider due: 2 working days after filing',
  decision_due     DATE NOT NULL COMMENT '5 working days after filing, or after forwarding once forwarded',
  due_assumed      TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = a deadline counted partly by the weekend rule',
  marked_at        BIGINT NULL COMMENT 'unix time marked',
  forwarded_to     VARCHAR(100) NULL COMMENT 'providing agency it was forwarded to',
  forwarded_at     BIGINT NULL COMMENT 'unix time forwarded',
  decision         ENUM('correct','do_not_correct') NULL COMMENT 'the decision (by the centre or the agency)',
  decision_reason  VARCHAR(1000) NULL COMMENT 'reasons, told to the applicant',
  decided_by       BIGINT UNSIGNED NULL COMMENT 'staff user who entered the decision',
  decided_at       BIGINT NULL COMMENT 'unix time decided',
  reminders        INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'reminders (催办) sent by the applicant',
  last_reminder_at BIGINT NULL COMMENT 'unix time of the last reminder',
  PRIMARY KEY (id),
  UNIQUE KEY uq_objection_open (open_record),
  KEY ix_objection_queue (status, decision_due),
  KEY ix_objection_subject (subject_id, filed_at),
  CONSTRAINT fk_objection_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='objections to credit records (异议, Art. 36)';

CREATE TABLE request_files (
  kind        ENUM('repair','objection') NOT NULL COMMENT 'which request table',
  request_id  BIGINT UNSIGNED NOT NULL COMMENT 'repair_applications.id or objections.id',
  upload_id   BIGINT UNSIGNED NOT NULL COMMENT 'the file',
  role        ENUM('application','commitment','proof','document') NOT NULL
              COMMENT '信用修复申请书, 守信承诺书, proof of repair, or an objection document',
  PRIMARY KEY (kind, request_id, upload_id),
  KEY ix_request_files_upload (upload_id),
  CONSTRAINT fk_request_files_upload FOREIGN KEY (upload_id) REFERENCES uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='which files belong to which request';

CREATE TABLE request_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'order of events',
  kind         ENUM('repair','objection') NOT NULL COMMENT 'which request table',
  request_id   BIGINT UNSIGNED NOT NULL COMMENT 'the request',
  from_status  VARCHAR(16) CHARACTER SET ascii NULL COMMENT 'status before (NULL = filed)',
  to_status    VARCHAR(16) CHARACTER SET ascii NOT NULL COMMENT 'status after (same as before for a reminder)',
  action       VARCHAR(16) CHARACTER SET ascii NOT NULL COMMENT 'file, review, approve, reject, withdraw, mark, forward, decide, remind',
  actor_id     BIGINT UNSIGNED NOT NULL COMMENT 'user who acted',
  actor_role   VARCHAR(16) CHARACTER SET ascii NOT NULL COMMENT 'role at the time',
  at           BIGINT NOT NULL COMMENT 'unix time',
  note         VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'reason or remark',
  PRIMARY KEY (id),
  KEY ix_request_events (kind, request_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='per-request timeline shown to staff; the audit log holds the same actions';

ALTER TABLE credit_records
  ADD COLUMN objection_flag TINYINT(1) NOT NULL DEFAULT 0
  COMMENT '1 = under objection (异议标注), shown to everyone until the objection is decided';
