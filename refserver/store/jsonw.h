/* jsonw.h — a streaming JSON writer for the hot list endpoints.
 *
 * jansson builds a tree per response and its encoder escapes strings
 * through a callback per run of characters; for a 100-row /logs page that
 * was half of the server's CPU (perf, docs/refserver.md). Rows read from
 * SQLite are written straight into the reply buffer instead, in the same
 * compact form jansson produces for strings and integers (raw UTF-8, no
 * escaped '/'); floats use the shortest round-trip form. Small and
 * irregular bodies still go through jansson. */
#ifndef RS_JSONW_H
#define RS_JSONW_H
#include <stddef.h>
#include "buf.h"
#include "db.h"

/* Append s (n bytes) as a JSON string literal, escaping '"', '\\' and
 * control characters. 0 or -1 (OOM). */
int jw_str(lb_buf *b, const char *s, size_t n);
/* Append ,"key": (leading comma unless first). key must need no escaping. */
int jw_key(lb_buf *b, const char *key, int first);
/* Column i of st as a JSON string, or null. */
int jw_col_text(lb_buf *b, rs_stmt *st, int i);
/* Column i as the seed's ISO datetime ("YYYY-MM-DDTHH:MM:SS"), or null. */
int jw_col_iso(lb_buf *b, rs_stmt *st, int i);
/* Column i as an integer, or null. */
int jw_col_int(lb_buf *b, rs_stmt *st, int i);
/* Column i as a float in the shortest round-trip form (Python repr, close to
 * the seed's orjson: 0.1, 30.0, 1e-07), or null. */
int jw_col_real(lb_buf *b, rs_stmt *st, int i);
/* Column i holding JSON text written by refserver itself, emitted as is;
 * `fallback` ("[]", "{}") when NULL or empty. */
int jw_col_raw(lb_buf *b, rs_stmt *st, int i, const char *fallback);

#endif
