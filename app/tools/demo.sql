-- demo.sql — synthetic Suzhou demo data (loaded once by app/tools/demo.sh into
-- an empty database). Names are invented; every USCC has a valid check
-- character. Later features add their own demo rows.
INSERT INTO subjects (id, uscc, name, kind, legal_rep, address, district, industry, established, reg_status, created_at) VALUES
 (1, '91320506AY4CL12THL', '苏州吴中精密机械有限公司', 'enterprise', '张伟', '苏州市吴中区木渎镇金枫路88号', '吴中区', '通用设备制造业', '2009-04-17', 'active', UNIX_TIMESTAMP()),
 (2, '913205053BJ1XG612A', '苏州虎丘纺织印染有限公司', 'enterprise', '李娜', '苏州市虎丘区浒墅关镇青花路12号', '虎丘区', '纺织业', '2003-09-02', 'active', UNIX_TIMESTAMP()),
 (3, '91320507DD272HD1TH', '苏州相城绿色建材股份有限公司', 'enterprise', '王强', '苏州市相城区黄埭镇春秋路6号', '相城区', '非金属矿物制品业', '2012-11-23', 'active', UNIX_TIMESTAMP()),
 (4, '91320508J3Y7LLJY1F', '苏州姑苏古城餐饮管理有限公司', 'enterprise', '刘洋', '苏州市姑苏区平江路101号', '姑苏区', '餐饮业', '2015-06-30', 'active', UNIX_TIMESTAMP()),
 (5, '91320571JJC171HU49', '苏州工业园区微电子科技有限公司', 'enterprise', '陈静', '苏州工业园区星湖街328号', '苏州工业园区', '计算机、通信和其他电子设备制造业', '2010-01-08', 'active', UNIX_TIMESTAMP()),
 (6, '913205839D4H3J9HT5', '昆山化工新材料有限公司', 'enterprise', '杨磊', '昆山市千灯镇石浦路19号', '昆山市', '化学原料和化学制品制造业', '2006-03-15', 'active', UNIX_TIMESTAMP());

INSERT INTO associations (id, uscc, name, industry, created_at) VALUES
 (1, '51320500MJ55512346', '苏州市机械工业协会', '通用设备制造业', UNIX_TIMESTAMP()),
 (2, '51320500MJ5559876C', '苏州市纺织行业协会', '纺织业', UNIX_TIMESTAMP());

-- Credit records of the named demo subjects: every kind of case the profile
-- shows (public, non-public, repaired, older than the 5-year window,
-- keep-faith), dated relative to today so the demo never goes stale.
INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, ended_on, summary, is_public, status, created_at, updated_at)
SELECT x.subject_id, c.id, x.agency, x.doc_no, CURDATE() - INTERVAL x.decided_days DAY,
       IF(x.ended_days IS NULL, NULL, CURDATE() - INTERVAL x.ended_days DAY),
       x.summary, x.is_public, x.status, UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
