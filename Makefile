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

.PHONY: all deps run test unit unit-asan lint clean distclean
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

unit: $(UNIT_BIN) $(ASAN_BIN)

run: deps
	@$(MAKE) --no-print-directory all
	@VAR=$(VAR) PORT=$(PORT) sh app/tools/stack.sh run

test: deps
	@$(MAKE) --no-print-directory all unit
	@TEST_PORT=$(TEST_PORT) sh tests/run.sh

lint:
	@sh tests/lint_templates.sh

clean:
	rm -rf $(B)

distclean: clean
	rm -rf var tests/node_modules

-include $(shell find $(B) -name '*.d' 2>/dev/null)
