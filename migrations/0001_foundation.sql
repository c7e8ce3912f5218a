-- 0001_foundation.sql — subjects and associations (extended by later
-- migrations), accounts, sessions, login throttling and the audit log.
-- Forward-only: never edit an applied migration, add a new one.

CREATE TABLE subjects (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  uscc          CHAR(18) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                COMMENT 'Unified Social Credit Code (GB 32100-2015), upper case',
  name          VARCHAR(200) NOT NULL COMMENT 'registered Chinese name',
  kind          VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT 'enterprise'
                COMMENT 'enterprise, social_org, institution, individual_business, other',
  legal_rep     VARCHAR(100) NULL COMMENT 'legal representative / responsible person',
  address       VARCHAR(300) NULL COMMENT 'registered address',
  district      VARCHAR(50) NULL COMMENT 'district or county (e.g. 吴中区)',
  industry      VARCHAR(100) NULL COMMENT 'industry (national economic classification)',
  established   DATE NULL COMMENT 'date of establishment',
  reg_status    VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT 'active'
                COMMENT 'active, revoked, cancelled, moved_out',
  created_at    BIGINT NOT NULL COMMENT 'unix time the row was created',
  PRIMARY KEY (id),
  UNIQUE KEY uq_subjects_uscc (uscc)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='credit subjects (Art. 2): organisations identified by their USCC';

CREATE TABLE associations (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  uscc          CHAR(18) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                COMMENT 'the association''s own USCC',
  name          VARCHAR(200) NOT NULL COMMENT 'association name',
  industry      VARCHAR(100) NULL COMMENT 'industry it represents',
  created_at    BIGINT NOT NULL COMMENT 'unix time the row was created',
  PRIMARY KEY (id),
  UNIQUE KEY uq_associations_uscc (uscc)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='industry associations that rate their members (Art. 27)';

CREATE TABLE users (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  login          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL
                 COMMENT 'login name, [A-Za-z0-9._@-], case-insensitive',
  display_name   VARCHAR(100) NOT NULL COMMENT 'name shown in the portal',
  role           ENUM('enterprise','association','env_agency','staff','admin') NOT NULL
                 COMMENT 'what the account may do (DESIGN.md §2)',
  password_hash  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                 COMMENT 'crypto_pwhash_str (Argon2id) string',
  subject_id     BIGINT UNSIGNED NULL COMMENT 'the enterprise an enterprise account speaks for',
  association_id BIGINT UNSIGNED NULL COMMENT 'the association an association account speaks for',
  disabled       TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = may not log in',
  created_at     BIGINT NOT NULL COMMENT 'unix time the account was created',
  last_login_at  BIGINT NULL COMMENT 'unix time of the last successful login',
  prev_login_at  BIGINT NULL COMMENT 'unix time of the login before that (shown to the user)',
  PRIMARY KEY (id),
  UNIQUE KEY uq_users_login (login),
  KEY ix_users_subject (subject_id),
  KEY ix_users_association (association_id),
  CONSTRAINT fk_users_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_users_association FOREIGN KEY (association_id) REFERENCES associations (id),
  CONSTRAINT ck_users_tie CHECK ((role = 'enterprise') = (subject_id IS NOT NULL)
                             AND (role = 'association') = (association_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='portal accounts; an enterprise account is tied to one subject, an association account to one association';

CREATE TABLE sessions (
  id           BINARY(32) NOT NULL COMMENT 'keyed BLAKE2b hash of the cookie token (the token itself is never stored)',
  user_id      BIGINT UNSIGNED NOT NULL COMMENT 'who is logged in',
  created_at   BIGINT NOT NULL COMMENT 'unix time of login (absolute timeout)',
  last_seen    BIGINT NOT NULL COMMENT 'unix time of the last request, refreshed at most once a minute (idle timeout)',
  client_addr  VARCHAR(45) CHARACTER SET ascii NOT NULL COMMENT 'address the login came from',
  PRIMARY KEY (id),
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_seen (last_seen),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='server-side login sessions';

CREATE TABLE login_failures (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  login        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL
               COMMENT 'login name tried (may not exist)',
  client_addr  VARCHAR(45) CHARACTER SET ascii NOT NULL COMMENT 'address of the attempt',
  at           BIGINT NOT NULL COMMENT 'unix time of the failure',
  PRIMARY KEY (id),
  KEY ix_lf_login (login, at),
  KEY ix_lf_addr (client_addr, at),
  KEY ix_lf_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='failed logins, for throttling per account and per address';

CREATE TABLE audit_log (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'append order',
  chain        VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'hash chain this row belongs to (e.g. one per writer)',
  seq          BIGINT UNSIGNED NOT NULL COMMENT 'position in its chain, from 1',
  at           BIGINT NOT NULL COMMENT 'unix time of the event',
  actor_id     BIGINT UNSIGNED NULL COMMENT 'user who acted; NULL = anonymous visitor or system',
  actor_role   VARCHAR(16) CHARACTER SET ascii NOT NULL COMMENT 'role at the time',
  subject_id   BIGINT UNSIGNED NULL COMMENT 'credit subject concerned, if any',
  action       VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'view, create, update, revoke, repair, ...',
  detail       VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'what changed and why, without revoked content',
  client_addr  VARCHAR(45) CHARACTER SET ascii NOT NULL DEFAULT '' COMMENT 'client address',
  hash         BINARY(32) NOT NULL COMMENT 'keyed BLAKE2b over the previous hash of the chain and this row',
  PRIMARY KEY (id),
  UNIQUE KEY uq_audit_chain_seq (chain, seq),
  KEY ix_audit_subject (subject_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='append-only audit log (Art. 19, 20, 34); the app may only INSERT and SELECT';