FROM (
  SELECT 1 AS subject_id, 'admin_penalty' AS code, '苏州市吴中生态环境局' AS agency, '苏环行罚字〔2025〕第0412号' AS doc_no, 400 AS decided_days, 380 AS ended_days, '超标排放废水，责令改正并处罚款人民币十二万元。' AS summary, 1 AS is_public, 'active' AS status
  UNION ALL SELECT 1, 'social_insurance_arrears', '苏州市吴中区社会保险基金管理中心', '吴社保催〔2024〕118号', 700, 600, '欠缴2023年第四季度社会保险费，已于催缴期满后补缴。', 0, 'active'
  UNION ALL SELECT 1, 'tax_arrears', '国家税务总局苏州市吴中区税务局', '吴税通〔2019〕77号', 2600, 2300, '欠缴增值税及滞纳金（已超过五年查询期限，不应显示）。', 1, 'active'
  UNION ALL SELECT 1, 'contract_keeping', '苏州市市场监督管理局', '苏市监〔2024〕守重字56号', 300, NULL, '2023年度“守合同重信用”企业。', 1, 'active'
  UNION ALL SELECT 2, 'admin_penalty', '苏州市生态环境局', '苏环行罚字〔2024〕第0088号', 900, 850, '印染废水未经处理直接排放，处罚款人民币五十万元。', 1, 'active'
  UNION ALL SELECT 2, 'refuse_execution', '苏州市虎丘区人民法院', '（2024）苏0505执1234号', 500, NULL, '拒不履行生效判决确定的给付义务。', 1, 'active'
  UNION ALL SELECT 2, 'false_materials', '苏州市虎丘区市场监督管理局', '虎市监处〔2023〕19号', 1200, 1150, '申请变更登记时提交虚假材料（已信用修复）。', 1, 'repaired'
  UNION ALL SELECT 3, 'business_anomaly', '苏州市相城区市场监督管理局', '相市监异〔2025〕302号', 200, NULL, '未按规定公示2024年度报告。', 1, 'active'
  UNION ALL SELECT 4, 'fee_arrears', '苏州市姑苏区城市管理局', '姑城管收〔2025〕45号', 150, 120, '欠缴城市生活垃圾处理费。', 1, 'active'
  UNION ALL SELECT 5, 'a_grade_taxpayer', '国家税务总局苏州工业园区税务局', '苏园税〔2025〕A级公告', 250, NULL, '2024年度纳税信用A级纳税人。', 1, 'active'
  UNION ALL SELECT 5, 'honour_award', '苏州工业园区管理委员会', '苏园管〔2025〕12号', 180, NULL, '园区优秀科技创新企业。', 1, 'active'
  UNION ALL SELECT 6, 'market_ban', '江苏省应急管理厅', '苏应急禁〔2022〕7号', 1400, NULL, '发生较大生产安全事故，三年内禁止从事危险化学品生产经营。', 1, 'active'
  UNION ALL SELECT 6, 'other_by_law', '昆山市消防救援大队', '昆消行罚决字〔2025〕0031号', 90, 60, '消防设施未保持完好有效。', 1, 'active'
) x JOIN catalog_items c ON c.code = x.code;

INSERT INTO serious_list (subject_id, agency, doc_no, reason, removal_conditions, remedy, responsible_persons, included_on, created_at) VALUES
 (2, '苏州市虎丘区人民法院', '（2024）苏0505执1234号', '有履行能力而拒不履行生效法律文书确定的义务，被列入失信被执行人名单。',
  '全部履行生效法律文书确定的义务，或与申请执行人达成执行和解并履行完毕后，由法院决定移出。',
  '对列入决定不服的，可向执行法院申请纠正；对纠正结果不服的，可向上一级法院申请复议。',
  '李娜（法定代表人）', CURDATE() - INTERVAL 480 DAY, UNIX_TIMESTAMP());

INSERT INTO commitments (subject_id, kind, title, body, published_on, created_at) VALUES
 (1, 'commitment', '环境信用承诺书', '本企业承诺严格遵守环境保护法律法规，按证排污，如实公开环境信息，接受社会监督。如有违反，愿意承担相应法律责任并接受失信惩戒。', CURDATE() - INTERVAL 30 DAY, UNIX_TIMESTAMP()),
 (5, 'declaration', '关于企业信息的声明', '本企业登记地址已于2025年迁至苏州工业园区星湖街328号，特此声明。', CURDATE() - INTERVAL 60 DAY, UNIX_TIMESTAMP());

-- Association ratings (0005): 苏州市机械工业协会 (association 1) uses the
-- national pilot's nine-level scale, has four members and rates three of
-- them; subject 5's rating expires within 30 days, subject 3 has a
-- superseded rating in its history. Certificate numbers follow README
-- "Association ratings" (year, 001, grade code, serial).
INSERT INTO rating_levels (association_id, rank_no, code, grade_code, description, created_at) VALUES
 (1, 1, 'AAA', '111', '信用很好', UNIX_TIMESTAMP()), (1, 2, 'AA', '011', '信用好', UNIX_TIMESTAMP()),
 (1, 3, 'A', '001', '信用较好', UNIX_TIMESTAMP()), (1, 4, 'BBB', '222', '信用一般', UNIX_TIMESTAMP()),
 (1, 5, 'BB', '022', '信用欠佳', UNIX_TIMESTAMP()), (1, 6, 'B', '002', '信用较差', UNIX_TIMESTAMP()),
 (1, 7, 'CCC', '333', '信用很差', UNIX_TIMESTAMP()), (1, 8, 'CC', '033', '信用极差', UNIX_TIMESTAMP()),
 (1, 9, 'C', '003', '没有信用', UNIX_TIMESTAMP());

