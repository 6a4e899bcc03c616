// The header only (no pkg-config: its -lmariadb would link the library,
// which MySQLClientLibrary opens at run time instead). Debian/Ubuntu and
// Homebrew (keg-only) keep it outside the default include path.
#if __has_include(<mariadb/mysql.h>)
#include <mariadb/mysql.h>
#elif __has_include("/opt/homebrew/opt/mariadb-connector-c/include/mariadb/mysql.h")
#include "/opt/homebrew/opt/mariadb-connector-c/include/mariadb/mysql.h"
#elif __has_include("/usr/local/opt/mariadb-connector-c/include/mariadb/mysql.h")
#include "/usr/local/opt/mariadb-connector-c/include/mariadb/mysql.h"
#else
#include <mysql.h>
#endif
