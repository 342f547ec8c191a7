// Bridge to the system zlib (zlib1g-dev). Only LectorZlib imports this module.
//
// Why wrappers: inflateInit2 is a function-like macro (it passes ZLIB_VERSION and sizeof(z_stream)),
// which Swift does not import.
#ifndef LECTOR_CZLIB_SHIM_H
#define LECTOR_CZLIB_SHIM_H

#include <zlib.h>

static inline int czlib_inflateInit2(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
