# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries warnings, Qt safety defines and hardening, as in
# qBittorrent's CommonConfig.cmake. Every Volley target links it.
add_library(volley_build_options INTERFACE)
target_compile_options(volley_build_options INTERFACE -Wall -Wextra -Wpedantic)
if(VOLLEY_WERROR)
    target_compile_options(volley_build_options INTERFACE -Werror)
endif()
target_compile_definitions(volley_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_STRICT_ITERATORS
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    VOLLEY_VERSION="${PROJECT_VERSION}")
# Hardening in optimised builds (fortify needs optimisation).
target_compile_options(volley_build_options INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-D_FORTIFY_SOURCE=2>
    -fstack-protector-strong)
target_link_options(volley_build_options INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-Wl,-z,relro,-z,now>)

# The environment of every test: offscreen GUI, and the sanitizers' options with
# the suppressions for libraries that are not built with them (Qt). Leaks have
# none: everything, OpenSSL's per-thread state included, is freed (core/ssh).
set(VOLLEY_TEST_ENVIRONMENT
    "QT_QPA_PLATFORM=offscreen"
    "QT_LOGGING_RULES=qt.qpa.*=false"
    "TSAN_OPTIONS=die_after_fork=0 halt_on_error=1 suppressions=${PROJECT_SOURCE_DIR}/tests/tsan.supp"
    "ASAN_OPTIONS=detect_leaks=1")
