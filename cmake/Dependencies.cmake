# Every third-party library comes from a Debian 12 package (scripts/install-deps).
# (SOCI's Debian build was configured with Boost support, so its headers need libboost-dev.)
# Each is wrapped in an imported target named cairn::dep::NAME so modules link by name.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(GTest REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(TBB REQUIRED)
find_package(simdjson REQUIRED)

pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(OPENSSL REQUIRED IMPORTED_TARGET openssl)
pkg_check_modules(IGRAPH REQUIRED IMPORTED_TARGET igraph)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(MAGIC REQUIRED IMPORTED_TARGET libmagic)

# libcsv ships neither CMake nor pkg-config files.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(cairn_dep_libcsv INTERFACE)
target_include_directories(cairn_dep_libcsv SYSTEM INTERFACE ${LIBCSV_INCLUDE_DIR})
target_link_libraries(cairn_dep_libcsv INTERFACE ${LIBCSV_LIBRARY})
add_library(cairn::dep::libcsv ALIAS cairn_dep_libcsv)

# SOCI ships no CMake or pkg-config files in Debian 12: locate its libraries by hand.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE soci_core REQUIRED)
find_library(SOCI_SQLITE3 soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL soci_postgresql REQUIRED)
add_library(cairn_dep_soci INTERFACE)
target_include_directories(cairn_dep_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${LIBPQ_INCLUDE_DIRS})
target_link_libraries(cairn_dep_soci INTERFACE
  ${SOCI_SQLITE3} ${SOCI_POSTGRESQL} ${SOCI_CORE} PkgConfig::SQLITE3 PkgConfig::LIBPQ ${CMAKE_DL_LIBS})
add_library(cairn::dep::soci ALIAS cairn_dep_soci)
