/* gendata.c — synthetic Suzhou credit data for the demo and the benchmark:
 * subjects, credit records, the serious-dishonesty list, commitments and
 * (with --grams) the name index, as tab-separated files for LOAD DATA LOCAL
 * INFILE. Standalone: libc and rules/uscc.c only; app/tools/load.sh runs it.
 *
 * Everything about one subject is a function of (seed, id, --today), so a
 * run is deterministic and the files are written in one pass at disk speed.
 * USCCs are unique by construction (see org_code), not by luck. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "rules/uscc.h"

/* The whole program; main() only calls it, so tests can run it in-process. */
int gendata_main(int argc, char **argv);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void die(const char *what, const char *arg) __attribute__((noreturn));

static void
die(const char *what, const char *arg)
{
	if (arg != NULL)
		fprintf(stderr, "gendata: %s: %s\n", what, arg);
	else
		fprintf(stderr, "gendata: %s\n", what);
	exit(1);
}

/* ---- Random numbers: splitmix64, one independent stream per (kind, id). */

enum { ST_SUBJECT = 1, ST_WEIGHT, ST_RECORDS, ST_EXTRA };

struct rng { uint64_t s; };

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_init(struct rng *r, uint64_t seed, unsigned stream, uint64_t id)
{
	r->s = mix64(mix64(seed * 0x9e3779b97f4a7c15ULL + stream) ^ (id * 0xd1b54a32d192ed03ULL));
}

static uint64_t
rng_next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix64(r->s);
}

/* Uniform in [0, n). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static uint32_t
rng_range(struct rng *r, uint32_t lo, uint32_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* ---- Dates as days since 1970-01-01 (H. Hinnant's civil algorithms). */

static int32_t
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
year_of(int32_t days)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	return y;
}

/* Unix time of a moment during office hours on a day, China time (UTC+8). */
static int64_t
unix_at(int32_t days, struct rng *r)
{
	return (int64_t)days * 86400 - 8 * 3600 + 9 * 3600 + rng_below(r, 9 * 3600);
}

/* ---- A bounded string builder (overflow is a bug in the tables: abort). */

struct sb { char *p; size_t n, cap; };

static void
sb_init(struct sb *b, char *buf, size_t cap)
{
	b->p = buf;
	b->n = 0;
	b->cap = cap;
	buf[0] = '\0';
}

static void
sb_mem(struct sb *b, const char *s, size_t len)
{
	if (b->n + len >= b->cap)
		die("internal error: generated text too long", b->p);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void
sb_put(struct sb *b, const char *s)
{
	sb_mem(b, s, strlen(s));
}

static void
sb_uint(struct sb *b, uint64_t v, int width)
{
	char t[24];
	int i = 0, j;
	char o[24];

	do {
		t[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (i < width && i < (int)sizeof(t))
		t[i++] = '0';
	for (j = 0; j < i; j++)
		o[j] = t[i - 1 - j];
	sb_mem(b, o, (size_t)i);
}

static void
sb_date(struct sb *b, int32_t days)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	sb_uint(b, (uint64_t)y, 4);
	sb_mem(b, "-", 1);
	sb_uint(b, (uint64_t)m, 2);
	sb_mem(b, "-", 1);
	sb_uint(b, (uint64_t)d, 2);
}

/* ---- Buffered TSV output in LOAD DATA's default format: fields end in a
 * tab, lines in \n, \N is NULL, and \ escapes tab, newline, CR, NUL and
 * itself. */

#define OUT_CAP (1u << 20)

struct out { FILE *f; char *path; char *buf; size_t n; };

static void
out_open(struct out *o, const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;

	o->path = malloc(len);
	o->buf = malloc(OUT_CAP);
	if (o->path == NULL || o->buf == NULL)
		die("out of memory", NULL);
	snprintf(o->path, len, "%s/%s", dir, name);
	o->n = 0;
	if ((o->f = fopen(o->path, "w")) == NULL)
		die(strerror(errno), o->path);
}

static void
out_flush(struct out *o)
{
	if (o->n > 0 && fwrite(o->buf, 1, o->n, o->f) != o->n)
		die(strerror(errno), o->path);
	o->n = 0;
}

static void
out_close(struct out *o)
{
	if (o->f == NULL)
		return;
	out_flush(o);
	if (fclose(o->f) != 0)
		die(strerror(errno), o->path);
	o->f = NULL;
	free(o->buf);
	free(o->path);
}

static void
out_need(struct out *o, size_t k)
{
	if (o->n + k > OUT_CAP)
		out_flush(o);
}

static void
out_mem(struct out *o, const char *s, size_t len)
{
	out_need(o, len);
	memcpy(o->buf + o->n, s, len);
	o->n += len;
}

static void
out_tab(struct out *o)
{
	out_need(o, 1);
	o->buf[o->n++] = '\t';
}

static void
out_nl(struct out *o)
{
	out_need(o, 1);
	o->buf[o->n++] = '\n';
}

static void
out_null(struct out *o)
{
	out_mem(o, "\\N", 2);
}

/* A text field, escaped. */
static void
out_text(struct out *o, const char *s)
{
	size_t len = strlen(s), i;
	char *p;

	out_need(o, 2 * len);
	p = o->buf + o->n;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		default: *p++ = (char)c; break;
		}
	}
	o->n = (size_t)(p - o->buf);
}

static void
out_uint(struct out *o, uint64_t v)
{
	char b[24];
	struct sb s;

	sb_init(&s, b, sizeof(b));
	sb_uint(&s, v, 1);
	out_mem(o, b, s.n);
}

static void
out_int(struct out *o, int64_t v)
{
	if (v < 0) {
		out_mem(o, "-", 1);
		out_uint(o, (uint64_t)(-v));
	} else {
		out_uint(o, (uint64_t)v);
	}
}

static void
out_date(struct out *o, int32_t days)
{
	char b[16];
	struct sb s;

	sb_init(&s, b, sizeof(b));
	sb_date(&s, days);
	out_mem(o, b, s.n);
}

/* ---- The world: districts of Suzhou, industries, people, agencies. */

struct district {
	const char *name;      /* subjects.district */
	const char *code;      /* administrative division code in the USCC */
	const char *gov;       /* prefix of addresses and of local agencies */
	const char *abbr;      /* prefix of document numbers */
	const char *env;       /* ecology and environment bureau */
	const char *court;     /* basic people's court */
	const char *court_no;  /* its case-number code */
	const char *tax;       /* tax bureau */
	const char *council;   /* people's government or administrative committee */
	const char *prefix[3]; /* place names that start company names */
	const char *towns[13]; /* towns and subdistricts, NULL-terminated */
	int weight;            /* share of subjects, in per cent-ish */
};

static const struct district districts[] = {
	{ "姑苏区", "320508", "苏州市姑苏区", "姑", "苏州市姑苏生态环境局", "苏州市姑苏区人民法院", "苏0508",
	  "国家税务总局苏州市姑苏区税务局", "苏州市姑苏区人民政府", { "苏州", "苏州市", "苏州姑苏" },
	  { "平江街道", "沧浪街道", "双塔街道", "金阊街道", "虎丘街道", "苏锦街道", "吴门桥街道", "白洋湾街道", NULL }, 5 },
	{ "虎丘区", "320505", "苏州市虎丘区", "虎", "苏州市虎丘生态环境局", "苏州市虎丘区人民法院", "苏0505",
	  "国家税务总局苏州高新技术产业开发区税务局", "苏州高新区管理委员会", { "苏州", "苏州高新区", "苏州市虎丘" },
	  { "狮山街道", "枫桥街道", "浒墅关镇", "通安镇", "东渚街道", "横塘街道", "镇湖街道", "浒通街道", NULL }, 7 },
	{ "吴中区", "320506", "苏州市吴中区", "吴", "苏州市吴中生态环境局", "苏州市吴中区人民法院", "苏0506",
	  "国家税务总局苏州市吴中区税务局", "苏州市吴中区人民政府", { "苏州", "苏州吴中", "苏州市吴中" },
	  { "木渎镇", "甪直镇", "胥口镇", "东山镇", "临湖镇", "光福镇", "金庭镇", "长桥街道", "郭巷街道", "越溪街道",
	    "横泾街道", "香山街道", NULL }, 11 },
	{ "相城区", "320507", "苏州市相城区", "相", "苏州市相城生态环境局", "苏州市相城区人民法院", "苏0507",
	  "国家税务总局苏州市相城区税务局", "苏州市相城区人民政府", { "苏州", "苏州相城", "苏州市相城" },
	  { "黄埭镇", "渭塘镇", "望亭镇", "阳澄湖镇", "北桥街道", "元和街道", "太平街道", "黄桥街道", "漕湖街道", NULL }, 8 },
	{ "吴江区", "320509", "苏州市吴江区", "吴江", "苏州市吴江生态环境局", "苏州市吴江区人民法院", "苏0509",
	  "国家税务总局苏州市吴江区税务局", "苏州市吴江区人民政府", { "苏州", "吴江", "苏州市吴江" },
	  { "松陵街道", "同里镇", "盛泽镇", "震泽镇", "平望镇", "黎里镇", "七都镇", "桃源镇", "江陵街道", "横扇街道", NULL }, 13 },
	{ "苏州工业园区", "320571", "苏州工业园区", "苏园", "苏州工业园区生态环境局", "苏州工业园区人民法院", "苏0591",
	  "国家税务总局苏州工业园区税务局", "苏州工业园区管理委员会", { "苏州", "苏州工业园区", "苏州园区" },
	  { "娄葑街道", "斜塘街道", "唯亭街道", "胜浦街道", "金鸡湖街道", NULL }, 14 },
	{ "常熟市", "320581", "常熟市", "常", "苏州市常熟生态环境局", "常熟市人民法院", "苏0581",
	  "国家税务总局常熟市税务局", "常熟市人民政府", { "常熟", "常熟市", "苏州" },
	  { "虞山街道", "常福街道", "琴川街道", "莫城街道", "碧溪街道", "梅李镇", "海虞镇", "古里镇", "沙家浜镇", "支塘镇",
	    "董浜镇", "尚湖镇", NULL }, 11 },
	{ "张家港市", "320582", "张家港市", "张", "苏州市张家港生态环境局", "张家港市人民法院", "苏0582",
	  "国家税务总局张家港市税务局", "张家港市人民政府", { "张家港", "张家港市", "苏州" },
	  { "杨舍镇", "塘桥镇", "金港街道", "锦丰镇", "乐余镇", "凤凰镇", "南丰镇", "大新镇", "后塍街道", NULL }, 10 },
	{ "昆山市", "320583", "昆山市", "昆", "苏州市昆山生态环境局", "昆山市人民法院", "苏0583",
	  "国家税务总局昆山市税务局", "昆山市人民政府", { "昆山", "昆山市", "苏州" },
	  { "玉山镇", "巴城镇", "周市镇", "陆家镇", "花桥镇", "淀山湖镇", "张浦镇", "周庄镇", "锦溪镇", "千灯镇", NULL }, 18 },
	{ "太仓市", "320585", "太仓市", "太", "苏州市太仓生态环境局", "太仓市人民法院", "苏0585",
	  "国家税务总局太仓市税务局", "太仓市人民政府", { "太仓", "太仓市", "苏州" },
	  { "城厢镇", "沙溪镇", "浏河镇", "浮桥镇", "璜泾镇", "双凤镇", "娄东街道", "陆渡街道", NULL }, 6 },
};

