// The header only (no pkg-config: its -lpq would link the library, which
// PostgreSQLClientLibrary opens at run time instead). Debian/Ubuntu and
// Homebrew (keg-only) keep it outside the default include path.
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#elif __has_include("/opt/homebrew/opt/libpq/include/libpq-fe.h")
#include "/opt/homebrew/opt/libpq/include/libpq-fe.h"
#elif __has_include("/usr/local/opt/libpq/include/libpq-fe.h")
#include "/usr/local/opt/libpq/include/libpq-fe.h"
#else
#include <libpq-fe.h>
#endif