INSERT INTO association_members (id, association_id, subject_id, joined_on, member_level, created_at) VALUES
 (1, 1, 1, '2012-05-10', '理事单位', UNIX_TIMESTAMP()),
 (2, 1, 3, '2015-03-01', '会员', UNIX_TIMESTAMP()),
 (3, 1, 5, '2011-09-20', '副会长单位', UNIX_TIMESTAMP()),
 (4, 1, 6, '2018-06-15', '会员', UNIX_TIMESTAMP());

INSERT INTO ratings (id, association_id, member_id, subject_id, level_id, valid_from, valid_to, cert_no, basis, measures, status, created_at, superseded_by, superseded_at, supersede_reason)
SELECT x.id, 1, x.member_id, x.subject_id, l.id, x.vf, x.vt,
       CONCAT(DATE_FORMAT(x.vf, '%Y'), '001', l.grade_code, LPAD(x.serial, 5, '0')),
       x.basis, x.measures, x.status, UNIX_TIMESTAMP(), x.sup_by,
       IF(x.sup_by IS NULL, NULL, UNIX_TIMESTAMP()), x.reason
FROM (
  SELECT 1 AS id, 1 AS member_id, 1 AS subject_id, 'AA' AS code, CURDATE() - INTERVAL 400 DAY AS vf,
         CURDATE() - INTERVAL 400 DAY + INTERVAL 3 YEAR - INTERVAL 1 DAY AS vt, 1 AS serial,
         '2024年度会员信用评价（财务、合同履约、质量管理）' AS basis, 'recommend' AS measures,
         'current' AS status, NULL AS sup_by, NULL AS reason
  UNION ALL SELECT 2, 3, 5, 'AAA', CURDATE() - INTERVAL 3 YEAR + INTERVAL 21 DAY, CURDATE() + INTERVAL 20 DAY, 2,
         '2023年度会员信用评价', 'recommend,promote', 'current', NULL, NULL
  UNION ALL SELECT 3, 2, 3, 'BBB', CURDATE() - INTERVAL 700 DAY, CURDATE() - INTERVAL 700 DAY + INTERVAL 3 YEAR - INTERVAL 1 DAY, 3,
         '2023年度会员信用评价', '', 'superseded', 4, '未按规定公示年度报告，经协会信用评价委员会复核降级'
  UNION ALL SELECT 4, 2, 3, 'B', CURDATE() - INTERVAL 150 DAY, CURDATE() - INTERVAL 150 DAY + INTERVAL 3 YEAR - INTERVAL 1 DAY, 4,
         '经营异常名录列入后复评', 'warning', 'current', NULL, NULL
) x JOIN rating_levels l ON l.association_id = 1 AND l.code = x.code;

INSERT INTO rating_serials (association_id, year, last_serial)
SELECT association_id, LEFT(cert_no, 4), MAX(CAST(RIGHT(cert_no, 5) AS UNSIGNED))
FROM ratings GROUP BY association_id, LEFT(cert_no, 4);

-- Environmental credit grades (0006): two published annual rounds of the
-- same scope (2024 imported, 2025 scored by indicator, subject 2 vetoed to
-- black) and dynamic scoring for subjects 1, 3 and 6, dated relative to
-- today. Current grades: 1 green (dynamic 12), 2 black (veto), 3 yellow
-- (dynamic 3, an older fine already restored), 4 blue, 5 green, 6 red
-- (dynamic 1). README "Environmental grades" describes the rules.
INSERT INTO env_rounds (id, year, scope, period_from, period_to, status, publicity_from, publicity_to, published_on, created_at) VALUES
 (1, 2024, '市区重点排污单位', '2024-01-01', '2024-12-31', 'published', CURDATE() - INTERVAL 420 DAY, CURDATE() - INTERVAL 406 DAY, CURDATE() - INTERVAL 400 DAY, UNIX_TIMESTAMP()),
 (2, 2025, '市区重点排污单位', '2025-01-01', '2025-12-31', 'published', CURDATE() - INTERVAL 60 DAY, CURDATE() - INTERVAL 46 DAY, CURDATE() - INTERVAL 40 DAY, UNIX_TIMESTAMP());