/* City-level bodies: some records come from them instead of the district's. */
static const struct district city = {
	"苏州市", "320500", "苏州市", "苏", "苏州市生态环境局", "苏州市中级人民法院", "苏05",
	"国家税务总局苏州市税务局", "苏州市人民政府", { "苏州", "苏州", "苏州" }, { NULL }, 0
};

/* Words that name the business, and the industry (national economic
 * classification, GB/T 4754) they belong to. */
struct industry { const char *word, *cls; int weight; };

static const struct industry industries[] = {
	{ "精密机械", "通用设备制造业", 40 }, { "机械设备", "通用设备制造业", 40 },
	{ "机电设备", "通用设备制造业", 25 }, { "自动化设备", "专用设备制造业", 30 },
	{ "智能装备", "专用设备制造业", 25 }, { "模具", "专用设备制造业", 20 },
	{ "医疗器械", "专用设备制造业", 12 }, { "电子科技", "计算机、通信和其他电子设备制造业", 45 },
	{ "电子", "计算机、通信和其他电子设备制造业", 30 }, { "光电科技", "计算机、通信和其他电子设备制造业", 15 },
	{ "半导体", "计算机、通信和其他电子设备制造业", 10 }, { "电气", "电气机械和器材制造业", 20 },
	{ "新能源科技", "电气机械和器材制造业", 18 }, { "光伏科技", "电气机械和器材制造业", 8 },
	{ "纺织", "纺织业", 30 }, { "丝绸", "纺织业", 12 }, { "印染", "纺织业", 8 },
	{ "服饰", "纺织服装、服饰业", 15 }, { "化工", "化学原料和化学制品制造业", 15 },
	{ "新材料", "化学原料和化学制品制造业", 20 }, { "塑胶", "橡胶和塑料制品业", 15 },
	{ "塑料制品", "橡胶和塑料制品业", 10 }, { "建材", "非金属矿物制品业", 15 },
	{ "金属制品", "金属制品业", 20 }, { "五金", "金属制品业", 20 }, { "钢结构", "金属制品业", 8 },
	{ "汽车零部件", "汽车制造业", 15 }, { "生物医药", "医药制造业", 10 }, { "生物科技", "医药制造业", 10 },
	{ "食品", "食品制造业", 12 }, { "家具", "家具制造业", 8 }, { "包装材料", "造纸和纸制品业", 10 },
	{ "印刷", "印刷和记录媒介复制业", 6 }, { "建设工程", "房屋建筑业", 20 },
	{ "建筑安装工程", "建筑安装业", 10 }, { "装饰工程", "建筑装饰、装修和其他建筑业", 20 },
	{ "房地产开发", "房地产业", 8 }, { "物业管理", "房地产业", 12 }, { "物流", "装卸搬运和仓储业", 25 },
	{ "运输", "道路运输业", 12 }, { "仓储", "装卸搬运和仓储业", 6 }, { "供应链管理", "商务服务业", 15 },
	{ "国际贸易", "批发业", 25 }, { "贸易", "批发业", 45 }, { "商贸", "批发业", 30 },
	{ "电子商务", "零售业", 15 }, { "汽车销售服务", "零售业", 6 }, { "餐饮管理", "餐饮业", 20 },
	{ "酒店管理", "住宿业", 6 }, { "信息技术", "软件和信息技术服务业", 30 },
	{ "软件", "软件和信息技术服务业", 15 }, { "网络科技", "互联网和相关服务", 20 },
	{ "数据科技", "软件和信息技术服务业", 8 }, { "智能科技", "软件和信息技术服务业", 25 },
	{ "环保科技", "生态保护和环境治理业", 15 }, { "环境工程", "生态保护和环境治理业", 8 },
	{ "人力资源", "商务服务业", 10 }, { "企业管理咨询", "商务服务业", 15 }, { "文化传媒", "文化艺术业", 15 },
	{ "广告", "商务服务业", 8 }, { "教育科技", "教育", 8 }, { "健康管理", "卫生", 6 },
	{ "检测技术", "专业技术服务业", 8 }, { "工程技术", "专业技术服务业", 10 },
	{ "农业科技", "农业", 6 }, { "园林绿化工程", "公共设施管理业", 8 }, { "投资管理", "资本市场服务", 6 },
	{ "融资租赁", "其他金融业", 3 },
};

struct suffix { const char *s; int weight; };

static const struct suffix suffixes[] = {
	{ "有限公司", 76 }, { "股份有限公司", 8 }, { "有限责任公司", 9 }, { "集团有限公司", 2 },
	{ "科技有限公司", 5 },
};

/* Individual businesses (个体工商户): shop word and industry. */
static const struct industry shops[] = {
	{ "五金店", "零售业", 3 }, { "便利店", "零售业", 4 }, { "小吃店", "餐饮业", 3 }, { "面馆", "餐饮业", 2 },
	{ "服装店", "零售业", 2 }, { "建材经营部", "批发业", 2 }, { "汽车修理厂", "机动车、电子产品和日用产品修理业", 2 },
	{ "理发店", "居民服务业", 2 }, { "水果店", "零售业", 2 }, { "日用品商店", "零售业", 2 },
	{ "电器维修部", "机动车、电子产品和日用产品修理业", 1 }, { "茶庄", "零售业", 1 }, { "烟酒店", "零售业", 2 },
	{ "快餐店", "餐饮业", 2 },
};

static const struct industry social_orgs[] = { /* 51: 社会团体, 52: 民办非企业单位 */
	{ "商会", "社会组织", 3 }, { "个体劳动者协会", "社会组织", 1 }, { "老年人协会", "社会组织", 1 },
	{ "幼儿园", "教育", 3 }, { "培训学校", "教育", 3 }, { "养老服务中心", "社会工作", 2 },
	{ "社会工作服务社", "社会工作", 1 },
};

static const struct industry institutions[] = {
	{ "实验小学", "教育", 3 }, { "中心小学", "教育", 3 }, { "中学", "教育", 2 },
	{ "社区卫生服务中心", "卫生", 2 }, { "文化体育站", "文化艺术业", 1 }, { "农业技术推广站", "农、林、牧、渔专业及辅助性活动", 1 },
};

static const struct industry coops[] = { /* 93: 农民专业合作社 */
	{ "水稻专业合作社", "农业", 3 }, { "蔬菜专业合作社", "农业", 2 }, { "水产养殖专业合作社", "渔业", 2 },
	{ "果品专业合作社", "农业", 1 }, { "苗木专业合作社", "林业", 1 }, { "农机专业合作社", "农、林、牧、渔专业及辅助性活动", 1 },
};

/* Characters of trade names (字号): a few hundred, so that 2-character
 * fragments recur the way they do in a real register. All are CJK Unified
 * Ideographs (U+4E00-9FA5): the name index relies on it (see write_grams). */
static const char trade_chars[] =
	"华鑫盛瑞恒丰泰宏达通远新亿源鼎腾博科创联合嘉诚信和德隆兴昌荣永安康利金银宝龙凤祥吉福顺海天宇星辰光明"
	"晨阳东南中美佳特力强伟立峰山江湖润泽洋澜汇聚众万千方圆正义仁智君豪杰英卓越精益品优尚雅致航翔飞跃奥凯"
	"迪威锐捷迅驰骏途升启晟昊旭昱晖煜烨炜灿耀辉煌皓晶莹璟瑾瑜琪琳珑玺璞钰铭锦绣彩虹云霞雪霖露溪泉涛浩淼沁涵"
	"清澄洁素朴真善挚恩惠慧颖聪敏道厚载硕茂林森松柏竹梅兰菊荷莲桂枫樟杉桐楠榕槐杨柳禾苗穗麦谷稻茶桑蚕丝纱"
	"罗缘园苑庭轩阁楼台亭桥港湾岛洲滨沙石岩峻岳巍崇嵩衡岱宸宁静逸悦欣乐怡喜庆贺祺禧泓澎汉唐宋元秦楚吴齐鲁"
	"燕赵徐苏杭沪锡扬镇淮盐连宿骐骋鹏鸿雁鹤鹰麒麟虎豹狮象鲲翼羽帆舟舰锋钢铁铜铝锌钛铸冠首魁甲乙丙丁戊己庚"
	"辛壬癸一二三九百亚欧非澳际环球旋胜友谊协同程景瀚浦弘毅固坚实诺承宜赛";

