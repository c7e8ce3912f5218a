-- 0005_association_ratings.sql — industry association ratings (Art. 27):
-- members, each association's own rating scale, ratings with certificate
-- numbers, validity, measures and a history kept by superseding, never by
-- overwriting. Market credit information: every change is audited.

CREATE TABLE association_members (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  association_id BIGINT UNSIGNED NOT NULL COMMENT 'the association',
  subject_id     BIGINT UNSIGNED NOT NULL COMMENT 'the member enterprise (a registered subject)',
  joined_on      DATE NOT NULL COMMENT 'date it joined the association',
  member_level   VARCHAR(50) NOT NULL COMMENT 'membership level, e.g. 会员, 理事单位, 副会长单位',
  created_by     BIGINT UNSIGNED NULL COMMENT 'user who added the member',
  created_at     BIGINT NOT NULL COMMENT 'unix time the row was created',
  PRIMARY KEY (id),
  UNIQUE KEY uq_members_assoc_subject (association_id, subject_id),
  KEY ix_members_subject (subject_id),
  CONSTRAINT fk_members_association FOREIGN KEY (association_id) REFERENCES associations (id),
  CONSTRAINT fk_members_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='member enterprises of each industry association';

CREATE TABLE rating_levels (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  association_id BIGINT UNSIGNED NOT NULL COMMENT 'whose scale',
  rank_no        INT NOT NULL COMMENT 'position on the scale, 1 = best; new levels are appended',
  code           VARCHAR(20) NOT NULL COMMENT 'the level as shown, e.g. AAA or 一级',
  grade_code     CHAR(3) CHARACTER SET ascii NOT NULL COMMENT '3-digit code in certificate numbers (rules/ratings.c)',
  description    VARCHAR(300) NOT NULL COMMENT 'what the level means',
  created_at     BIGINT NOT NULL COMMENT 'unix time the level was added',
  PRIMARY KEY (id),
  UNIQUE KEY uq_levels_code (association_id, code),
  UNIQUE KEY uq_levels_grade (association_id, grade_code),
  UNIQUE KEY uq_levels_rank (association_id, rank_no),
  CONSTRAINT fk_levels_association FOREIGN KEY (association_id) REFERENCES associations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='each association''s ordered rating scale';

CREATE TABLE ratings (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  association_id BIGINT UNSIGNED NOT NULL COMMENT 'the rating association',
  member_id      BIGINT UNSIGNED NOT NULL COMMENT 'the membership rated',
  subject_id     BIGINT UNSIGNED NOT NULL COMMENT 'the rated enterprise (copied from the membership for profile reads)',
  level_id       BIGINT UNSIGNED NOT NULL COMMENT 'level on the association''s scale',
  valid_from     DATE NOT NULL COMMENT 'first day of validity',
  valid_to       DATE NOT NULL COMMENT 'last day of validity (3 years by default)',
  cert_no        CHAR(15) CHARACTER SET ascii NOT NULL COMMENT 'certificate number: year, association, grade code, serial',
  basis          VARCHAR(300) NOT NULL COMMENT 'what the rating rests on',
  measures       SET('recommend','promote','warning','criticism','demote','expel') NOT NULL DEFAULT ''
                 COMMENT 'Art. 27 measures: rewards recommend, promote; punishments warning, criticism, demote, expel',
  status         ENUM('current','superseded') NOT NULL DEFAULT 'current' COMMENT 'superseded once a newer rating of the member is entered',
  created_by     BIGINT UNSIGNED NULL COMMENT 'user who entered it; NULL = loaded by the operator (demo data)',
  created_at     BIGINT NOT NULL COMMENT 'unix time it was entered',
  superseded_by  BIGINT UNSIGNED NULL COMMENT 'the rating that replaced it',
  superseded_at  BIGINT NULL COMMENT 'unix time it was replaced',
  supersede_user BIGINT UNSIGNED NULL COMMENT 'user who replaced it',
  supersede_reason VARCHAR(300) NULL COMMENT 'why it was replaced',
  PRIMARY KEY (id),
  UNIQUE KEY uq_ratings_cert (cert_no),
  KEY ix_ratings_member (member_id, status),
  KEY ix_ratings_subject (subject_id, status),
  KEY ix_ratings_assoc (association_id, status, valid_to),
  CONSTRAINT fk_ratings_association FOREIGN KEY (association_id) REFERENCES associations (id),
  CONSTRAINT fk_ratings_member FOREIGN KEY (member_id) REFERENCES association_members (id),
  CONSTRAINT fk_ratings_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_ratings_level FOREIGN KEY (level_id) REFERENCES rating_levels (id),
  CONSTRAINT ck_ratings_validity CHECK (valid_to >= valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='association ratings (market credit information, Art. 8, 27); rows are never deleted';

CREATE TABLE rating_serials (
  association_id BIGINT UNSIGNED NOT NULL COMMENT 'the association',
  year           SMALLINT UNSIGNED NOT NULL COMMENT 'certificate year',
  last_serial    INT UNSIGNED NOT NULL COMMENT 'last 5-digit serial issued',
  PRIMARY KEY (association_id, year),
  CONSTRAINT fk_serials_association FOREIGN KEY (association_id) REFERENCES associations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='certificate serial counters per association and year (row lock = no duplicate serials)';
