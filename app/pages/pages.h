/* pages.h — handlers and forms, one file per resource; wired in routes.c. */
#ifndef PAGES_H
#define PAGES_H

#include "core/form.h"
#include "core/req.h"

/* home.c */
int home_get(struct req *);

/* account.c */
extern const struct form login_form, login_query_form, lang_form;
int login_get(struct req *);
int login_post(struct req *);
int logout_post(struct req *);
int me_get(struct req *);
int lang_post(struct req *);

/* entity.c */
extern const struct form search_form;
int search_get(struct req *);
int entity_get(struct req *);

/* admin.c */
extern const struct form admin_users_form;
int admin_users_get(struct req *);

#endif
