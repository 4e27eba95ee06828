/* template.h — request templates: literal text with {rand:a:b}, {var:NAME}
 * and {env:NAME:default} placeholders.
 *
 * A template is compiled once when the scenario is loaded ({env:...} is
 * resolved then) and expanded per request into a caller-provided buffer,
 * with no allocation and no printf on the hot path. Variables are looked up
 * by slot number in a per-user array, so expansion is a copy loop. */
#ifndef LG_TEMPLATE_H
#define LG_TEMPLATE_H
#include <stdbool.h>
#include <stddef.h>
#include "lberr.h"
#include "rng.h"

typedef struct lg_tmpl lg_tmpl;

/* Variable names seen while compiling; slot i is names[i]. Grows as new
 * {var:NAME} placeholders appear. */
typedef struct lg_vars {
    char **names;
    size_t n, cap;
} lg_vars;

/* Index of NAME in vars, adding it when missing; -1 on OOM. */
int vars_slot(lg_vars *vars, const char *name);
/* Index of NAME or -1 when not present. */
int vars_find(const lg_vars *vars, const char *name);
/* Free the names and reset vars to empty. */
void vars_free(lg_vars *vars);

/* Compile text into a template. Unknown placeholders ("{foo}"), unclosed
 * braces, bad rand bounds (non-integers, a > b) are errors. "{{" and "}}"
 * stand for literal braces. Returns NULL with err set on error. */
lg_tmpl *tmpl_compile(const char *text, lg_vars *vars, lb_err *err);
/* Free a compiled template (NULL is fine). */
void tmpl_free(lg_tmpl *t);

/* True when the template is plain text (no rand/var): it can be expanded
 * once and reused. */
bool tmpl_is_static(const lg_tmpl *t);
/* True when the template references variable slot `slot`. */
bool tmpl_uses_var(const lg_tmpl *t, int slot);

/* Expand t into buf (NUL-terminated, truncated at cap-1). vals[slot] are the
 * variable values (NULL = unset, expands to nothing and sets *missing when
 * missing is not NULL). r may be NULL: {rand:a:b} then expands to a.
 * Returns the full length the expansion needed, so a result >= cap means it
 * was truncated. */
size_t tmpl_expand(const lg_tmpl *t, char *buf, size_t cap, lg_rng *r,
                   const char *const *vals, bool *missing);

#endif
