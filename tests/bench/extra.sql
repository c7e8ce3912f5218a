-- extra.sql — benchmark data beyond subjects and records (tests/bench/bench.sh
-- loads it once after app/tools/load.sh): one published annual environmental
-- round of 5,000 enterprises with a realistic colour mix (about 22 % green,
-- 56 % blue, 15 % yellow, 5 % red, 2 % black, as in Suzhou's published
-- rounds), and 20,000 members of the demo association (about 2 % of the
-- subjects) with a current rating each, spread over its nine-level scale.
-- Subject ids 1-100 are the named demo subjects and are left alone.
SET @now = UNIX_TIMESTAMP();

INSERT INTO env_rounds (year, scope, period_from, period_to, status, publicity_from,
    publicity_to, published_on, created_at)
VALUES (2025, '市区重点排污单位（基准测试数据）', '2025-01-01', '2025-12-31', 'published',
    '2026-03-02', '2026-03-16', '2026-03-20', @now);
SET @round = LAST_INSERT_ID();

INSERT INTO env_entries (round_id, subject_id, source, score, base_grade, grade, district,
    created_at, updated_at)
SELECT @round, id, 'form',
       CASE WHEN h < 22 THEN 97 WHEN h < 78 THEN 88 WHEN h < 93 THEN 72 WHEN h < 98 THEN 55 ELSE 35 END,
       CASE WHEN h < 22 THEN 'green' WHEN h < 78 THEN 'blue' WHEN h < 93 THEN 'yellow'
            WHEN h < 98 THEN 'red' ELSE 'black' END,
       CASE WHEN h < 22 THEN 'green' WHEN h < 78 THEN 'blue' WHEN h < 93 THEN 'yellow'
            WHEN h < 98 THEN 'red' ELSE 'black' END,
       district, @now, @now
FROM (SELECT id, district, (id * 7919) % 100 AS h FROM subjects
      WHERE id > 100 AND id % 200 = 7 AND kind = 'enterprise' LIMIT 5000) x;

INSERT INTO association_members (association_id, subject_id, joined_on, member_level, created_at)
SELECT 1, id, '2019-01-01' + INTERVAL (id % 1500) DAY, IF(id % 17 = 0, '理事单位', '会员'), @now
FROM subjects WHERE id > 100 AND id % 50 = 3 AND kind = 'enterprise' LIMIT 20000;

INSERT INTO ratings (association_id, member_id, subject_id, level_id, valid_from, valid_to,
    cert_no, basis, measures, status, created_at)
SELECT 1, m.id, m.subject_id, l.id, '2025-07-01', '2028-06-30',
       CONCAT('2025001', l.grade_code, LPAD(10000 + m.n, 5, '0')),
       '2025年度会员信用评价（基准测试数据）', IF(l.rank_no <= 2, 'recommend', ''), 'current', @now
FROM (SELECT id, subject_id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM association_members
      WHERE association_id = 1 AND subject_id > 100) m
JOIN rating_levels l ON l.association_id = 1
 AND l.rank_no = CASE WHEN m.n % 100 < 10 THEN 1 WHEN m.n % 100 < 35 THEN 2 WHEN m.n % 100 < 70 THEN 3
                      WHEN m.n % 100 < 88 THEN 4 WHEN m.n % 100 < 95 THEN 5 ELSE 6 + m.n % 4 END;

INSERT INTO rating_serials (association_id, year, last_serial)
SELECT 1, 2025, MAX(CAST(RIGHT(cert_no, 5) AS UNSIGNED)) FROM ratings WHERE association_id = 1 AND LEFT(cert_no, 4) = '2025'
ON DUPLICATE KEY UPDATE last_serial = GREATEST(last_serial, VALUES(last_serial));
