# SPDX-License-Identifier: GPL-3.0-or-later
# Reads the application identity from app/identity.h, its one home, into CMake variables
# VOLLEY_ID_<NAME> (VOLLEY_ID_DESKTOPFILENAME, VOLLEY_ID_ICONNAME, ...), so the installed
# desktop entry, icon and metainfo are named exactly as the program expects.
set(_volley_identity_header "${PROJECT_SOURCE_DIR}/app/identity.h")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_volley_identity_header}")
file(STRINGS "${_volley_identity_header}" _volley_identity_lines
     REGEX "inline constexpr char k[A-Za-z]+\\[\\] = \"[^\"]*\";")
foreach(_line IN LISTS _volley_identity_lines)
    if(_line MATCHES "inline constexpr char k([A-Za-z]+)\\[\\] = \"([^\"]*)\";")
        string(TOUPPER "${CMAKE_MATCH_1}" _key)
        set(VOLLEY_ID_${_key} "${CMAKE_MATCH_2}")
    endif()
endforeach()
foreach(_key ORGANIZATIONNAME APPLICATIONNAME DISPLAYNAME DESKTOPFILENAME ICONNAME
             ICONRESOURCEDIR)
    if(NOT DEFINED VOLLEY_ID_${_key})
        message(FATAL_ERROR "app/identity.h: no k... constant for ${_key}")
    endif()
endforeach()