/* Surnames, most common first (weighted ~ 1/rank), and given-name characters. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
	"姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
	"俞缪浦费";
static const char given_chars[] =
	"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌宇浩凯鹏飞俊峰晨阳婷雪琳颖倩欣怡佳"
	"慧嘉欢子涵梓轩睿博思远志成海波春梅燕丹宁健鑫瑞龙云鸣亮晶露琪诚祥荣凤东林新民永福德贵金宝庆忠兵彬琦璐蕾"
	"薇菲芸莉洁晓晴岚振宏毅坤雯悦诗雨馨然泽楠";

static const char *const roads[] = {
	"金枫", "长江", "人民", "干将", "东环", "星湖", "现代", "中山", "富春江", "太湖", "澄湖", "宝带", "友新",
	"越溪", "东吴", "独墅湖", "金鸡湖", "苏虹", "星龙", "唯新", "青秋浦", "港田", "前进", "黄浦江", "朝阳",
	"紫竹", "香山", "灵岩", "胥江", "渔洋", "木林", "华山", "嵩山", "泰山", "珠江", "滨河", "运河", "衡山",
	"庐山", "长春", "新华", "建设", "解放", "工业", "科技", "创业", "兴业", "发展", "振兴", "和平", "青年",
	"迎宾", "锦绣", "春申", "华联", "石湖", "宝华", "通园", "金山", "娄江", "白塘", "春晖", "祖冲之", "钟园",
	"凤凰", "松陵", "盛泽", "震泽", "同里", "虞山", "海虞", "梅李", "华园", "港城", "暨阳", "沙洲", "南京",
	"上海", "北京", "东方", "江南", "阳澄湖", "蠡塘", "湖西", "苏州大道",
};

static const char *const road_kinds[] = { "路", "路", "路", "路", "路", "路", "街", "大道", "东路", "西路", "南路", "北路" };

static const char *const pollutants[] = {
	"化学需氧量", "氨氮", "二氧化硫", "氮氧化物", "挥发性有机物", "总磷", "颗粒物", "废水",
};

static const char *const quarters[] = { "一", "二", "三", "四" };

/* ---- Credit records: one row per kind of case, grouped by catalog item
 * (the ids 0002_credit_records.sql gives: 1-9 dishonesty, 10-12 keep-faith).
 * agency, doc and summary are templates (see expand). */

struct rcase { int item, weight; const char *agency, *doc, *summary; };

static const struct rcase rcases[] = {
	{ 1, 4, "{t}", "{a}税通〔{Y}〕{n}号", "欠缴{P}年度增值税{W}万元及滞纳金，经税务机关催告逾期未缴纳。" },
	{ 1, 3, "{t}", "{a}税通〔{Y}〕{n}号", "欠缴{P}年第{Q}季度企业所得税，经责令限期缴纳后逾期仍未缴纳。" },
	{ 1, 2, "{t}", "{a}税通〔{Y}〕{n}号", "欠缴城镇土地使用税和房产税共计{W}万元。" },
	{ 1, 1, "{t}", "{a}税通〔{Y}〕{n}号", "欠缴印花税及滞纳金，经催告逾期未缴纳。" },
	{ 2, 4, "{g}社会保险基金管理中心", "{a}社保催〔{Y}〕{n}号", "欠缴{P}年第{Q}季度社会保险费，涉及职工{K}人。" },
	{ 2, 3, "{g}社会保险基金管理中心", "{a}社保催〔{Y}〕{n}号", "欠缴{P}年度职工基本养老保险费和医疗保险费，经催缴逾期未缴。" },
	{ 2, 2, "{g}社会保险基金管理中心", "{a}社保催〔{Y}〕{n}号", "未按时足额缴纳{P}年度失业保险费，涉及职工{K}人。" },
	{ 3, 3, "{g}城市管理局", "{a}城管收〔{Y}〕{n}号", "欠缴城市生活垃圾处理费{W}万元。" },
	{ 3, 2, "{g}水务局", "{a}水收〔{Y}〕{n}号", "欠缴污水处理费，经催缴逾期未缴纳。" },
	{ 3, 1, "{g}自然资源和规划局", "{a}自然资规收〔{Y}〕{n}号", "欠缴土地闲置费{W}万元。" },
	{ 4, 4, "{g}市场监督管理局", "{a}市监处〔{Y}〕{n}号", "申请变更登记时提交虚假材料，隐瞒真实情况。" },
	{ 4, 2, "{g}科学技术局", "{a}科处〔{Y}〕{n}号", "申报{P}年度高新技术企业认定时提供虚假材料。" },
	{ 4, 2, "{e}", "{a}环罚〔{Y}〕{n}号", "申请排污许可证时隐瞒有关情况、提供虚假材料。" },
	{ 4, 1, "{g}财政局", "{a}财购处〔{Y}〕{n}号", "在政府采购活动中提供虚假材料谋取中标。" },
	{ 4, 1, "{g}人力资源和社会保障局", "{a}人社处〔{Y}〕{n}号", "申领稳岗补贴时提供虚假材料。" },
	{ 5, 5, "{j}", "（{Y}）{c}执{L}号", "有履行能力而拒不履行生效判决确定的给付义务，涉案金额{W}万元。" },
	{ 5, 3, "{j}", "（{Y}）{c}执{L}号", "拒不履行生效民事调解书确定的还款义务。" },
	{ 5, 1, "{j}", "（{Y}）{c}执{L}号", "违反财产报告制度，拒不申报财产。" },
	{ 5, 1, "{j}", "（{Y}）{c}执{L}号", "以隐匿、转移财产等方法规避执行。" },
	{ 6, 8, "{e}", "苏环行罚字〔{Y}〕第{m}号", "超标排放{X}，责令改正并处罚款人民币{W}万元。" },
	{ 6, 4, "{e}", "苏环行罚字〔{Y}〕第{m}号", "未依法进行环境影响评价擅自开工建设，处罚款人民币{W}万元。" },
	{ 6, 4, "{e}", "苏环行罚字〔{Y}〕第{m}号", "危险废物贮存、转移不规范，处罚款人民币{W}万元。" },
	{ 6, 4, "{e}", "苏环行罚字〔{Y}〕第{m}号", "未按规定运行废气污染防治设施，处罚款人民币{W}万元。" },
	{ 6, 2, "{e}", "苏环行罚字〔{Y}〕第{m}号", "通过暗管偷排生产废水，处罚款人民币{W}万元，并移送公安机关。" },
	{ 6, 4, "{g}市场监督管理局", "{a}市监案处字〔{Y}〕{n}号", "销售不符合食品安全标准的食品，没收违法所得并处罚款人民币{W}万元。" },
	{ 6, 4, "{g}市场监督管理局", "{a}市监案处字〔{Y}〕{n}号", "发布虚假广告，责令停止发布并处罚款人民币{W}万元。" },
	{ 6, 4, "{g}市场监督管理局", "{a}市监案处字〔{Y}〕{n}号", "生产销售不合格产品，没收违法所得并处罚款人民币{W}万元。" },
	{ 6, 2, "{g}市场监督管理局", "{a}市监案处字〔{Y}〕{n}号", "使用未经定期检验的特种设备，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}市场监督管理局", "{a}市监案处字〔{Y}〕{n}号", "侵犯注册商标专用权，没收侵权商品并处罚款人民币{W}万元。" },
	{ 6, 4, "{g}应急管理局", "（{a}）应急罚〔{Y}〕{n}号", "未按规定对从业人员进行安全生产教育和培训，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}应急管理局", "（{a}）应急罚〔{Y}〕{n}号", "未对重大危险源登记建档并定期检测，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}应急管理局", "（{a}）应急罚〔{Y}〕{n}号", "未采取措施消除事故隐患，责令停产停业整顿并处罚款人民币{W}万元。" },
	{ 6, 4, "{g}消防救援大队", "{a}消行罚决字〔{Y}〕{m}号", "消防设施、器材未保持完好有效，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}消防救援大队", "{a}消行罚决字〔{Y}〕{m}号", "占用、堵塞、封闭疏散通道和安全出口，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}消防救援大队", "{a}消行罚决字〔{Y}〕{m}号", "未经消防验收擅自投入使用，责令停止使用并处罚款人民币{W}万元。" },
	{ 6, 2, "{g}住房和城乡建设局", "{a}建罚〔{Y}〕{n}号", "未取得施工许可证擅自施工，责令停止施工并处罚款人民币{W}万元。" },
	{ 6, 2, "{g}住房和城乡建设局", "{a}建罚〔{Y}〕{n}号", "违反工程建设强制性标准，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}交通运输局", "{a}交罚〔{Y}〕{n}号", "货运车辆违法超限运输，处罚款人民币{W}万元。" },
	{ 6, 2, "{g}交通运输局", "{a}交罚〔{Y}〕{n}号", "未取得道路运输经营许可擅自从事道路运输经营，处罚款人民币{W}万元。" },
	{ 6, 2, "{t}", "{a}税罚〔{Y}〕{n}号", "少申报缴纳税款，处少缴税款百分之五十的罚款，计人民币{W}万元。" },
	{ 6, 2, "{t}", "{a}税罚〔{Y}〕{n}号", "未按规定开具发票，处罚款人民币{W}万元。" },
	{ 7, 2, "江苏省应急管理厅", "苏应急禁〔{Y}〕{n}号", "发生较大生产安全事故，{N}年内禁止从事相关生产经营活动。" },
	{ 7, 2, "苏州市财政局", "苏财购禁〔{Y}〕{n}号", "因严重违法行为被禁止参加政府采购活动{N}年。" },
	{ 7, 1, "苏州市市场监督管理局", "苏市监禁〔{Y}〕{n}号", "主要负责人被依法实施行业禁入，{N}年内不得担任相关职务。" },
	{ 8, 5, "{g}市场监督管理局", "{a}市监异〔{Y}〕{n}号", "未按规定公示{P}年度报告。" },
	{ 8, 3, "{g}市场监督管理局", "{a}市监异〔{Y}〕{n}号", "通过登记的住所或者经营场所无法联系。" },
	{ 8, 1, "{g}市场监督管理局", "{a}市监异〔{Y}〕{n}号", "公示企业信息隐瞒真实情况、弄虚作假。" },
	{ 8, 1, "{g}市场监督管理局", "{a}市监异〔{Y}〕{n}号", "未在责令的期限内公示有关企业信息。" },
	{ 9, 3, "{g}人力资源和社会保障局", "{a}人社监令〔{Y}〕{n}号", "拖欠{K}名劳动者工资，经责令限期支付逾期未支付。" },
	{ 9, 2, "{g}人力资源和社会保障局", "{a}人社监令〔{Y}〕{n}号", "未依法与劳动者订立书面劳动合同，经责令改正拒不改正。" },
	{ 9, 2, "{g}统计局", "{a}统罚〔{Y}〕{n}号", "未按规定报送{P}年度统计资料。" },
	{ 9, 1, "{g}统计局", "{a}统罚〔{Y}〕{n}号", "提供不真实统计资料，处罚款人民币{W}万元。" },
	{ 10, 2, "{u}", "{a}政发〔{Y}〕{n}号", "荣获{P}年度科技创新先进企业称号。" },
	{ 10, 2, "苏州市人民政府", "苏府〔{Y}〕{n}号", "获评{P}年度苏州市文明单位。" },
	{ 10, 1, "江苏省市场监督管理局", "苏市监质〔{Y}〕{n}号", "荣获{P}年度江苏省质量信用AA级企业。" },
	{ 10, 1, "苏州市人力资源和社会保障局", "苏人社〔{Y}〕{n}号", "获评{P}年度苏州市和谐劳动关系企业。" },
	{ 10, 2, "江苏省工业和信息化厅", "苏工信中小〔{Y}〕{n}号", "被认定为{P}年度江苏省专精特新中小企业。" },
	{ 11, 1, "{t}", "{a}税公告〔{Y}〕{n}号", "{P}年度纳税信用A级纳税人。" },
	{ 12, 3, "苏州市市场监督管理局", "苏市监〔{Y}〕守重字{n}号", "{P}年度“守合同重信用”企业。" },
	{ 12, 1, "苏州市市场监督管理局", "苏市监〔{Y}〕守重字{n}号", "连续{N}年被公示为“守合同重信用”企业。" },
};

