/* test_view.c — templates render with HTML escaping on by default, language
 * strings resolve per request, and every shipped template parses. Runs from
 * the checkout root (templates/). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/http.h"
#include "core/view.h"

static int
setup(void **state)
{
	(void)state;
	return view_init("templates");
}

static int
teardown(void **state)
{
	(void)state;
	view_free();
	return 0;
}

static struct req *
new_req(const char *lang)
{
	static struct req r;

	http_req_init(&r);
	r.lang = lang;
	assert_int_equal(view_begin(&r), 0);
	return &r;
}

static void
end_req(struct req *r)
{
	http_req_free(r);
}

static void
test_script_is_escaped(void **state)
{
	struct req *r = new_req("zh-CN");
	const char *out;
	size_t len;

	(void)state;
	r->tmpl = "error.cs";
	view_set(r, "Page.status", "400");
	view_set(r, "Page.error", "<script>alert('x')</script>\"&");
	view_set(r, "Page.title", "<b>t</b>");
	view_set(r, "User.login", "u");
	view_set(r, "User.name", "<img src=x onerror=alert(1)>");
	view_set(r, "User.role", "admin");
	assert_int_equal(view_render(r, &out, &len), 0);
	assert_int_equal(strlen(out), len);
	assert_non_null(strstr(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"));
	assert_null(strstr(out, "<script>"));
	assert_null(strstr(out, "<img src=x"));
	assert_null(strstr(out, "<b>t</b>"));
	assert_non_null(strstr(out, "&lt;img src=x onerror=alert(1)&gt;"));
	/* The document starts with the doctype, not with blank lines. */
	assert_memory_equal(out, "<!DOCTYPE html>", 15);
	end_req(r);
}

static void
test_template_syntax_in_data_is_inert(void **state)
{
	struct req *r = new_req("en");
	const char *out;
	size_t len;

	(void)state;
	r->tmpl = "error.cs";
	view_set(r, "Page.error", "<?cs var:Config.VarEscapeMode ?>");
	assert_int_equal(view_render(r, &out, &len), 0);
	assert_non_null(strstr(out, "&lt;?cs var:Config.VarEscapeMode ?&gt;"));
	assert_null(strstr(out, ">html<"));
	end_req(r);
}

static void
test_languages(void **state)
{
	struct req *zh = new_req("zh-CN");
	const char *out;
	size_t len;

	(void)state;
	assert_string_equal(view_str(zh, "Nav.login"), "登录");
	zh->tmpl = "home.cs";
	view_set(zh, "Page.lang", "zh-CN");
	assert_int_equal(view_render(zh, &out, &len), 0);
	assert_non_null(strstr(out, "<html lang=\"zh-CN\">"));
	assert_non_null(strstr(out, "绿色"));
	end_req(zh);

	{
		struct req *en = new_req("en");
		assert_string_equal(view_str(en, "Nav.login"), "Log in");
		/* Unknown keys come back as the key, never as NULL. */
		assert_string_equal(view_str(en, "No.such.key"), "No.such.key");
		en->tmpl = "home.cs";
		assert_int_equal(view_render(en, &out, &len), 0);
		assert_non_null(strstr(out, "Green"));
		end_req(en);
	}
}

static void
test_unknown_template(void **state)
{
	struct req *r = new_req("en");
	const char *out;
	size_t len;

	(void)state;
	r->tmpl = "nope.cs";
	assert_int_equal(view_render(r, &out, &len), -1);
	r->tmpl = "_layout.cs"; /* partials are not pages */
	assert_int_equal(view_render(r, &out, &len), -1);
	end_req(r);
}

static void
test_lang_files_have_same_keys(void **state)
{
	static const char *const keys[] = {
		"Err.notfound", "Err.forbidden", "Err.csrf", "Err.unavailable", "Err.toolarge",
		"Err.parse.utf8", "Err.parse.escape", "Err.duplicate", "Login.failed",
		"Login.throttled", "Role.enterprise", "Role.admin", "Grade.black",
	};
	struct req *zh = new_req("zh-CN");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		struct req en;
		memset(&en, 0, sizeof(en));
		en.lang = "en";
		assert_string_not_equal(view_str(zh, keys[i]), keys[i]);
		assert_string_not_equal(view_str(&en, keys[i]), keys[i]);
		assert_string_not_equal(view_str(zh, keys[i]), view_str(&en, keys[i]));
	}
	end_req(zh);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_is_escaped),
		cmocka_unit_test(test_template_syntax_in_data_is_inert),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_unknown_template),
		cmocka_unit_test(test_lang_files_have_same_keys),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
