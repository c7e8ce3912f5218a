# credit-portal — see README.md. `make run` and `make test` are the two
# commands a newcomer needs; both install what is missing first.

CC       ?= gcc
PORT     ?= 8080
TEST_PORT ?= 18080
VAR      ?= $(CURDIR)/var

WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wformat=2 \
           -Wno-format-nonliteral
HARDEN   = -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE
CPPFLAGS = -D_GNU_SOURCE -Iapp -Iapp/core -I/usr/include/ClearSilver \
           $(shell pkg-config --cflags libmariadb libsodium 2>/dev/null)
CFLAGS   ?= -O2 -g
LDFLAGS  = -pie -Wl,-z,relro,-z,now
LIBS     = -lfcgi -lneo_cs -lneo_utl -lhpdf $(shell pkg-config --libs libmariadb libsodium 2>/dev/null) -lpthread

B        = build
CORE_SRC = $(wildcard app/core/*.c)
STORE_SRC = $(wildcard app/store/*.c)
RULES_SRC = $(wildcard app/rules/*.c)
PAGES_SRC = $(wildcard app/pages/*.c)
LIB_SRC  = $(CORE_SRC) $(STORE_SRC) $(RULES_SRC)
APP_SRC  = $(LIB_SRC) $(PAGES_SRC) app/routes.c app/main.c
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/obj/%.o)
APP_OBJ  = $(APP_SRC:%.c=$(B)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
# pdf.c needs nothing of the app but libhpdf, so the unit tests link it too.
UNIT_LIB_SRC = $(LIB_SRC) app/pages/pdf.c
UNIT_OBJ = $(UNIT_LIB_SRC:%.c=$(B)/obj/%.o)

.PHONY: all deps run test unit unit-asan lint clean distclean bench-data bench fuzz backup restore test-asan soak sqlmap
# Keep the sanitizer objects between runs (they are intermediates of two rules).
.SECONDARY:

all: $(B)/credit-portal $(B)/credctl

deps:
	@sh app/tools/deps.sh

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(HARDEN) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/credit-portal: $(APP_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIBS)

$(B)/credctl: $(B)/obj/app/tools/credctl.o $(LIB_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# Unit tests: each tests/unit/test_X.c links the library objects (no pages,
# no main). Built twice: plain (also run under valgrind) and ASan+UBSan.
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
ASAN_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/asan/%)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_LIB_OBJ = $(UNIT_LIB_SRC:%.c=$(B)/asan-obj/%.o)

$(B)/asan-obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(ASAN_FLAGS) -MMD -MP -c $< -o $@

$(B)/unit/%: tests/unit/%.c $(UNIT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-missing-prototypes $(CFLAGS) -fPIE -pie -o $@ $< $(UNIT_OBJ) -lcmocka -lz $(LIBS)

$(B)/asan/%: tests/unit/%.c $(ASAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-missing-prototypes $(ASAN_FLAGS) -o $@ $< $(ASAN_LIB_OBJ) -lcmocka -lz $(LIBS)

# Fuzz harnesses (tests/fuzz/fuzz_X.c): `make fuzz` builds them with clang's
# libFuzzer and runs each FUZZ_SECONDS (tests/fuzz/run.sh); `make test`
# replays their seed corpora through the same harnesses built with gcc and
# ASan+UBSan (tests/fuzz/replay.c as main), so a fixed crash stays fixed.
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN   = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz-replay/%)
FUZZ_CC    = clang-14
FUZZ_FLAGS = -std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ = $(UNIT_LIB_SRC:%.c=$(B)/fuzz-obj/%.o)
FUZZ_SECONDS ?= 60

$(B)/fuzz-obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(B)/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) -lz $(LIBS)

$(B)/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(ASAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-missing-prototypes $(ASAN_FLAGS) -o $@ $< tests/fuzz/replay.c $(ASAN_LIB_OBJ) -lz $(LIBS)

unit: $(UNIT_BIN) $(ASAN_BIN) $(REPLAY_BIN)

fuzz:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs $(FUZZ_CC) and libclang-rt-14-dev" >&2; exit 1; }
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@B=$(B) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

run: deps
	@$(MAKE) --no-print-directory all
	@VAR=$(VAR) PORT=$(PORT) sh app/tools/stack.sh run

test: deps
	@$(MAKE) --no-print-directory all unit
	@TEST_PORT=$(TEST_PORT) sh tests/run.sh

# The synthetic data generator (app/tools/load.sh builds and runs it).
$(B)/gendata: app/tools/gendata.c app/rules/uscc.c app/rules/uscc.h
	@mkdir -p $(B)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wformat=2 -O2 -Iapp app/tools/gendata.c app/rules/uscc.c -o $@

# 1,000,000 subjects and 5,000,000 records into the private database
# (about 3 minutes); the benchmark data set.
bench-data: all $(B)/gendata
	@VAR=$(VAR) sh app/tools/load.sh --subjects 1000000 --records 5000000 --grams

# The benchmark (issue #7): its own stack and 1M-subject data set in
# var/bench-stack (loaded once, reused), results in var/bench/. Not part of
# `make test`.
bench: deps
	@$(MAKE) --no-print-directory all $(B)/gendata
	@sh tests/bench/bench.sh

lint:
	@sh tests/lint_templates.sh

# The whole app built with ASan+UBSan (same objects as the sanitizer unit
# tests, plus pages and main), and `make test-asan`: the HTTP suite against
# it on its own stack (tests/asan_http.sh); not part of `make test`.
ASAN_APP_OBJ = $(APP_SRC:%.c=$(B)/asan-obj/%.o)
ASAN_PORT ?= 18180

$(B)/asan-app/credit-portal: $(ASAN_APP_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_APP_OBJ) $(LIBS)

test-asan: deps
	@$(MAKE) --no-print-directory all $(B)/asan-app/credit-portal
	@ASAN_PORT=$(ASAN_PORT) CREDIT_BIN=$(abspath $(B))/asan-app/credit-portal sh tests/asan_http.sh

# Backup and restore of the private stack in $(VAR) (app/tools/backup.sh):
# `make backup` [BACKUP=file], `make restore BACKUP=file`.
backup:
	@VAR=$(VAR) BACKUP="$(BACKUP)" sh app/tools/backup.sh backup

restore:
	@VAR=$(VAR) BACKUP="$(BACKUP)" sh app/tools/backup.sh restore

# `make soak`: 100,000 mixed requests (wrk, loopback) against the release
# build on its own stack while each worker's RSS is sampled; fails on more
# than 5 % growth after the warm-up (tests/bench/soak.sh, about 3 minutes).
SOAK_PORT ?= 18280

soak: deps
	@$(MAKE) --no-print-directory all
	@SOAK_PORT=$(SOAK_PORT) CREDIT_BIN=$(abspath $(B))/credit-portal sh tests/bench/soak.sh

# `make sqlmap`: sqlmap (installed for this target only) against every form
# and query parameter of its own stack, as every role the route table lets
# in (tests/sqlmap/sqlmap.sh; summary in var/sqlmap/; about 20 minutes).
SQLMAP_PORT ?= 18380

sqlmap:
	@sh app/tools/deps.sh sqlmap
	@$(MAKE) --no-print-directory all
	@SQLMAP_PORT=$(SQLMAP_PORT) CREDIT_BIN=$(abspath $(B))/credit-portal sh tests/sqlmap/sqlmap.sh

clean:
	rm -rf $(B)

distclean: clean
	rm -rf var tests/node_modules

-include $(shell find $(B) -name '*.d' 2>/dev/null)