#define N_ITEMS 12

/* Per catalog item: share of records (per mille), shortest publicity period
 * in days and repairability (as in 0002), and the share kept non-public. */
static const struct { int permille, min_days, repairable; double private_p; } items[N_ITEMS + 1] = {
	{ 0, 0, 0, 0 },
	{ 90, 90, 1, 0.15 }, { 80, 90, 1, 0.35 }, { 40, 90, 1, 0.15 }, { 30, 180, 1, 0.06 },
	{ 80, 365, 1, 0.06 }, { 340, 90, 1, 0.06 }, { 4, 365, 0, 0.06 }, { 190, 0, 1, 0.06 },
	{ 26, 90, 1, 0.06 }, { 40, 0, 0, 0.02 }, { 50, 0, 0, 0.02 }, { 30, 0, 0, 0.02 },
};

/* The serious-dishonesty list (Art. 25, 33). */
struct scase { int weight; const char *agency, *doc, *reason, *removal, *remedy; };

static const char remedy_admin[] = "对列入决定不服的，可自知道该决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。";

static const struct scase scases[] = {
	{ 5, "{j}", "（{Y}）{c}执{L}号",
	  "有履行能力而拒不履行生效法律文书确定的义务，被人民法院依法纳入失信被执行人名单。",
	  "全部履行生效法律文书确定的义务，或与申请执行人达成执行和解并履行完毕后，由人民法院决定移出。",
	  "对纳入决定不服的，可向执行法院申请纠正；对纠正结果不服的，可自决定作出之日起十日内向上一级人民法院申请复议。" },
	{ 2, "国家税务总局苏州市税务局稽查局", "苏税稽罚〔{Y}〕{n}号",
	  "虚开增值税专用发票，查补税款金额较大，被确定为重大税收违法失信主体。",
	  "自公布之日起满三年停止公布；按规定缴清税款、滞纳金和罚款的，可申请提前停止公布。", remedy_admin },
	{ 2, "{e}", "苏环信〔{Y}〕{n}号",
	  "通过暗管、渗井等逃避监管的方式违法排放污染物，受到重大行政处罚，被列入环境严重失信名单。",
	  "自列入之日起满三年，已履行行政处罚决定并完成整改的，经申请并核查后移出。", remedy_admin },
	{ 1, "{g}应急管理局", "（{a}）应急失信〔{Y}〕{n}号",
	  "发生生产安全责任事故造成{N}人死亡，被列入安全生产严重失信主体名单。",
	  "自列入之日起满三年且未再发生生产安全责任事故，经申请并核查后移出。", remedy_admin },
	{ 1, "{g}人力资源和社会保障局", "{a}人社失信〔{Y}〕{n}号",
	  "拖欠{K}名农民工工资，数额较大，经责令限期支付后逾期仍未支付，被列入拖欠农民工工资失信联合惩戒对象名单。",
	  "已全部清偿拖欠工资，或自列入之日起满三年且未再发生拖欠农民工工资行为的，经申请后移出。", remedy_admin },
	{ 1, "{g}市场监督管理局", "{a}市监严失〔{Y}〕{n}号",
	  "生产销售不符合食品安全标准的食品，情节严重，被列入市场监督管理严重违法失信名单。",
	  "自列入之日起满三年，已履行行政处罚决定且未再受到较重行政处罚的，可申请提前移出。", remedy_admin },
};

/* Commitments and declarations (Art. 13). */
struct ccase { int weight; const char *kind, *title, *body; };

static const struct ccase ccases[] = {
	{ 4, "commitment", "信用承诺书", "本单位郑重承诺：所提供的材料真实、准确、完整，严格遵守国家法律法规，依法诚信经营，自觉接受政府、行业组织、社会公众和新闻舆论的监督。如违背承诺，愿意承担相应的法律责任和失信惩戒。" },
	{ 2, "commitment", "环境信用承诺书", "本企业承诺严格遵守环境保护法律法规，按证排污，如实公开环境信息，接受社会监督。如有违反，愿意承担相应法律责任并接受失信惩戒。" },
	{ 2, "commitment", "安全生产承诺书", "本企业承诺落实安全生产主体责任，健全全员安全生产责任制，定期开展隐患排查治理，保障从业人员的安全与健康。" },
	{ 1, "commitment", "产品质量承诺书", "本企业承诺严格执行产品质量标准，不生产、销售假冒伪劣产品，对所售产品的质量承担全部责任。" },
	{ 1, "commitment", "依法纳税承诺书", "本企业承诺依法如实申报纳税，按期足额缴纳各项税款，不偷税、不逃税、不虚开发票。" },
	{ 1, "declaration", "关于企业信息的声明", "{o}的登记地址已变更为{d}，特此声明。" },
	{ 1, "declaration", "关于遗失营业执照副本的声明", "{o}营业执照副本不慎遗失，统一社会信用代码{s}，特此声明作废。" },
	{ 1, "declaration", "关于法定代表人变更的声明", "{o}的法定代表人已依法变更为{r}，特此声明。" },
	{ 1, "self_report", "{P}年度企业信用信息自主申报", "{o}{P}年度的营业收入、纳税、社会保险缴纳及获得荣誉等信息已如实申报，如有不实，愿承担相应责任。" },
	{ 1, "self_report", "{P}年度社会责任报告", "{o}{P}年度依法纳税，提供就业岗位{K}个，积极参与公益活动，持续推进节能减排。" },
};

/* ---- Generator state. */

enum kind { K_ENTERPRISE, K_INDIVIDUAL, K_SOCIAL, K_INSTITUTION, K_OTHER };

static const char *const kind_names[] = { "enterprise", "individual_business", "social_org", "institution", "other" };

struct subject {
	uint64_t id;
	const struct district *d;
	enum kind kind;
	char uscc[USCC_LEN + 1];
	char name[400];
	char rep[32];
	char address[400];
	const char *industry;
	int32_t established;
	const char *reg_status;
};

