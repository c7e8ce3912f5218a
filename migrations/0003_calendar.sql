-- 0003_calendar.sql — the working-day calendar that deadlines count on
-- (Art. 36-38: objections and credit repair run in working days): public
-- holidays and adjusted working weekends (调休), as the State Council
-- publishes them each year. A year not in calendar_years counts weekends
-- only, and every deadline computed in it says so (app/rules/workdays.c).

CREATE TABLE calendar_days (
  day         DATE NOT NULL COMMENT 'the civil date (China Standard Time)',
  kind        ENUM('holiday','workday') NOT NULL
              COMMENT 'holiday = a non-working day; workday = a weekend day that is worked (调休上班)',
  name        VARCHAR(50) NOT NULL COMMENT 'what the day is, as published (春节, 国庆节调休上班)',
  updated_at  BIGINT NOT NULL COMMENT 'unix time the row was last written',
  updated_by  BIGINT UNSIGNED NULL COMMENT 'admin user who wrote it (NULL = shipped with a migration)',
  PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='days that differ from the Monday-Friday working week; any other day follows it';

CREATE TABLE calendar_years (
  year        SMALLINT UNSIGNED NOT NULL COMMENT 'a calendar year whose published list is complete in calendar_days',
  source      VARCHAR(200) NOT NULL COMMENT 'the notice it comes from, e.g. 国办发明电〔2024〕12号',
  loaded_at   BIGINT NOT NULL COMMENT 'unix time the year was loaded',
  loaded_by   BIGINT UNSIGNED NULL COMMENT 'admin user who imported it (NULL = shipped with a migration)',
  PRIMARY KEY (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='years whose holidays are loaded; deadlines in other years count weekends only';

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）.
-- The rows of ../shared/data/cn-calendar-2025-2026.csv; 2026 is also the import
-- example docs/examples/calendar-2026.csv.
INSERT INTO calendar_days (day, kind, name, updated_at, updated_by) VALUES
  ('2025-01-01', 'holiday', '元旦', UNIX_TIMESTAMP(), NULL),
  ('2025-01-26', 'workday', '春节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2025-01-28', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-01-29', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-01-30', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-01-31', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-02-01', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-02-02', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-02-03', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-02-04', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2025-02-08', 'workday', '春节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2025-04-04', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2025-04-05', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2025-04-06', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2025-04-27', 'workday', '劳动节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2025-05-01', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2025-05-02', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2025-05-03', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2025-05-04', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2025-05-05', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2025-05-31', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2025-06-01', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2025-06-02', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2025-09-28', 'workday', '国庆节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2025-10-01', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-02', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-03', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-04', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-05', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-06', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-07', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-08', 'holiday', '国庆节、中秋节', UNIX_TIMESTAMP(), NULL),
  ('2025-10-11', 'workday', '国庆节调休上班', UNIX_TIMESTAMP(), NULL);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）.
INSERT INTO calendar_days (day, kind, name, updated_at, updated_by) VALUES
  ('2026-01-01', 'holiday', '元旦', UNIX_TIMESTAMP(), NULL),
  ('2026-01-02', 'holiday', '元旦', UNIX_TIMESTAMP(), NULL),
  ('2026-01-03', 'holiday', '元旦', UNIX_TIMESTAMP(), NULL),
  ('2026-01-04', 'workday', '元旦调休上班', UNIX_TIMESTAMP(), NULL),
  ('2026-02-14', 'workday', '春节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2026-02-15', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-16', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-17', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-18', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-19', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-20', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-21', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-22', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-23', 'holiday', '春节', UNIX_TIMESTAMP(), NULL),
  ('2026-02-28', 'workday', '春节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2026-04-04', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2026-04-05', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2026-04-06', 'holiday', '清明节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-01', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-02', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-03', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-04', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-05', 'holiday', '劳动节', UNIX_TIMESTAMP(), NULL),
  ('2026-05-09', 'workday', '劳动节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2026-06-19', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2026-06-20', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2026-06-21', 'holiday', '端午节', UNIX_TIMESTAMP(), NULL),
  ('2026-09-20', 'workday', '国庆节调休上班', UNIX_TIMESTAMP(), NULL),
  ('2026-09-25', 'holiday', '中秋节', UNIX_TIMESTAMP(), NULL),
  ('2026-09-26', 'holiday', '中秋节', UNIX_TIMESTAMP(), NULL),
  ('2026-09-27', 'holiday', '中秋节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-01', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-02', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-03', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-04', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-05', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-06', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-07', 'holiday', '国庆节', UNIX_TIMESTAMP(), NULL),
  ('2026-10-10', 'workday', '国庆节调休上班', UNIX_TIMESTAMP(), NULL);

INSERT INTO calendar_years (year, source, loaded_at, loaded_by) VALUES
  (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', UNIX_TIMESTAMP(), NULL),
  (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', UNIX_TIMESTAMP(), NULL);
