-- 0006_environmental_grades.sql — environmental credit colour grades
-- (Jiangsu practice, issue 4): annual rounds with indicator deductions from
-- 100 and veto rules, the dynamic 12-point score from dated events, the
-- half-year red/black snapshots for the differential electricity price. The
-- indicator list, veto rules, event types and thresholds are data the admin
-- edits at /admin/env; the defaults below are the common Jiangsu tables.

CREATE TABLE env_settings (
  id                TINYINT UNSIGNED NOT NULL COMMENT 'always 1: one scheme for the portal',
  annual_green_min  INT NOT NULL COMMENT 'annual rounds: lowest score graded green',
  annual_blue_min   INT NOT NULL COMMENT 'annual rounds: lowest score graded blue',
  annual_yellow_min INT NOT NULL COMMENT 'annual rounds: lowest score graded yellow',
  annual_red_min    INT NOT NULL COMMENT 'annual rounds: lowest score graded red; below it black',
  dyn_base          INT NOT NULL COMMENT 'dynamic scoring: points every enterprise starts with',
  dyn_max           INT NOT NULL COMMENT 'dynamic scoring: the score never exceeds this',
  dyn_green_min     INT NOT NULL COMMENT 'dynamic scoring: lowest score graded green',
  dyn_blue_min      INT NOT NULL COMMENT 'dynamic scoring: lowest score graded blue',
  dyn_yellow_min    INT NOT NULL COMMENT 'dynamic scoring: lowest score graded yellow',
  dyn_red_min       INT NOT NULL COMMENT 'dynamic scoring: lowest score graded red; below it black',
  publicity_days    INT NOT NULL COMMENT 'default publicity period of a round for objections, calendar days',
  red_price         DECIMAL(5,2) NOT NULL COMMENT 'electricity surcharge for red enterprises, yuan/kWh',
  black_price       DECIMAL(5,2) NOT NULL COMMENT 'electricity surcharge for black enterprises, yuan/kWh',
  updated_by        BIGINT UNSIGNED NULL COMMENT 'admin who last changed the scheme',
  updated_at        BIGINT NOT NULL COMMENT 'unix time of the last change',
  PRIMARY KEY (id),
  CONSTRAINT ck_env_settings_one CHECK (id = 1),
  CONSTRAINT ck_env_settings_annual CHECK (annual_green_min > annual_blue_min AND annual_blue_min > annual_yellow_min AND annual_yellow_min > annual_red_min),
  CONSTRAINT ck_env_settings_dyn CHECK (dyn_green_min > dyn_blue_min AND dyn_blue_min > dyn_yellow_min AND dyn_yellow_min > dyn_red_min)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='grade thresholds, dynamic base score, publicity period and price surcharges';

CREATE TABLE env_indicators (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  code        VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'stable key, e.g. discharge',
  name_zh     VARCHAR(100) NOT NULL COMMENT 'indicator in Chinese',
  name_en     VARCHAR(150) NOT NULL COMMENT 'indicator in English',
  max_points  INT NOT NULL COMMENT 'most points one deduction under this indicator may take',
  active      TINYINT(1) NOT NULL DEFAULT 1 COMMENT '0 = no new deductions (old ones keep their indicator)',
  PRIMARY KEY (id),
  UNIQUE KEY uq_env_indicators_code (code),
  CONSTRAINT ck_env_indicators_points CHECK (max_points BETWEEN 1 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='annual-round indicators under which points are deducted from 100';

CREATE TABLE env_veto_rules (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  code        VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'stable key, e.g. env_crime',
  name_zh     VARCHAR(100) NOT NULL COMMENT 'rule in Chinese',
  name_en     VARCHAR(150) NOT NULL COMMENT 'rule in English',
  grade       ENUM('green','blue','yellow','red','black') NOT NULL COMMENT 'grade forced regardless of the score (never an improvement)',
  active      TINYINT(1) NOT NULL DEFAULT 1 COMMENT '0 = no longer applied to new entries',
  PRIMARY KEY (id),
  UNIQUE KEY uq_env_veto_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='veto rules (一票否决): a finding that forces a grade';

CREATE TABLE env_event_types (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  code        VARCHAR(32) CHARACTER SET ascii NOT NULL COMMENT 'stable key, e.g. fine',
  name_zh     VARCHAR(100) NOT NULL COMMENT 'event type in Chinese',
  name_en     VARCHAR(150) NOT NULL COMMENT 'event type in English',
  points      INT NOT NULL COMMENT 'score change: -12..-1 for a violation, +1..+3 for a bonus',
  months      INT NOT NULL COMMENT 'months the change lasts; then the points come back',
  active      TINYINT(1) NOT NULL DEFAULT 1 COMMENT '0 = no new events of this type',
  PRIMARY KEY (id),
  UNIQUE KEY uq_env_event_types_code (code),
  CONSTRAINT ck_env_event_points CHECK (points BETWEEN -12 AND 3 AND points <> 0),
  CONSTRAINT ck_env_event_months CHECK (months BETWEEN 1 AND 60)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='dynamic scoring: violation types (deductions) and bonuses such as a signed commitment';

CREATE TABLE env_rounds (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  year            SMALLINT UNSIGNED NOT NULL COMMENT 'the year evaluated, e.g. 2025',
  scope           VARCHAR(100) NOT NULL COMMENT 'which enterprises, e.g. 市区非国控企业',
  period_from     DATE NOT NULL COMMENT 'first day of the evaluation period',
  period_to       DATE NOT NULL COMMENT 'last day of the evaluation period',
  status          ENUM('draft','publicity','published') NOT NULL DEFAULT 'draft' COMMENT 'draft (agency only) -> publicity (objections) -> published',
  publicity_from  DATE NULL COMMENT 'first day of the publicity period',
  publicity_to    DATE NULL COMMENT 'last day of the publicity period; publication only after it',
  published_on    DATE NULL COMMENT 'day the grades were published',
  created_by      BIGINT UNSIGNED NULL COMMENT 'env agency user who created it; NULL = demo data',
  created_at      BIGINT NOT NULL COMMENT 'unix time it was created',
  PRIMARY KEY (id),
  KEY ix_env_rounds_status (status, year),
  CONSTRAINT ck_env_rounds_period CHECK (period_to >= period_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='annual evaluation rounds';

CREATE TABLE env_entries (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  round_id      BIGINT UNSIGNED NOT NULL COMMENT 'the round',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'the graded enterprise',
  source        ENUM('form','import') NOT NULL COMMENT 'form: score = 100 less deductions; import: grade as given',
  score         INT NULL COMMENT 'score of the round (NULL when an import gave none)',
  base_grade    ENUM('green','blue','yellow','red','black') NOT NULL COMMENT 'grade from the score (or as imported) before any veto',
  veto_id       INT UNSIGNED NULL COMMENT 'veto rule applied, if any',
  veto_note     VARCHAR(300) NULL COMMENT 'the finding behind the veto (shown with the grade)',
  grade         ENUM('green','blue','yellow','red','black') NOT NULL COMMENT 'the grade: base grade, or the veto grade when worse',
  district      VARCHAR(50) NULL COMMENT 'district as evaluated (import column or the subject''s)',
  created_by    BIGINT UNSIGNED NULL COMMENT 'user who added it; NULL = demo data',
  created_at    BIGINT NOT NULL COMMENT 'unix time it was added',
  updated_at    BIGINT NOT NULL COMMENT 'unix time of the last change',
  PRIMARY KEY (id),
  UNIQUE KEY uq_env_entries_round_subject (round_id, subject_id),
  KEY ix_env_entries_subject (subject_id),
  KEY ix_env_entries_round_grade (round_id, grade),
  CONSTRAINT fk_env_entries_round FOREIGN KEY (round_id) REFERENCES env_rounds (id),
  CONSTRAINT fk_env_entries_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_env_entries_veto FOREIGN KEY (veto_id) REFERENCES env_veto_rules (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='one enterprise''s result in one round (the current version)';

CREATE TABLE env_deductions (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  entry_id      BIGINT UNSIGNED NOT NULL COMMENT 'the round entry',
  indicator_id  INT UNSIGNED NOT NULL COMMENT 'indicator deducted under',
  points        INT NOT NULL COMMENT 'points deducted from 100',
  note          VARCHAR(300) NOT NULL COMMENT 'the finding (document number, what happened)',
  created_by    BIGINT UNSIGNED NULL COMMENT 'user who entered it; NULL = demo data',
  created_at    BIGINT NOT NULL COMMENT 'unix time it was entered',
  PRIMARY KEY (id),
  KEY ix_env_deductions_entry (entry_id),
  CONSTRAINT fk_env_deductions_entry FOREIGN KEY (entry_id) REFERENCES env_entries (id),
  CONSTRAINT fk_env_deductions_indicator FOREIGN KEY (indicator_id) REFERENCES env_indicators (id),
  CONSTRAINT ck_env_deductions_points CHECK (points BETWEEN 1 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='indicator deductions of a round entry (removal is audited and, after the draft, kept in the grade history)';

CREATE TABLE env_grade_history (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  entry_id      BIGINT UNSIGNED NOT NULL COMMENT 'the entry that changed',
  round_id      BIGINT UNSIGNED NOT NULL COMMENT 'its round (copied for profile reads)',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'its enterprise (copied for profile reads)',
  grade         ENUM('green','blue','yellow','red','black') NOT NULL COMMENT 'the grade before the change',
  score         INT NULL COMMENT 'the score before the change',
  veto_id       INT UNSIGNED NULL COMMENT 'the veto before the change',
  reason        VARCHAR(300) NOT NULL COMMENT 'why it was corrected',
  replaced_by   BIGINT UNSIGNED NULL COMMENT 'user who corrected it',
  replaced_at   BIGINT NOT NULL COMMENT 'unix time of the correction',
  PRIMARY KEY (id),
  KEY ix_env_history_subject (subject_id, id),
  KEY ix_env_history_entry (entry_id),
  CONSTRAINT fk_env_history_entry FOREIGN KEY (entry_id) REFERENCES env_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='earlier grades of entries corrected during publicity or after publication; append-only';

CREATE TABLE env_dynamic_subjects (
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'enterprise under dynamic scoring',
  enrolled_on   DATE NOT NULL COMMENT 'first day it is scored (it starts at the base score)',
  created_by    BIGINT UNSIGNED NULL COMMENT 'user who enrolled it; NULL = demo data',
  created_at    BIGINT NOT NULL COMMENT 'unix time it was enrolled',
  PRIMARY KEY (subject_id),
  CONSTRAINT fk_env_dynamic_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='enterprises under dynamic scoring (Jiangsu since 2020)';

CREATE TABLE env_events (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'the enterprise',
  type_id       INT UNSIGNED NOT NULL COMMENT 'event type',
  points        INT NOT NULL COMMENT 'score change, copied from the type when recorded',
  decided_on    DATE NOT NULL COMMENT 'first day the change applies (decision or signing date)',
  until_on      DATE NOT NULL COMMENT 'day the points come back (decided_on + the type''s months)',
  doc_no        VARCHAR(100) NOT NULL COMMENT 'decision or commitment document number',
  note          VARCHAR(300) NULL COMMENT 'what happened',
  created_by    BIGINT UNSIGNED NULL COMMENT 'user who recorded it; NULL = demo data',
  created_at    BIGINT NOT NULL COMMENT 'unix time it was recorded',
  PRIMARY KEY (id),
  KEY ix_env_events_subject (subject_id, decided_on),
  CONSTRAINT fk_env_events_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
  CONSTRAINT fk_env_events_type FOREIGN KEY (type_id) REFERENCES env_event_types (id),
  CONSTRAINT ck_env_events_dates CHECK (until_on > decided_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='dynamic scoring: violations and bonuses with the time they last';

CREATE TABLE env_snapshots (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'internal id',
  as_of         DATE NOT NULL COMMENT 'last day of a half-year (30 June or 31 December)',
  red_price     DECIMAL(5,2) NOT NULL COMMENT 'surcharge for red enterprises at the time, yuan/kWh',
  black_price   DECIMAL(5,2) NOT NULL COMMENT 'surcharge for black enterprises at the time, yuan/kWh',
  created_by    BIGINT UNSIGNED NULL COMMENT 'user who produced it',
  created_at    BIGINT NOT NULL COMMENT 'unix time it was produced',
  PRIMARY KEY (id),
  UNIQUE KEY uq_env_snapshots_as_of (as_of)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='half-year grade snapshots for the differential electricity price; immutable';

CREATE TABLE env_snapshot_rows (
  snapshot_id   BIGINT UNSIGNED NOT NULL COMMENT 'the snapshot',
  subject_id    BIGINT UNSIGNED NOT NULL COMMENT 'the enterprise',
  uscc          CHAR(18) CHARACTER SET ascii NOT NULL COMMENT 'its USCC at the time',
  name          VARCHAR(200) NOT NULL COMMENT 'its name at the time',
  district      VARCHAR(50) NULL COMMENT 'its district at the time',
  grade         ENUM('green','blue','yellow','red','black') NOT NULL COMMENT 'its grade on as_of',
  score         INT NULL COMMENT 'its score on as_of (dynamic or round score)',
  basis         ENUM('dynamic','round') NOT NULL COMMENT 'dynamic score on the day, or the latest published round',
  PRIMARY KEY (snapshot_id, subject_id),
  KEY ix_env_snaprows_grade (snapshot_id, grade),
  CONSTRAINT fk_env_snaprows_snapshot FOREIGN KEY (snapshot_id) REFERENCES env_snapshots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='every graded enterprise in a snapshot; red and black form the price list';

-- The common tables (DESIGN.md §1, issue 4).
INSERT INTO env_settings (id, annual_green_min, annual_blue_min, annual_yellow_min, annual_red_min,
  dyn_base, dyn_max, dyn_green_min, dyn_blue_min, dyn_yellow_min, dyn_red_min, publicity_days,
  red_price, black_price, updated_at) VALUES
 (1, 95, 80, 65, 41, 9, 12, 11, 6, 3, 1, 15, 0.05, 0.10, UNIX_TIMESTAMP());

INSERT INTO env_indicators (code, name_zh, name_en, max_points) VALUES
 ('discharge', '污染物排放达标情况', 'Pollutant discharge compliance', 40),
 ('penalty', '环境行政处罚', 'Environmental administrative penalties', 30),
 ('complaint', '环境信访投诉', 'Verified environmental complaints', 10),
 ('management', '环境管理（台账、自行监测、信息公开）', 'Environmental management duties (records, self-monitoring, disclosure)', 20);

INSERT INTO env_veto_rules (code, name_zh, name_en, grade) VALUES
 ('env_crime', '因环境违法构成犯罪被追究刑事责任', 'Environmental crime prosecuted', 'black'),
 ('hidden_pipe', '私设暗管或以逃避监管方式排放污染物', 'Hidden discharge pipes or discharge evading supervision', 'black'),
 ('data_fraud', '篡改、伪造自动监测数据', 'Falsified automatic monitoring data', 'black'),
 ('no_eia', '未批先建（建设项目环评未经批准擅自开工）', 'Building without an approved EIA', 'red');

INSERT INTO env_event_types (code, name_zh, name_en, points, months) VALUES
 ('complaint', '经查实的环境信访投诉', 'Verified environmental complaint', -1, 3),
 ('overdue', '逾期未完成整改', 'Rectification not completed on time', -2, 6),
 ('fine', '环境行政处罚（罚款）', 'Environmental fine', -3, 6),
 ('limit_production', '责令限制生产', 'Order to limit production', -6, 12),
 ('stop_production', '责令停产整治', 'Order to stop production', -12, 12),
 ('commitment', '签署环境信用承诺书', 'Signed environmental credit commitment', 1, 12),
 ('model', '环境守法示范企业', 'Environmental compliance model enterprise', 2, 12);
