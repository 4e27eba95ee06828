/* test_readfile.c — lb_read_file: sizes across the growth steps, empty
 * files, NUL bytes kept, and the open error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "readfile.h"

static char path[] = "/tmp/lb_readfile_XXXXXX";

static void write_bytes(const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_sizes(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 8190, 8191, 8192, 20000, 100003};
    char *data = malloc(100003);
    assert_non_null(data);
    for (size_t i = 0; i < 100003; i++)
        data[i] = (char)('a' + i % 26);
    data[5] = '\0'; /* a NUL inside is kept and counted */
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        write_bytes(data, sizes[k]);
        size_t len = 1234;
        lb_err err = {0};
        char *got = lb_read_file(path, "test", &len, &err);
        assert_non_null(got);
        assert_int_equal(len, sizes[k]);
        if (sizes[k])
            assert_memory_equal(got, data, sizes[k]);
        assert_int_equal(got[len], '\0');
        free(got);
    }
    free(data);
}

static void test_missing_file(void **state)
{
    (void)state;
    lb_err err = {0};
    size_t len = 7;
    assert_null(lb_read_file("/nonexistent/dir/x.yaml", "scenario", &len, &err));
    assert_non_null(strstr(err.msg, "/nonexistent/dir/x.yaml: cannot open scenario: "));
    assert_int_equal(len, 7);
}

static int setup(void **state)
{
    (void)state;
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
