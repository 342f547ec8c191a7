// Bridge to the system MeCab (libmecab-dev; Homebrew's `mecab` on macOS), the Japanese morphological
// analyser. Only LectorMeCab imports this module. mecab.h declares a C API (plain functions over
// opaque model, tagger and lattice handles) beside its C++ classes, which sit behind __cplusplus,
// so the header is included as it is. Debian ships no pkg-config file for MeCab: the module map
// links libmecab by name and the header is in the default include path.
#ifndef LECTOR_CMECAB_SHIM_H
#define LECTOR_CMECAB_SHIM_H

#include <mecab.h>

#endif