INSERT INTO env_entries (round_id, subject_id, source, score, base_grade, grade, district, created_at, updated_at) VALUES
 (1, 1, 'import', 90, 'blue', 'blue', '吴中区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (1, 2, 'import', 50, 'red', 'red', '虎丘区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (1, 3, 'import', 82, 'blue', 'blue', '相城区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (1, 4, 'import', 88, 'blue', 'blue', '姑苏区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (1, 5, 'import', 97, 'green', 'green', '苏州工业园区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (1, 6, 'import', 70, 'yellow', 'yellow', '昆山市', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 1, 'form', 96, 'green', 'green', '吴中区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 2, 'form', 72, 'yellow', 'black', '虎丘区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 3, 'form', 70, 'yellow', 'yellow', '相城区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 4, 'form', 85, 'blue', 'blue', '姑苏区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 5, 'form', 98, 'green', 'green', '苏州工业园区', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()),
 (2, 6, 'form', 55, 'red', 'red', '昆山市', UNIX_TIMESTAMP(), UNIX_TIMESTAMP());

UPDATE env_entries e JOIN env_veto_rules v ON v.code = 'hidden_pipe'
SET e.veto_id = v.id, e.veto_note = '苏环行罚字〔2024〕第0088号：私设暗管排放印染废水'
WHERE e.round_id = 2 AND e.subject_id = 2;

INSERT INTO env_deductions (entry_id, indicator_id, points, note, created_at)
SELECT e.id, i.id, x.points, x.note, UNIX_TIMESTAMP()
FROM (
  SELECT 1 AS subject_id, 'discharge' AS code, 4 AS points, '季度监督性监测一次超标' AS note
  UNION ALL SELECT 2, 'discharge', 20, '废水总排口多次超标'
  UNION ALL SELECT 2, 'penalty', 8, '苏环行罚字〔2024〕第0088号'
  UNION ALL SELECT 3, 'penalty', 20, '相环罚〔2025〕17号：粉尘无组织排放'
  UNION ALL SELECT 3, 'complaint', 5, '经查实的扬尘投诉'
  UNION ALL SELECT 3, 'management', 5, '危险废物台账不全'
  UNION ALL SELECT 4, 'management', 15, '油烟净化设施未定期清洗，无台账'
  UNION ALL SELECT 5, 'complaint', 2, '噪声投诉一起（已整改）'
  UNION ALL SELECT 6, 'discharge', 30, 'VOCs在线监测多次超标'
  UNION ALL SELECT 6, 'penalty', 15, '昆环罚〔2025〕203号'
) x JOIN env_entries e ON e.round_id = 2 AND e.subject_id = x.subject_id
JOIN env_indicators i ON i.code = x.code;

INSERT INTO env_dynamic_subjects (subject_id, enrolled_on, created_at) VALUES
 (1, CURDATE() - INTERVAL 400 DAY, UNIX_TIMESTAMP()),
 (3, CURDATE() - INTERVAL 400 DAY, UNIX_TIMESTAMP()),
 (6, CURDATE() - INTERVAL 400 DAY, UNIX_TIMESTAMP());

INSERT INTO env_events (subject_id, type_id, points, decided_on, until_on, doc_no, note, created_at)
SELECT x.subject_id, t.id, t.points, CURDATE() - INTERVAL x.days DAY,
       CURDATE() - INTERVAL x.days DAY + INTERVAL t.months MONTH, x.doc_no, x.note, UNIX_TIMESTAMP()
FROM (
  SELECT 1 AS subject_id, 'commitment' AS code, 30 AS days, '吴环承〔2026〕8号' AS doc_no, '签署企业环境信用承诺书' AS note
  UNION ALL SELECT 1, 'model', 60, '苏环示范〔2026〕2号', '评为环境守法示范企业'
  UNION ALL SELECT 3, 'fine', 300, '相环罚〔2025〕17号', '粉尘无组织排放，罚款（扣分已恢复）'
  UNION ALL SELECT 3, 'limit_production', 100, '相环限〔2025〕5号', '责令限制生产'
  UNION ALL SELECT 6, 'limit_production', 40, '昆环限〔2026〕3号', '责令限制生产'
  UNION ALL SELECT 6, 'overdue', 20, '昆环改〔2026〕11号', '逾期未完成整改'
) x JOIN env_event_types t ON t.code = x.code;