/* The name index, built in memory and written sorted (see write_grams). */
struct gramidx {
	uint64_t *slot_key;   /* open-addressing hash: key -> gram number; 0 = empty */
	uint32_t *slot_val;
	size_t cap, n;
	uint64_t *keys;       /* gram number -> key */
	size_t keys_cap;
	uint32_t *list;       /* gram numbers of every subject, in id order */
	size_t nlist, list_cap;
	unsigned char *per;   /* how many grams each subject has */
};

struct gen {
	uint64_t nsubj, nrec, seed, first_id, first_rec, first_serious, first_commit;
	int32_t today;
	int64_t now;
	int grams;
	const char *dir;
	struct out subj, rec, serious, commit;
	uint64_t rec_id, serious_id, commit_id;
	uint32_t *weights;       /* record weight of each subject */
	unsigned __int128 wsum;  /* their sum */
	unsigned __int128 wcum;  /* running sum while writing */
	uint64_t rec_done;
	int case_first[N_ITEMS + 1], case_end[N_ITEMS + 1], case_total[N_ITEMS + 1];
	struct gramidx gi;
	size_t n_trade, n_surname, n_given;
	double sur_total;
};

/* ---- Templates. {x} placeholders: place (g gov, a doc abbreviation, t tax
 * bureau, e environment bureau, j court, c court code, u council), numbers
 * (Y year decided, P year before it, n doc number, m 4-digit doc number,
 * L court case number, W amount in 10k yuan, K people, N 2-5, Q quarter,
 * X pollutant) and the subject (o name, d address, s USCC, r legal rep). */

struct ctx {
	const struct district *d;
	const struct subject *s;
	int year;
	struct rng *r;
};

static void
expand(struct sb *b, const char *t, const struct ctx *c)
{
	const char *p;

	while ((p = strchr(t, '{')) != NULL && p[1] != '\0' && p[2] == '}') {
		sb_mem(b, t, (size_t)(p - t));
		switch (p[1]) {
		case 'g': sb_put(b, c->d->gov); break;
		case 'a': sb_put(b, c->d->abbr); break;
		case 't': sb_put(b, c->d->tax); break;
		case 'e': sb_put(b, c->d->env); break;
		case 'j': sb_put(b, c->d->court); break;
		case 'c': sb_put(b, c->d->court_no); break;
		case 'u': sb_put(b, c->d->council); break;
		case 'Y': sb_uint(b, (uint64_t)c->year, 4); break;
		case 'P': sb_uint(b, (uint64_t)(c->year - 1), 4); break;
		case 'n': sb_uint(b, rng_range(c->r, 1, 999), 1); break;
		case 'm': sb_uint(b, rng_range(c->r, 1, 2400), 4); break;
		case 'L': sb_uint(b, rng_range(c->r, 1, 19999), 1); break;
		case 'W': {
			/* Thousands of yuan, mostly small: 0.1 to 200 (10k yuan). */
			double u = rng_unit(c->r);
			uint32_t k = 1 + (uint32_t)(2000.0 * u * u * u * u * u);
			if (k >= 10 && k % 10 == 0)
				sb_uint(b, k / 10, 1);
			else if (k < 10) {
				sb_put(b, "0.");
				sb_uint(b, k, 1);
			} else {
				sb_uint(b, k / 10, 1);
				sb_mem(b, ".", 1);
				sb_uint(b, k % 10, 1);
			}
			break;
		}
		case 'K': sb_uint(b, rng_range(c->r, 3, 160), 1); break;
		case 'N': sb_uint(b, rng_range(c->r, 2, 5), 1); break;
		case 'Q': sb_put(b, quarters[rng_below(c->r, 4)]); break;
		case 'X': sb_put(b, pollutants[rng_below(c->r, NELEM(pollutants))]); break;
		case 'o': sb_put(b, c->s->name); break;
		case 'd': sb_put(b, c->s->address); break;
		case 's': sb_put(b, c->s->uscc); break;
		case 'r': sb_put(b, c->s->rep); break;
		default: die("internal error: bad template", t);
		}
		t = p + 3;
	}
	sb_put(b, t);
}

/* ---- Subjects. */

/* The i-th character of a string of 3-byte UTF-8 characters. */
static void
sb_char3(struct sb *b, const char *chars, size_t i)
{
	sb_mem(b, chars + 3 * i, 3);
}

static const struct industry *
pick_industry(struct rng *r, const struct industry *t, size_t n)
{
	int total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += t[i].weight;
	x = (int)rng_below(r, (uint32_t)total);
	for (i = 0; i + 1 < n; i++) {
		if (x < t[i].weight)
			break;
		x -= t[i].weight;
	}
	return &t[i];
}

static const struct district *
pick_district(struct rng *r)
{
	int total = 0, x;
	size_t i;

	for (i = 0; i < NELEM(districts); i++)
		total += districts[i].weight;
	x = (int)rng_below(r, (uint32_t)total);
	for (i = 0; i + 1 < NELEM(districts); i++) {
		if (x < districts[i].weight)
			break;
		x -= districts[i].weight;
	}
	return &districts[i];
}

static void
person_name(struct gen *g, struct rng *r, struct sb *b)
{
	/* Surname weight 1/(rank + 4), by inverse transform on the harmonic sum. */
	double x = rng_unit(r) * g->sur_total;
	size_t i;

	for (i = 0; i + 1 < g->n_surname; i++) {
		x -= 1.0 / (double)(i + 4);
		if (x < 0)
			break;
	}
	sb_char3(b, surnames, i);
	sb_char3(b, given_chars, rng_below(r, (uint32_t)g->n_given));
	if (rng_chance(r, 0.7))
		sb_char3(b, given_chars, rng_below(r, (uint32_t)g->n_given));
}

static void
town_short(struct sb *b, const char *town)
{
	size_t len = strlen(town);

	if (len > 6 && strcmp(town + len - 6, "街道") == 0)
		len -= 6;
	else if (len > 3 && strcmp(town + len - 3, "镇") == 0)
		len -= 3;
	sb_mem(b, town, len);
}

static void
trade_name(struct gen *g, struct rng *r, struct sb *b)
{
	sb_char3(b, trade_chars, rng_below(r, (uint32_t)g->n_trade));
	sb_char3(b, trade_chars, rng_below(r, (uint32_t)g->n_trade));
	if (rng_chance(r, 0.12))
		sb_char3(b, trade_chars, rng_below(r, (uint32_t)g->n_trade));
}

