/* fuzz_scenario.c — libFuzzer target: loadgen's scenario loader
 * (scenario_load_string: libyaml documents into a plan) on arbitrary bytes.
 * Harness only: the loader is loadgen's (loadgen/scenario.h).
 *
 * Property beyond the sanitizers: a refused scenario's message starts with
 * the file name, as every error must read "FILE:LINE: problem". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char name[] = "fuzz.yaml";
    lg_plan plan;
    lb_err err = {0};
    if (scenario_load_string(name, (const char *)data, size, &plan, &err) == 0) {
        plan_free(&plan);
        return 0;
    }
    if (strncmp(err.msg, name, sizeof name - 1)) {
        fprintf(stderr, "fuzz_scenario: an error without the file name: %s\n", err.msg);
        abort();
    }
    return 0;
}
