#ifndef LECTOR_FUZZER_DRIVER_H
#define LECTOR_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point when the program has its own main (libclang_rt.fuzzer_no_main):
/// parses libFuzzer's flags from argv and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
