<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!-- A test-only translation for the made-up language "xx": test_cli_translation.sh
     compiles it and runs volley-cli with LANGUAGE=xx to see these texts come out.
     Not in VOLLEY_TS_FILES, so update_translations leaves it alone. -->
<TS version="2.1" language="xx">
<context>
    <name>volley::cli::Main</name>
    <message>
        <source>unknown command &apos;%1&apos;; see volley-cli --help</source>
        <translation>xx-unknown-command «%1» (xx: volley-cli --help)</translation>
    </message>
</context>
<context>
    <name>volley::HostPattern</name>
    <message>
        <source>reversed range &apos;%1&apos;; write the low number first, e.g. [%2-%3]</source>
        <translation>xx-reversed-range «%1» (xx: [%2-%3])</translation>
    </message>
</context>
</TS>
