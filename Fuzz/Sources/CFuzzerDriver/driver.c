// The driver itself lives in the toolchain's libclang_rt.fuzzer_no_main; this target only
// carries its declaration (include/CFuzzerDriver.h).
#include "CFuzzerDriver.h"
