-- 0002_credit_records.sql — the credit file (DESIGN.md §1): the catalog of
-- dishonesty and keep-faith items (Art. 9, 11), credit records, the
-- serious-dishonesty list with responsible persons (Art. 25, 33),
-- self-declarations (Art. 13), written authorisations (Art. 17), the name
-- search index, and issued credit reports (Art. 34).

CREATE TABLE catalog_items (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  code             VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'stable key, e.g. admin_penalty',
  kind             ENUM('dishonesty','keep_faith') NOT NULL COMMENT 'dishonesty item (Art. 9) or keep-faith/red-list item',
  category         ENUM('admin','serious','commitment','judicial','keep_faith','anomaly','rating','other') NOT NULL
                   COMMENT 'section of the credit report the item belongs to',
  name_zh          VARCHAR(100) NOT NULL COMMENT 'name in Chinese',
  name_en          VARCHAR(150) NOT NULL COMMENT 'name in English',
  legal_basis      VARCHAR(300) NOT NULL COMMENT 'article of the law that puts the item in the catalog',
  min_public_days  INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'shortest publicity period; repair is possible only after it',
  max_public_days  INT UNSIGNED NULL COMMENT 'longest publicity period (NULL = the general query window)',
  repairable       TINYINT(1) NOT NULL DEFAULT 1 COMMENT '1 = credit repair may be applied for',
  PRIMARY KEY (id),
  UNIQUE KEY uq_catalog_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='the published catalog: nothing outside it is collected (Art. 11)';

CREATE TABLE credit_records (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  subject_id       BIGINT UNSIGNED NOT NULL COMMENT 'whose record',
  item_id          INT UNSIGNED NOT NULL COMMENT 'catalog item',
  agency           VARCHAR(100) NOT NULL COMMENT 'providing agency (信息提供单位)',
  doc_no           VARCHAR(100) NOT NULL COMMENT 'legal document number (判决书/处罚决定书文号)',
  decided_on       DATE NOT NULL COMMENT 'date of the decision',
  ended_on         DATE NULL COMMENT 'date the behaviour ended; NULL = not ended (Art. 35 counts 5 years from here)',
  summary          VARCHAR(1000) NOT NULL COMMENT 'what happened, as published',
  is_public        TINYINT(1) NOT NULL DEFAULT 1 COMMENT '1 = public information; 0 = only the subject, staff, or a third party with written authorisation',
  status           ENUM('active','repaired') NOT NULL DEFAULT 'active'
                   COMMENT 'repaired = removed from every public read path (Art. 38); kept for audit',
  repaired_at      BIGINT NULL COMMENT 'unix time of the repair decision',
  created_by       BIGINT UNSIGNED NULL COMMENT 'staff user who entered it (NULL = import or demo)',
  created_at       BIGINT NOT NULL COMMENT 'unix time entered',
  updated_at       BIGINT NOT NULL COMMENT 'unix time last changed',
  PRIMARY KEY (id),
  KEY ix_records_subject (subject_id, status, ended_on),
  KEY ix_records_item (item_id),
  CONSTRAINT fk_records_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_records_item FOREIGN KEY (item_id) REFERENCES catalog_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='credit records; deleted only when their legal basis is revoked (Art. 37)';

CREATE TABLE serious_list (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  subject_id          BIGINT UNSIGNED NOT NULL COMMENT 'listed subject',
  agency              VARCHAR(100) NOT NULL COMMENT 'deciding agency',
  doc_no              VARCHAR(100) NOT NULL COMMENT 'decision document number',
  reason              VARCHAR(500) NOT NULL COMMENT 'why the subject is listed',
  removal_conditions  VARCHAR(500) NOT NULL COMMENT 'published conditions for removal (Art. 25)',
  remedy              VARCHAR(500) NOT NULL COMMENT 'how to object or seek a remedy',
  responsible_persons VARCHAR(300) NOT NULL DEFAULT '' COMMENT 'legal representative / responsible persons (Art. 33)',
  included_on         DATE NOT NULL COMMENT 'date of inclusion',
  removed_on          DATE NULL COMMENT 'date of removal; NULL = still listed',
  created_at          BIGINT NOT NULL COMMENT 'unix time entered',
  PRIMARY KEY (id),
  KEY ix_serious_subject (subject_id, removed_on),
  CONSTRAINT fk_serious_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='serious-dishonesty list (严重失信主体名单)';

CREATE TABLE commitments (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'declaring subject',
  kind          ENUM('commitment','declaration','self_report') NOT NULL COMMENT '社会承诺 / 声明 / 自主申报 (Art. 13)',
  title         VARCHAR(200) NOT NULL COMMENT 'title',
  body          VARCHAR(4000) NOT NULL COMMENT 'text as published',
  published_on  DATE NOT NULL COMMENT 'date published',
  created_by    BIGINT UNSIGNED NULL COMMENT 'enterprise user who published it',
  created_at    BIGINT NOT NULL COMMENT 'unix time',
  PRIMARY KEY (id),
  KEY ix_commitments_subject (subject_id, published_on),
  CONSTRAINT fk_commitments_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='the enterprise''s own commitments and declarations';

CREATE TABLE authorizations (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'subject whose non-public information may be seen',
  grantee_id    BIGINT UNSIGNED NOT NULL COMMENT 'user allowed to see it',
  purpose       VARCHAR(300) NOT NULL COMMENT 'purpose stated in the written authorisation',
  doc_ref       VARCHAR(100) NOT NULL COMMENT 'reference of the signed document',
  valid_from    DATE NOT NULL COMMENT 'first day',
  valid_to      DATE NOT NULL COMMENT 'last day',
  created_by    BIGINT UNSIGNED NULL COMMENT 'staff user who recorded it',
  created_at    BIGINT NOT NULL COMMENT 'unix time',
  PRIMARY KEY (id),
  KEY ix_auth_lookup (grantee_id, subject_id, valid_to),
  CONSTRAINT fk_auth_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_auth_grantee FOREIGN KEY (grantee_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='written authorisations to see non-public information (Art. 17)';

CREATE TABLE subject_grams (
  gram        CHAR(2) NOT NULL
              COMMENT 'one or two consecutive characters of the name, compared like the name (case-insensitive)',
  subject_id  BIGINT UNSIGNED NOT NULL COMMENT 'subject whose name contains it',
  PRIMARY KEY (gram, subject_id),
  KEY ix_grams_subject (subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='n-gram index of subject names for substring search in Chinese';

CREATE TABLE gram_counts (
  gram  CHAR(2) NOT NULL COMMENT 'as in subject_grams',
  n     INT UNSIGNED NOT NULL COMMENT 'subjects containing it: the search starts from the rarest gram',
  PRIMARY KEY (gram)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='how common each gram is';

CREATE TABLE reports (
  serial        CHAR(20) CHARACTER SET ascii NOT NULL COMMENT 'report serial number, printed on the report',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'subject the report is about',
  issued_at     BIGINT NOT NULL COMMENT 'unix time issued',
  issued_to     BIGINT UNSIGNED NOT NULL COMMENT 'user who requested it',
  language      VARCHAR(8) CHARACTER SET ascii NOT NULL COMMENT 'zh-CN or en',
  content       MEDIUMTEXT NOT NULL COMMENT 'the report text as issued, shown again by the verification page',
  content_hash  BINARY(32) NOT NULL COMMENT 'BLAKE2b of the report content as issued',
  signature     BINARY(64) NOT NULL COMMENT 'Ed25519 signature over serial and content hash',
  PRIMARY KEY (serial),
  KEY ix_reports_subject (subject_id, issued_at),
  CONSTRAINT fk_reports_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='credit reports issued (Art. 34), verifiable by serial';

ALTER TABLE subjects
  ADD COLUMN uscc_override TINYINT(1) NOT NULL DEFAULT 0
      COMMENT '1 = an early pilot code that fails its check character, registered by staff on purpose (audited)',
  ADD KEY ix_subjects_district (district);

INSERT INTO catalog_items (code, kind, category, name_zh, name_en, legal_basis, min_public_days, max_public_days, repairable) VALUES
 ('tax_arrears', 'dishonesty', 'admin', '欠缴税款', 'Tax arrears', '《上海市社会信用条例》第九条第一项', 90, 1095, 1),
 ('social_insurance_arrears', 'dishonesty', 'admin', '欠缴社会保险费', 'Social insurance arrears', '《上海市社会信用条例》第九条第一项', 90, 1095, 1),
 ('fee_arrears', 'dishonesty', 'admin', '欠缴行政事业性收费、政府性基金', 'Arrears of administrative fees or government funds', '《上海市社会信用条例》第九条第一项', 90, 1095, 1),
 ('false_materials', 'dishonesty', 'admin', '提供虚假材料、隐瞒真实情况', 'False materials or concealed facts', '《上海市社会信用条例》第九条第二项', 180, 1095, 1),
 ('refuse_execution', 'dishonesty', 'judicial', '拒不执行生效法律文书', 'Refusal to execute an effective legal document', '《上海市社会信用条例》第九条第三项', 365, NULL, 1),
 ('admin_penalty', 'dishonesty', 'admin', '适用一般程序作出的行政处罚', 'Administrative penalty under the general procedure', '《上海市社会信用条例》第九条第四项', 90, 1095, 1),
 ('market_ban', 'dishonesty', 'admin', '市场禁入或行业禁入', 'Market or industry ban', '《上海市社会信用条例》第九条第五项', 365, NULL, 0),
 ('business_anomaly', 'dishonesty', 'anomaly', '列入经营异常名录', 'Listed as a business anomaly', '《上海市社会信用条例》第九条第六项', 0, 1095, 1),
 ('other_by_law', 'dishonesty', 'other', '法律、法规规定的其他事项', 'Other items provided by law', '《上海市社会信用条例》第九条第六项', 90, NULL, 1),
 ('honour_award', 'keep_faith', 'keep_faith', '表彰奖励', 'Commendation or award', '《上海市社会信用条例》第十条', 0, NULL, 0),
 ('a_grade_taxpayer', 'keep_faith', 'keep_faith', '纳税信用A级纳税人', 'Grade A taxpayer', '《上海市社会信用条例》第十条', 0, NULL, 0),
 ('contract_keeping', 'keep_faith', 'keep_faith', '守合同重信用企业', 'Contract-abiding and trustworthy enterprise', '《上海市社会信用条例》第十条', 0, NULL, 0);
