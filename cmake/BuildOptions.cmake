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