/* GB 11714 check character of an 8-character organisation code. */
static char
gb11714_check(const char *s)
{
	static const int w[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	int i, sum = 0, c;

	for (i = 0; i < 8; i++)
		sum += w[i] * (s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10);
	c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

/* A bijection on [0, h * h): a 4-round Feistel network over two base-h
 * halves. The round keys are constants, not the seed: codes made by
 * different runs (ids continue across runs) must never collide. */
static uint64_t
feistel(uint64_t x, uint64_t h)
{
	uint64_t l = x / h, r = x % h, t;
	int i;

	for (i = 0; i < 4; i++) {
		t = r;
		r = (l + mix64(r * 8 + (uint64_t)i + 0x5cc0de5eedULL) % h) % h;
		l = t;
	}
	return l * h + r;
}

static const char ualpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

#define DIGITS_SPACE 100000000ULL           /* 10^8 */
#define MA_HALF      29791ULL               /* 31^3 */
#define MA_SPACE     (MA_HALF * MA_HALF)    /* 31^6 */

/* The 9-character organisation-code part of the USCC, unique per id:
 * subjects registered before the 2015 reform keep an old-style 8-digit code,
 * later ones get "MA" (social organisations "MJ") + 6 characters, as real
 * codes do. Each family is a bijection of the id, and the families differ
 * in their first two characters (digit/digit, M/A, M/J), so no two ids share
 * a code; none of them can equal the fixed demo codes (AY4CL12T, 3BJ1XG61,
 * DD272HD1, J3Y7LLJY, JJC171HU, 9D4H3J9H: letters, and not MA/MJ). */
static void
org_code(uint64_t id, int modern, int social, char out[9])
{
	uint64_t v;
	int i;

	if (!modern && id < DIGITS_SPACE) {
		v = feistel(id, 10000);
		for (i = 7; i >= 0; i--) {
			out[i] = (char)('0' + v % 10);
			v /= 10;
		}
	} else {
		if (id >= MA_SPACE)
			die("subject id too large for a synthetic USCC", NULL);
		v = feistel(id, MA_HALF);
		out[0] = 'M';
		out[1] = social ? 'J' : 'A';
		for (i = 7; i >= 2; i--) {
			out[i] = ualpha[v % 31];
			v /= 31;
		}
	}
	out[8] = gb11714_check(out);
}

static void
make_uscc(struct subject *s)
{
	static const char *const head[] = { "91", "92", "52", "12", "93" };
	const char *h = head[s->kind];
	char org[9];

	if (s->kind == K_SOCIAL && (s->id & 1))
		h = "51";
	memcpy(s->uscc, h, 2);
	memcpy(s->uscc + 2, s->d->code, 6);
	org_code(s->id, s->established >= days_from_civil(2015, 10, 1), s->kind == K_SOCIAL, org);
	memcpy(s->uscc + 8, org, 9);
	s->uscc[17] = uscc_check_char(s->uscc);
	s->uscc[18] = '\0';
	if (s->uscc[17] == 0)
		die("internal error: invalid USCC", s->uscc);
}

static void
make_subject(struct gen *g, uint64_t id, struct subject *s)
{
	struct rng r;
	struct sb b;
	const struct industry *ind;
	const char *town;
	double u;
	int ntowns, y0, y1, year;

	rng_init(&r, g->seed, ST_SUBJECT, id);
	s->id = id;
	s->d = pick_district(&r);
	u = rng_unit(&r);
	s->kind = u < 0.905 ? K_ENTERPRISE : u < 0.965 ? K_INDIVIDUAL : u < 0.98 ? K_SOCIAL :
	    u < 0.985 ? K_INSTITUTION : K_OTHER;

	/* Established 1995 .. min(2025, today), more of them in later years. */
	y0 = 1995;
	y1 = year_of(g->today);
	if (y1 > 2025)
		y1 = 2025;
	if (y1 < y0)
		y1 = y0;
	year = y0 + (int)((double)(y1 - y0 + 1) * (1.0 - (1.0 - rng_unit(&r)) * (1.0 - rng_unit(&r) * 0.6)));
	if (year > y1)
		year = y1;
	s->established = days_from_civil(year, 1, 1) + (int32_t)rng_below(&r, 365);
	if (s->established > g->today - 30)
		s->established = g->today - 30 - (int32_t)rng_below(&r, 300);

	for (ntowns = 0; s->d->towns[ntowns] != NULL; ntowns++)
		;
	town = s->d->towns[rng_below(&r, (uint32_t)ntowns)];

	sb_init(&b, s->name, sizeof(s->name));
	switch (s->kind) {
	case K_ENTERPRISE: {
		int k = (int)rng_below(&r, 100);
		const struct suffix *sf = &suffixes[0];
		size_t i;
		int x = (int)rng_below(&r, 100);

		sb_put(&b, s->d->prefix[k < 60 ? 0 : k < 85 ? 1 : 2]);
		trade_name(g, &r, &b);
		ind = pick_industry(&r, industries, NELEM(industries));
		sb_put(&b, ind->word);
		for (i = 0; i < NELEM(suffixes); i++) {
			sf = &suffixes[i];
			if (x < sf->weight)
				break;
			x -= sf->weight;
		}
		/* "…科技科技有限公司" reads wrong: plain suffix after a 科技 word. */
		if (strcmp(sf->s, "科技有限公司") == 0 && strstr(ind->word, "科技") != NULL)
			sf = &suffixes[0];
		sb_put(&b, sf->s);
		break;
	}
	case K_INDIVIDUAL:
		sb_put(&b, s->d->gov);
		town_short(&b, town);
		trade_name(g, &r, &b);
		ind = pick_industry(&r, shops, NELEM(shops));
		sb_put(&b, ind->word);
		break;
	case K_SOCIAL:
		sb_put(&b, s->d->gov);
		ind = pick_industry(&r, social_orgs, NELEM(social_orgs));
		if (strstr(ind->word, "协会") != NULL || strcmp(ind->word, "商会") == 0)
			town_short(&b, town);
		else
			trade_name(g, &r, &b);
		sb_put(&b, ind->word);
		break;
	case K_INSTITUTION:
		sb_put(&b, s->d->gov);
		town_short(&b, town);
		ind = pick_industry(&r, institutions, NELEM(institutions));
		sb_put(&b, ind->word);
		break;
	default:
		sb_put(&b, s->d->gov);
		town_short(&b, town);
		trade_name(g, &r, &b);
		ind = pick_industry(&r, coops, NELEM(coops));
		sb_put(&b, ind->word);
		break;
	}
	s->industry = ind->cls;

	sb_init(&b, s->rep, sizeof(s->rep));
	person_name(g, &r, &b);

	sb_init(&b, s->address, sizeof(s->address));
	sb_put(&b, s->d->gov);
	sb_put(&b, town);
	sb_put(&b, roads[rng_below(&r, NELEM(roads))]);
	sb_put(&b, road_kinds[rng_below(&r, NELEM(road_kinds))]);
	sb_uint(&b, rng_range(&r, 1, rng_chance(&r, 0.7) ? 200 : 999), 1);
	sb_put(&b, "号");
	u = rng_unit(&r);
	if (u < 0.15) {
		sb_uint(&b, rng_range(&r, 1, 30), 1);
		sb_put(&b, "幢");
	} else if (u < 0.25) {
		sb_uint(&b, rng_range(&r, 1, 30) * 100 + rng_range(&r, 1, 20), 1);
		sb_put(&b, "室");
	}

	u = rng_unit(&r);
	s->reg_status = u < 0.88 ? "active" : u < 0.94 ? "cancelled" : u < 0.98 ? "revoked" : "moved_out";
	make_uscc(s);
}

static void
write_subject(struct gen *g, const struct subject *s)
{
	struct out *o = &g->subj;
	struct rng r;

	out_uint(o, s->id); out_tab(o);
	out_text(o, s->uscc); out_tab(o);
	out_text(o, s->name); out_tab(o);
	out_text(o, kind_names[s->kind]); out_tab(o);
	out_text(o, s->rep); out_tab(o);
	out_text(o, s->address); out_tab(o);
	out_text(o, s->d->name); out_tab(o);
	out_text(o, s->industry); out_tab(o);
	out_date(o, s->established); out_tab(o);
	out_text(o, s->reg_status); out_tab(o);
	rng_init(&r, g->seed, ST_EXTRA, ~s->id);
	out_int(o, g->now - (int64_t)rng_below(&r, 86400)); out_tab(o);
	out_uint(o, 0); out_nl(o);
}

/* ---- Credit records. */

/* Most subjects have no record or a few, some a dozen, a few hundreds. */
static uint32_t
record_weight(uint64_t seed, uint64_t id)
{
	struct rng r;
	double u;

	rng_init(&r, seed, ST_WEIGHT, id);
	u = rng_unit(&r);
	if (u < 0.45)
		return 0;
	if (u < 0.80)
		return 100 * rng_range(&r, 1, 3);
	if (u < 0.97)
		return 100 * rng_range(&r, 4, 14);
	/* A heavy tail: density ~ 1/x^2 from 20 to 250 (mean ~55). */
	u = 20.0 / (1.0 - 0.92 * rng_unit(&r));
	return (uint32_t)(100.0 * u);
}

static int
pick_item(struct rng *r)
{
	int x = (int)rng_below(r, 1000), i;

	for (i = 1; i < N_ITEMS; i++) {
		if (x < items[i].permille)
			break;
		x -= items[i].permille;
	}
	return i;
}

static const struct rcase *
pick_case(struct gen *g, struct rng *r, int item)
{
	int x = (int)rng_below(r, (uint32_t)g->case_total[item]), i;

	for (i = g->case_first[item]; i + 1 < g->case_end[item]; i++) {
		if (x < rcases[i].weight)
			break;
		x -= rcases[i].weight;
	}
	return &rcases[i];
}

static void
write_record(struct gen *g, const struct subject *s, struct rng *r)
{
	struct out *o = &g->rec;
	char agency[256], doc[256], summary[1024];
	struct sb b;
	struct ctx c;
	const struct rcase *rc;
	int item = pick_item(r), year;
	int32_t span, decided, ended = -1, t = g->today;
	int64_t created, repaired = -1;
	double u;

	/* Decided within the last ten years, never before the subject existed. */
	span = t - s->established - 20;
	if (span > 3650)
		span = 3650;
	if (span < 1)
		span = 1;
	decided = t - (int32_t)rng_below(r, (uint32_t)span);
	year = year_of(decided);

	/* When the behaviour ended (Art. 35 counts five years from there). */
	u = rng_unit(r);
	switch (item) {
	case 1: case 2: case 3:    /* arrears: paid some weeks or months later */
		if (u < (t - decided < 365 ? 0.4 : 0.08))
			ended = -1;
		else
			ended = decided + (int32_t)rng_range(r, 15, 240);
		break;
	case 5: case 8:            /* execution refused / anomaly listed: may go on */
		if (u < (t - decided < 3 * 365 ? 0.5 : 0.12))
			ended = -1;
		else
			ended = decided + (int32_t)rng_range(r, 20, 700);
		break;
	case 7:                    /* a ban ends when its term does */
		ended = decided + 365 * (int32_t)rng_range(r, 1, 5);
		break;
	case 10: case 11: case 12: /* keep-faith: mostly open-ended */
		ended = u < 0.8 ? -1 : decided + 365;
		break;
	default:                   /* penalties: the behaviour ended before the decision */
		ended = u < 0.05 ? -1 : decided - (int32_t)rng_below(r, 180);
		break;
	}
	if (ended > t)
		ended = -1;
	if (ended >= 0 && ended < s->established)
		ended = s->established;

	rc = pick_case(g, r, item);
	c.d = rng_chance(r, 0.08) ? &city : s->d;
	c.s = s;
	c.year = year;
	c.r = r;
	sb_init(&b, agency, sizeof(agency));
	expand(&b, rc->agency, &c);
	sb_init(&b, doc, sizeof(doc));
	expand(&b, rc->doc, &c);
	sb_init(&b, summary, sizeof(summary));
	expand(&b, rc->summary, &c);

	created = unix_at(decided + (int32_t)rng_range(r, 1, 20), r);
	if (items[item].repairable && decided + items[item].min_days < t && rng_chance(r, 0.04)) {
		int32_t rd = decided + items[item].min_days + (int32_t)rng_below(r, 400);
		repaired = unix_at(rd > t ? t : rd, r);
		if (repaired < created)
			repaired = created;
	}

	out_uint(o, g->rec_id++); out_tab(o);
	out_uint(o, s->id); out_tab(o);
	out_uint(o, (uint64_t)item); out_tab(o);
	out_text(o, agency); out_tab(o);
	out_text(o, doc); out_tab(o);
	out_date(o, decided); out_tab(o);
	if (ended >= 0)
		out_date(o, ended);
	else
		out_null(o);
	out_tab(o);
	out_text(o, summary); out_tab(o);
	out_uint(o, rng_chance(r, items[item].private_p) ? 0 : 1); out_tab(o);
	out_text(o, repaired >= 0 ? "repaired" : "active"); out_tab(o);
	if (repaired >= 0)
		out_int(o, repaired);
	else
		out_null(o);
	out_tab(o);
	out_null(o); out_tab(o);                       /* created_by: import */
	out_int(o, created); out_tab(o);
	out_int(o, repaired >= 0 ? repaired : created); out_nl(o);
}

/* ---- Serious list and commitments (a few per cent of subjects). */

static void
write_serious(struct gen *g, const struct subject *s, struct rng *r)
{
	struct out *o = &g->serious;
	char agency[256], doc[256], reason[1024], persons[256];
	const struct scase *sc = &scases[0];
	struct sb b;
	struct ctx c;
	int total = 0, x;
	size_t i;
	int32_t included, removed = -1;

	for (i = 0; i < NELEM(scases); i++)
		total += scases[i].weight;
	x = (int)rng_below(r, (uint32_t)total);
	for (i = 0; i < NELEM(scases); i++) {
		sc = &scases[i];
		if (x < sc->weight)
			break;
		x -= sc->weight;
	}
	included = g->today - (int32_t)rng_below(r, 5 * 365);
	if (included < s->established + 30)
		included = s->established + 30;
	if (included > g->today)
		included = g->today;
	if (rng_chance(r, 0.2) && included + 365 < g->today)
		removed = included + 365 + (int32_t)rng_below(r, (uint32_t)(g->today - included - 365 + 1));

	c.d = s->d;
	c.s = s;
	c.year = year_of(included);
	c.r = r;
	sb_init(&b, agency, sizeof(agency));
	expand(&b, sc->agency, &c);
	sb_init(&b, doc, sizeof(doc));
	expand(&b, sc->doc, &c);
	sb_init(&b, reason, sizeof(reason));
	expand(&b, sc->reason, &c);
	sb_init(&b, persons, sizeof(persons));
	sb_put(&b, s->rep);
	sb_put(&b, s->kind == K_ENTERPRISE ? "（法定代表人）" : "（负责人）");
	if (rng_chance(r, 0.3)) {
		sb_put(&b, "；");
		person_name(g, r, &b);
		sb_put(&b, rng_chance(r, 0.5) ? "（实际控制人）" : "（主要负责人）");
	}

	out_uint(o, g->serious_id++); out_tab(o);
	out_uint(o, s->id); out_tab(o);
	out_text(o, agency); out_tab(o);
	out_text(o, doc); out_tab(o);
	out_text(o, reason); out_tab(o);
	out_text(o, sc->removal); out_tab(o);
	out_text(o, sc->remedy); out_tab(o);
	out_text(o, persons); out_tab(o);
	out_date(o, included); out_tab(o);
	if (removed >= 0)
		out_date(o, removed);
	else
		out_null(o);
	out_tab(o);
	out_int(o, unix_at(included, r)); out_nl(o);
}

static void
write_commitment(struct gen *g, const struct subject *s, struct rng *r)
{
	struct out *o = &g->commit;
	char title[256], body[2048];
	const struct ccase *cc = &ccases[0];
	struct sb b;
	struct ctx c;
	int total = 0, x;
	size_t i;
	int32_t published;

	for (i = 0; i < NELEM(ccases); i++)
		total += ccases[i].weight;
	x = (int)rng_below(r, (uint32_t)total);
	for (i = 0; i < NELEM(ccases); i++) {
		cc = &ccases[i];
		if (x < cc->weight)
			break;
		x -= cc->weight;
	}
	published = g->today - (int32_t)rng_below(r, 3 * 365);
	if (published < s->established)
		published = s->established;
	c.d = s->d;
	c.s = s;
	c.year = year_of(published);
	c.r = r;
	sb_init(&b, title, sizeof(title));
	expand(&b, cc->title, &c);
	sb_init(&b, body, sizeof(body));
	expand(&b, cc->body, &c);

	out_uint(o, g->commit_id++); out_tab(o);
	out_uint(o, s->id); out_tab(o);
	out_text(o, cc->kind); out_tab(o);
	out_text(o, title); out_tab(o);
	out_text(o, body); out_tab(o);
	out_date(o, published); out_tab(o);
	out_null(o); out_tab(o);
	out_int(o, unix_at(published, r)); out_nl(o);
}

/* ---- The name index (--grams): the rule of rules/grams.c (every character
 * and every pair of consecutive characters, none starting or ending with a
 * space, distinct per subject), written in primary-key order so InnoDB only
 * appends. A gram is keyed by its code points (first << 21 | second, second
 * 0 for a unigram). For CJK Unified Ideographs, utf8mb4_unicode_ci orders by
 * code point and a lone character (padded with a space) before any pair
 * starting with it, so the order of the keys is the collation's order.
 * Other characters would still load correctly, only not in key order. */

static uint32_t
utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t c = s[*i];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, k;

	if (*i + n > len)
		n = len - *i;
	if (n > 1)
		c &= 0xFFu >> (n + 1);
	for (k = 1; k < n; k++)
		c = (c << 6) | (s[*i + k] & 0x3F);
	*i += n;
	return c;
}

static size_t
utf8_put(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xC0 | (c >> 6));
		p[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xE0 | (c >> 12));
		p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		p[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | (c >> 18));
	p[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	p[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	p[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	while (c < need)
		c = c ? c * 2 : 1024;
	if ((p = realloc(p, c * size)) == NULL)
		die("out of memory", NULL);
	*cap = c;
	return p;
}

static uint32_t
gram_number(struct gramidx *gi, uint64_t key)
{
	size_t h, i;

	if (2 * (gi->n + 1) > gi->cap) {
		size_t ncap = gi->cap ? 2 * gi->cap : 1 << 16;
		uint64_t *nk = calloc(ncap, sizeof(*nk));
		uint32_t *nv = malloc(ncap * sizeof(*nv));

		if (nk == NULL || nv == NULL)
			die("out of memory", NULL);
		for (i = 0; i < gi->cap; i++) {
			if (gi->slot_key[i] == 0)
				continue;
			h = (size_t)mix64(gi->slot_key[i]) & (ncap - 1);
			while (nk[h] != 0)
				h = (h + 1) & (ncap - 1);
			nk[h] = gi->slot_key[i];
			nv[h] = gi->slot_val[i];
		}
		free(gi->slot_key);
		free(gi->slot_val);
		gi->slot_key = nk;
		gi->slot_val = nv;
		gi->cap = ncap;
	}
	h = (size_t)mix64(key) & (gi->cap - 1);
	while (gi->slot_key[h] != 0) {
		if (gi->slot_key[h] == key)
			return gi->slot_val[h];
		h = (h + 1) & (gi->cap - 1);
	}
	gi->slot_key[h] = key;
	gi->slot_val[h] = (uint32_t)gi->n;
	gi->keys = grow(gi->keys, &gi->keys_cap, gi->n + 1, sizeof(*gi->keys));
	gi->keys[gi->n] = key;
	return (uint32_t)gi->n++;
}

static void
index_name(struct gramidx *gi, uint64_t local, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name), i = 0, k, n = 0;
	uint64_t keys[2 * 256];
	uint32_t cp[256];
	size_t ncp = 0;

	while (i < len && ncp < NELEM(cp))
		cp[ncp++] = utf8_next(s, len, &i);
	for (i = 0; i < ncp; i++) {
		uint64_t cand[2];
		int nc = 0, j;

		if (cp[i] != ' ')
			cand[nc++] = (uint64_t)cp[i] << 21;
		if (i + 1 < ncp && cp[i] != ' ' && cp[i + 1] != ' ')
			cand[nc++] = (uint64_t)cp[i] << 21 | cp[i + 1];
		for (j = 0; j < nc; j++) {
			for (k = 0; k < n && keys[k] != cand[j]; k++)
				;
			if (k == n)
				keys[n++] = cand[j];
		}
	}
	if (n > 255)
		die("internal error: name too long for the index", name);
	gi->list = grow(gi->list, &gi->list_cap, gi->nlist + n, sizeof(*gi->list));
	for (k = 0; k < n; k++)
		gi->list[gi->nlist++] = gram_number(gi, keys[k]);
	gi->per[local] = (unsigned char)n;
}

struct keyrank { uint64_t key; uint32_t num; };

static int
cmp_keyrank(const void *a, const void *b)
{
	const struct keyrank *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static size_t
gram_text(char *p, uint64_t key)
{
	size_t n = utf8_put(p, (uint32_t)(key >> 21));

	if ((key & 0x1FFFFF) != 0)
		n += utf8_put(p + n, (uint32_t)(key & 0x1FFFFF));
	return n;
}

/* grams.tsv (gram, subject_id) in primary-key order; gram_counts.tsv. */
static void
write_grams(struct gen *g)
{
	struct gramidx *gi = &g->gi;
	struct keyrank *kr;
	uint32_t *rank, *start, *ids;
	size_t i, r, pos = 0;
	uint64_t local;
	struct out og, oc;

	kr = malloc((gi->n + 1) * sizeof(*kr));
	rank = malloc((gi->n + 1) * sizeof(*rank));
	start = calloc(gi->n + 2, sizeof(*start));
	ids = malloc((gi->nlist + 1) * sizeof(*ids));
	if (kr == NULL || rank == NULL || start == NULL || ids == NULL)
		die("out of memory", NULL);
	for (i = 0; i < gi->n; i++) {
		kr[i].key = gi->keys[i];
		kr[i].num = (uint32_t)i;
	}
	qsort(kr, gi->n, sizeof(*kr), cmp_keyrank);
	for (i = 0; i < gi->n; i++)
		rank[kr[i].num] = (uint32_t)i;
	/* Counting sort by rank; subjects come in id order, so it stays sorted by id within a gram. */
	for (i = 0; i < gi->nlist; i++)
		start[rank[gi->list[i]] + 1]++;
	for (r = 0; r < gi->n; r++)
		start[r + 1] += start[r];
	for (local = 0; local < g->nsubj; local++) {
		unsigned k;
		for (k = 0; k < gi->per[local]; k++)
			ids[start[rank[gi->list[pos++]]]++] = (uint32_t)local;
	}
	/* start[r] is now the end of rank r, i.e. the beginning of rank r + 1. */
	out_open(&og, g->dir, "grams.tsv");
	out_open(&oc, g->dir, "gram_counts.tsv");
	pos = 0;
	for (r = 0; r < gi->n; r++) {
		char t[8];
		size_t tl = gram_text(t, kr[r].key);

		out_mem(&oc, t, tl); out_tab(&oc);
		out_uint(&oc, start[r] - pos); out_nl(&oc);
		for (; pos < start[r]; pos++) {
			out_mem(&og, t, tl); out_tab(&og);
			out_uint(&og, g->first_id + ids[pos]); out_nl(&og);
		}
	}
	out_close(&og);
	out_close(&oc);
	free(kr);
	free(rank);
	free(start);
	free(ids);
}

/* ---- Main. */

static uint64_t
parse_u64(const char *opt, const char *s, uint64_t min, uint64_t max)
{
	unsigned long long v;
	char *end;

	if (s == NULL)
		die("missing value for", opt);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0 || v < min || v > max)
		die("bad value for", opt);
	return (uint64_t)v;
}

static int32_t
parse_date(const char *s)
{
	int y, m, d, yy, mm, dd;
	int32_t days;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		die("bad date for --today (YYYY-MM-DD)", s);
	days = days_from_civil(y, m, d);
	civil_from_days(days, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d)
		die("bad date for --today", s);
	return days;
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: gendata --subjects N --records M --out DIR [--seed S] [--first-id K]\n"
	    "               [--first-record-id R] [--first-serious-id R] [--first-commitment-id R]\n"
	    "               [--today YYYY-MM-DD] [--grams]\n"
	    "Writes subjects.tsv, records.tsv, serious.tsv, commitments.tsv (and with --grams\n"
	    "grams.tsv, gram_counts.tsv) for LOAD DATA LOCAL INFILE. Deterministic for the\n"
	    "same options; --today defaults to the current date in China.\n");
	exit(2);
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int
gendata_main(int argc, char **argv)
{
	struct gen g;
	struct subject s;
	struct timespec t0;
	uint64_t i, id, nserious = 0, ncommit = 0;
	int a, item, have_subj = 0, have_rec = 0;

	memset(&g, 0, sizeof(g));
	g.first_id = g.first_rec = g.first_serious = g.first_commit = 1;
	g.seed = 1;
	g.today = -1;
	for (a = 1; a < argc; a++) {
		const char *o = argv[a], *v = a + 1 < argc ? argv[a + 1] : NULL;

		if (strcmp(o, "--subjects") == 0) {
			g.nsubj = parse_u64(o, v, 0, 200000000);
			have_subj = 1;
			a++;
		} else if (strcmp(o, "--records") == 0) {
			g.nrec = parse_u64(o, v, 0, 2000000000);
			have_rec = 1;
			a++;
		} else if (strcmp(o, "--seed") == 0) {
			g.seed = parse_u64(o, v, 0, UINT64_MAX);
			a++;
		} else if (strcmp(o, "--first-id") == 0) {
			g.first_id = parse_u64(o, v, 1, MA_SPACE - 1);
			a++;
		} else if (strcmp(o, "--first-record-id") == 0) {
			g.first_rec = parse_u64(o, v, 1, UINT64_MAX / 2);
			a++;
		} else if (strcmp(o, "--first-serious-id") == 0) {
			g.first_serious = parse_u64(o, v, 1, UINT64_MAX / 2);
			a++;
		} else if (strcmp(o, "--first-commitment-id") == 0) {
			g.first_commit = parse_u64(o, v, 1, UINT64_MAX / 2);
			a++;
		} else if (strcmp(o, "--today") == 0) {
			g.today = parse_date(v);
			a++;
		} else if (strcmp(o, "--out") == 0) {
			if (v == NULL)
				usage();
			g.dir = v;
			a++;
		} else if (strcmp(o, "--grams") == 0) {
			g.grams = 1;
		} else {
			usage();
		}
	}
	if (!have_subj || !have_rec || g.dir == NULL)
		usage();
	if (g.nsubj == 0 && g.nrec > 0)
		die("records need subjects", NULL);
	if (g.first_id + g.nsubj > MA_SPACE)
		die("subject ids too large for synthetic USCCs", NULL);
	if (g.today < 0)
		g.today = (int32_t)(((int64_t)time(NULL) + 8 * 3600) / 86400);
	/* Rows are "created" at the moment of the load; fixed by --today too. */
	g.now = (int64_t)g.today * 86400 - 8 * 3600 + 10 * 3600;
	if (mkdir(g.dir, 0755) != 0 && errno != EEXIST)
		die(strerror(errno), g.dir);
	clock_gettime(CLOCK_MONOTONIC, &t0);

	g.n_trade = strlen(trade_chars) / 3;
	g.n_surname = strlen(surnames) / 3;
	g.n_given = strlen(given_chars) / 3;
	for (i = 0; i < g.n_surname; i++)
		g.sur_total += 1.0 / (double)(i + 4);
	for (item = 0; item <= N_ITEMS; item++)
		g.case_first[item] = -1;
	for (a = 0; a < (int)NELEM(rcases); a++) {
		item = rcases[a].item;
		if (g.case_first[item] < 0)
			g.case_first[item] = a;
		g.case_end[item] = a + 1;
		g.case_total[item] += rcases[a].weight;
	}
	for (item = 1; item <= N_ITEMS; item++)
		if (g.case_first[item] < 0)
			die("internal error: catalog item without cases", NULL);

	/* Records are spread by weight: subject k gets floor(M * W_k / W) -
	 * floor(M * W_(k-1) / W) of them (W_k the running sum), exactly M in all. */
	g.weights = malloc((g.nsubj + 1) * sizeof(*g.weights));
	if (g.weights == NULL)
		die("out of memory", NULL);
	for (i = 0; i < g.nsubj; i++) {
		g.weights[i] = record_weight(g.seed, g.first_id + i);
		g.wsum += g.weights[i];
	}
	if (g.wsum == 0) {
		for (i = 0; i < g.nsubj; i++)
			g.weights[i] = 1;
		g.wsum = g.nsubj;
	}
	if (g.grams) {
		g.gi.per = calloc(g.nsubj + 1, 1);
		if (g.gi.per == NULL)
			die("out of memory", NULL);
	}

	out_open(&g.subj, g.dir, "subjects.tsv");
	out_open(&g.rec, g.dir, "records.tsv");
	out_open(&g.serious, g.dir, "serious.tsv");
	out_open(&g.commit, g.dir, "commitments.tsv");
	g.rec_id = g.first_rec;
	g.serious_id = g.first_serious;
	g.commit_id = g.first_commit;
	for (i = 0; i < g.nsubj; i++) {
		struct rng r;
		uint64_t target, n;

		id = g.first_id + i;
		make_subject(&g, id, &s);
		write_subject(&g, &s);
		if (g.grams)
			index_name(&g.gi, i, s.name);

		g.wcum += g.weights[i];
		target = (uint64_t)((g.wcum * g.nrec) / g.wsum);
		n = target - g.rec_done;
		g.rec_done = target;
		rng_init(&r, g.seed, ST_RECORDS, id);
		while (n-- > 0)
			write_record(&g, &s, &r);

		rng_init(&r, g.seed, ST_EXTRA, id);
		if (rng_chance(&r, 0.003)) {
			write_serious(&g, &s, &r);
			nserious++;
		}
		if (rng_chance(&r, 0.02)) {
			int k, nc = rng_chance(&r, 0.2) ? 2 : 1;
			for (k = 0; k < nc; k++) {
				write_commitment(&g, &s, &r);
				ncommit++;
			}
		}
	}
	out_close(&g.subj);
	out_close(&g.rec);
	out_close(&g.serious);
	out_close(&g.commit);
	if (g.grams)
		write_grams(&g);

	fprintf(stderr, "gendata: %llu subjects (ids %llu-%llu), %llu records, %llu serious, %llu commitments",
	    (unsigned long long)g.nsubj, (unsigned long long)g.first_id,
	    (unsigned long long)(g.first_id + g.nsubj - 1), (unsigned long long)g.rec_done,
	    (unsigned long long)nserious, (unsigned long long)ncommit);
	if (g.grams)
		fprintf(stderr, ", %llu grams (%llu distinct)", (unsigned long long)g.gi.nlist,
		    (unsigned long long)g.gi.n);
	fprintf(stderr, " in %.2f s\n", seconds_since(&t0));

	free(g.weights);
	free(g.gi.slot_key);
	free(g.gi.slot_val);
	free(g.gi.keys);
	free(g.gi.list);
	free(g.gi.per);
	return 0;
}

#ifndef GENDATA_NO_MAIN
int
main(int argc, char **argv)
{
	return gendata_main(argc, argv);
}
#endif
