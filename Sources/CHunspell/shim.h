// Bridge to the system Hunspell (libhunspell-dev; Homebrew's `hunspell` on macOS).
// Only LectorHunspell imports this module. Hunspell's C API (hunspell.h) declares plain functions over
// an opaque handle and C strings, so no wrappers are needed: the header is included as it is.
#ifndef LECTOR_CHUNSPELL_SHIM_H
#define LECTOR_CHUNSPELL_SHIM_H

#include <hunspell.h>

#endif
