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
