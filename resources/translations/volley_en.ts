<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>volley::CommandBar</name>
    <message>
        <source>Command to run, e.g. uptime — several lines run in order on one connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One command per line; Ctrl+Enter runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands you ran before (searchable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many targets run at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fanout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-command timeout; none = wait as long as it takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host keys: refuse (strict), record them (accept new) or ask you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host-key policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fanout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No commands yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save current command as snippet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the command in the bar under a name, to run it again later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Exec</name>
    <message>
        <source>cannot create a spill file in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the spill file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Fleet</name>
    <message>
        <source>could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the fleet account %1 (%2); install the passwd package or create the account by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the fleet password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unlock the fleet account %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create /run/sshd, sshd&apos;s privilege separation directory; create it (mode 0755, owner root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh-keygen failed (%1); install openssh-client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sshd exited at start-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sshd did not listen on %1:%2 within 15 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not found; install the openssh-server package (apt-get install openssh-server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh-keygen not found; install the openssh-client package (apt-get install openssh-client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fleet needs 1 to 64,000 hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no free TCP port on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fleet was never started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fleet account name %1 is not a valid user name (lower-case letters, digits, &apos;-&apos; and &apos;_&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::GuiCredentialProvider</name>
    <message>
        <source>Unknown host keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts with unknown keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the fingerprints with those the hosts&apos; administrator gave you before accepting. A key you reject ends that target as host_key_rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept and remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust these keys and add them to known_hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust these keys for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not connect to these hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 host presented a key that is not in known_hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hosts presented a key that is not in known_hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unknown host keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1@%2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for the key %1 (target %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for the other targets of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory until the run ends; never written to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley does not save this; no system keychain is configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::HistoryModel</name>
    <message>
        <source>%1 ok, %2 not ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to reopen this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not finish; reopen for the targets that did</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::HostPattern</name>
    <message>
        <source>host pattern &apos;%1&apos;: %2 (at column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host pattern &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty element; remove the extra comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty range &apos;[]&apos;; write e.g. [1-3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty item in range &apos;%1&apos;; remove the extra comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in range &apos;%2&apos; is not a number or low-high pair of numbers, e.g. [1-3,7]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in range &apos;%2&apos; has more than %3 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversed range &apos;%1&apos;; write the low number first, e.g. [%2-%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range &apos;%1&apos; pads its ends to different widths; write both with the same number of digits, e.g. [%2-%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;[&apos; has no closing &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ranges cannot nest (&apos;[&apos; inside &apos;[...]&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;]&apos; without an opening &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space inside &apos;%1&apos;; separate names with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invisible character U+%1; retype the pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; would expand past %2 names; split it into smaller patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;@&apos; needs a group name, e.g. @web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a group name starts with a letter, digit or &apos;_&apos;, e.g. @web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;@%1&apos; cannot be resolved here: groups come from the saved inventory (volley-cli inventory import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;@%1&apos; would take the list past %2 names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty host pattern; give names such as web[01-20].lab,db1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;!&apos; must be followed by a name to exclude, e.g. !web07</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Import</name>
    <message>
        <source>section &apos;[%1]&apos;: unknown kind &apos;:%2&apos; (expected :vars or :children); its lines are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a group name; its lines are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in [%2:vars] is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbalanced quotes; line skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; after host &apos;%2&apos; is not key=value; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: vars must be a mapping of name: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is nested more than 64 deep; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos; must be a mapping with hosts, vars or children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;hosts&apos; of group &apos;%1&apos; must be a mapping of host names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;children&apos; of group &apos;%1&apos; must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in group &apos;%2&apos; (expected hosts, vars or children); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: an Ansible YAML inventory is a mapping of groups (usually starting with &apos;all:&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the inventory is too large or too deeply aliased to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: not valid YAML: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a duplicate of line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: empty CSV file; the first line must be a header such as name,address,port,user,groups,tags,command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: the header needs a &apos;name&apos; or &apos;address&apos; column, e.g. name,address,port,user,groups,tags,command (found: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos;: its values are kept as vars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more fields than the header has columns; quote values that contain &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport &apos;%1&apos; is neither ssh nor local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name and no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry must be a name or an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; line: not a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;HOSTS KEYTYPE KEY&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a hashed name (HashKnownHosts) cannot be read back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a wildcard pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also known as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a duplicate of line %2 (another key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>groups %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vars %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=%2 is not a port from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;[&apos; without &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a range is [start:end] or [start:end:step], e.g. web[01:20]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the step must be a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: reversed range; write the low end first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; would expand past %2 names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;[%2]&apos; is not a numeric or letter range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name (empty or with blanks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name ends in .json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name ends in .%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name ends in .ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is called known_hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is called %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 (&apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts a JSON document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks like YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an ssh_config keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an INI section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a known_hosts entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sets Ansible variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a CSV header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in a structured format, so one pattern per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read hosts file &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hosts file &apos;%1&apos; is larger than %2 MiB; is it the right file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos; (expected &apos;Keyword value&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Host&apos; without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a wildcard pattern, not a machine; its settings apply to the hosts it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Match %1&apos; block skipped: Volley does not evaluate Match conditions; use Host blocks for machines to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Include&apos; not followed: the text was not read from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Include&apos; nested more than %1 deep (a loop?); not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Include %1&apos; matches no readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read included %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host &apos;%1&apos;: Port &apos;%2&apos; is not a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Inventory</name>
    <message>
        <source>cannot export as %1; use json, ansible-ini or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no group &apos;%1&apos;: the saved inventory has no groups; import some with volley-cli inventory import FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no group &apos;%1&apos; in the saved inventory (groups: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a target needs a non-empty string &apos;name&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;transport&apos; is &apos;%1&apos;; use &apos;ssh&apos; or &apos;local&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;port&apos; must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;vars&apos; must be an object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>var &apos;%1&apos; must be a string, number or boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schemaVersion is %1, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;targets&apos; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;groups&apos; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2; check the folder&apos;s permissions and free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema 1 file without a &apos;hosts&apos; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &apos;schemaVersion&apos;: not a Volley inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1 is newer than this Volley reads (up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;schemaVersion&apos; must be a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the inventory %1: %2; check its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot back up %1 to %2 before migrating it from schema %3; check the folder&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inventory %1 was written by a newer Volley: %2; it is left untouched and will not be saved over; upgrade Volley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inventory %1 is corrupt (%2) and could not be moved aside; move it away by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inventory %1 is corrupt (%2); kept it as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; loaded the backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; starting with an empty inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saving over %1: it could not be read safely (see the earlier message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saving over %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saving over the corrupt %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad target &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it contains the invisible character U+%1; retype the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name cannot start with &apos;!&apos; (in host patterns it means &quot;exclude&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;local:&apos; needs a name after the colon, e.g. local:build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty user before &apos;@&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;[&apos; without a closing &apos;]&apos; around an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name contains &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Lab</name>
    <message>
        <source>process worker %1 (pid %2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process worker did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs with --kind %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--workers must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seconds must be more than 0 and at most 600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--increments must be between 1 and 1000000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bank runs with --sync none|mutex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--repeat must be between 1 and 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--work must be between 1 and 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--step-ms must be between 0 and 10000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create shared memory in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot size shared memory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot map shared memory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open shared memory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no volley-cli program is set for process workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start process worker %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::LabPage</name>
    <message>
        <source>Spawn and join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared counter: race and lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: deposit and withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied vs shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU-bound work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;N workers each wait S seconds; the parent waits for all of them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Watch:&lt;/b&gt; threads, processes and timers on one event loop overlap, so the total is about S. Run them one after another and the bars form a staircase: about N×S. Waiting needs no CPU, so even one thread with an event loop can wait for many things at once.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;W workers each add 1 to one shared counter K times.&lt;/p&gt;&lt;p&gt;&lt;b&gt;none&lt;/b&gt;: each worker reads the value, then writes value+1. Two workers that read 41 both write 42: one update is &lt;i&gt;lost&lt;/i&gt;. &lt;b&gt;mutex&lt;/b&gt;: only one worker at a time may read and write (red bars: waiting for the lock). &lt;b&gt;atomic&lt;/b&gt;: the CPU does the read-add-write as one step.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Numbers:&lt;/b&gt; expected W×K, actual, and the lost updates. With processes the counter lives in shared memory and the lock is process-shared. Turn on slow motion to see every read and write; lost updates are circled in red.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The balance starts at 500. One worker deposits 1 a hundred times, another withdraws 1 a hundred times, each after a short pause.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Watch:&lt;/b&gt; without a lock a deposit can be overwritten by a withdrawal that read the balance just before it, so the end balance drifts in some runs — repeat the run and count how often. With the lock it always ends at 500.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A worker increments a plain counter and appends squares to a plain list, and writes cubes into a shared array and a shared counter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Watch:&lt;/b&gt; a thread works in the parent&apos;s own memory, so the parent sees every change. A process has its own copy of memory: the parent&apos;s plain values stay unchanged; only memory that was explicitly shared changes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The same amount of computation split over 1, 2, … N workers.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Numbers:&lt;/b&gt; speed-up against one worker (at most the number of free cores), the cost of starting a worker (a thread: microseconds; a process: milliseconds) and memory (each process has its own; threads share one).&lt;/p&gt;&lt;p&gt;In C++ threads really run in parallel. Interpreters with a global lock (such as CPython&apos;s GIL) run one thread at a time, which is why they use processes for CPU-bound work.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A worker is busy; then we stop it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Watch:&lt;/b&gt; a process can be killed from outside at once. A thread cannot: it shares memory and locks with the rest of the program, so it must be asked and stops only when it next checks the flag.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (torn read-modify-write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atomic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain memory (parent sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared memory (parent sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List / array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome trace JSON: open it in Perfetto or chrome://tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole timeline (Ctrl+wheel zooms, drag pans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline as Chrome trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running… %1 of %2 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process workers need volley-cli; it was not found next to this program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost updates so far: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread %1 · tid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1 · pid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · tid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timer %1 · tid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost updates so far: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; every worker has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classic experiment to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the workers start: threads, processes, one after another, or on an event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many workers run the experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each worker waits (sleeps or blocks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each worker adds one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the shared value is protected: not at all, by a mutex, or atomically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the experiment runs, for the spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work per worker (CPU-bound speed-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the counter step by step, so every lost update can be seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds per step in slow motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the experiment with these parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the workers now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory seen by the parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the parent reads after the workers wrote: copied memory stays as it was, shared memory shows their writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per run of an experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the results table as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the timeline as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text and timeline rows, for a projector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::LabResultsModel</name>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 increments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1..%1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow motion %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1 ms (sequential ≈ %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates in %1 of %2 runs: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended at 500 in %1 of %2 runs: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain: counter %1, list %2 | shared: counter %3, array %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×: %2 ms, speed-up %3, start %4 µs, %5 kB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped %1 ms after the request (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::LocalTask</name>
    <message>
        <source>could not start /bin/sh on this machine: %1; check that /bin/sh exists and that Volley may create processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command timed out after %1 s; terminating it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command ran past the %1 s timeout and was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::MainWindow</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the command on the checked targets (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run: stop every target still running (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the same command again on the targets that did not end ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the last command again on the same targets (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text in the output shown (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next output tab (Ctrl+Tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the previous output tab (Ctrl+Shift+Tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run shown as JSON (volley-cli&apos;s schema) or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a run saved as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show targets, commands and output (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Concurrency Lab (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output font, scrollback size and connection timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an SSH host or the local machine to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Volley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export outputs to folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every target&apos;s exact output bytes to files in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export outputs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck every target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the targets whose last run did not end ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: name, group, tag or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only the targets whose last run did not end ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets grouped by identical output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a target in a group that differs to compare it with the majority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the majority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the selected target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a run to show it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run was not kept; only its counts are known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines each output tab keeps; Save output always has every byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scrollback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font of the output tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output &amp;font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on %1 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy host-key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget host key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the known_hosts entry of %1? The next connection will ask again (or be refused under the strict policy).

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets can be edited when the run has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is in progress; cancel it (Esc) or wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one target on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a destructive command?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command can destroy data or stop machines, and it will run on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed targets to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: killed by signal %2 after %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit %1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley — %1/%2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley: run finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>majority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (majority) compared with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save output of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the output of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is in progress; cancel it or wait for it to end first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reopened from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the saved JSON holds only the first part of this output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run keeps no journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volley runs and journals (*.json *.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run did not finish: %1 of %2 targets had finished and are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the page switcher and file actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::OutputPane</name>
    <message>
        <source>Output of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text in this output (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep scrolling to new output; pauses when you scroll up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selection, or all shown output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every byte this target wrote, exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %Ln byte(s) not shown here; Save output has every byte …</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>wrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Report</name>
    <message>
        <source>cannot write the run journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Volley run (no &quot;tool&quot;: &quot;volley&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;targets&quot; is missing or not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;target&quot; name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) has an unknown status &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;commands&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a command entry without &quot;command&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: not a JSON object (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:1: not a Volley run journal (no &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 2 GiB; not a run journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 2 GiB; not a saved run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON at byte %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a JSON object was expected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Ssh</name>
    <message>
        <source>out of memory creating an SSH session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the ssh config file %1; give a readable file or --ssh-config none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse the ssh config file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1@%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection reset during the handshake (%1); retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH handshake with %1 failed: %2; the server and Volley share no algorithm - check the server&apos;s KexAlgorithms and HostKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach %1 (%2): the server closed the connection during the SSH handshake %3 times (last: %4); it is probably refusing new connections under load (sshd MaxStartups): lower the fanout (-f) or raise MaxStartups on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the name &apos;%1&apos; (DNS, /etc/hosts, ~/.ssh/config HostName)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing listens on port %1: check that sshd runs and the port is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SSH answer within %1 s: check that the host is up and reachable, or raise the connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check that the host is up and runs sshd on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach %1 (%2): %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent no host key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key for %1 changed: now %2 %3%4. This may be an attack (or the host was reinstalled). If you know why, remove the old key with: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (known: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key for %1 is not known (%2 %3) and the policy is strict; check the fingerprint, then run once with --host-key-policy accept-new (or add it to %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key for %1 (%2 %3) was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the host key of %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded new host key %1 %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted host key %1 %2 for this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check the host key of %1 against %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot use identity file %1 (unreadable, not a private key, or the passphrase is wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publickey %1 (unusable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection to %1 failed while authenticating: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publickey (agent and default keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while authenticating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection during authentication as %2 (tried: %3): %4; the server may limit attempts (MaxAuthTries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication as %1 on %2 failed (tried: %3; the server offers: %4); check the user name, and that your public key is in the user&apos;s ~/.ssh/authorized_keys on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open a channel on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused to run the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command timed out after %1 s; sending TERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled; sending TERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection to %1 dropped while running the command: %2; the output received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command %1 on %2 could not complete; see the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 dropped during command %2 (%3); the output received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command %1 ran past the %2 s timeout and was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a chain of jump hosts (%1) is not supported; give one jump host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jump host &apos;%1&apos; is not a host name ([user@]host[:port])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be reached through a jump host: it is not a host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 cannot be handed to the jump host&apos;s ssh (it holds &apos;%&apos; or &apos;&quot;&apos;); rename it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the jump host&apos;s ssh command would be too long (%1 bytes); give fewer identity files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::Status</name>
    <message>
        <source>1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 targets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::SummaryModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First line of output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::TargetDialog</name>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[user@]host[:port], [user@][v6addr]:port or local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults to the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web, production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~/.ssh/id_ed25519 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address, e.g. admin@web01:2222, or local.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; may not contain spaces, commas or brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target called &quot;%1&quot; exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::TargetModel</name>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ungrouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::TargetSelection</name>
    <message>
        <source>group &apos;@%1&apos; has no targets; add some with volley-cli inventory import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no targets: give -H PATTERN (e.g. -H &apos;web[01-04],local&apos;) or --hosts-file FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; first problem: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hosts file &apos;%1&apos; (read as %2) has no targets%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host pattern &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no targets selected by &apos;%1&apos;: every name was excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no targets left: the exclusions (-x %1) removed every selected target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::TimelineWidget</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker 00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — lost update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Fleet</name>
    <message>
        <source>Start a private OpenSSH sshd answering on N loopback addresses (127.0.0.2, ...),
print how to reach it, and keep it up until Ctrl-C.

Examples:
  volley-cli fleet up 8
  volley-cli fleet up 200 --json &gt; fleet.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of hosts (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the details as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sshd on 0.0.0.0 (only inside a private network namespace: unshare -n).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;up [N]&apos;; see volley-cli fleet --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host count from 1 to 64000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fleet up: %1 hosts (%2 ... %3), port %4, user %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity file: %1
known_hosts:   %2
ssh_config:    %3
host key:      %4
</source>
        <extracomment>The labels are padded so the values line up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>try: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl-C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fleet stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Inventory</name>
    <message>
        <source>%1; see volley-cli %2 --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inventory was upgraded from schema %1; the old file is kept as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patterns expand past %1 names together; split them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read names from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fold needs names, as arguments or on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos;; use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import needs a FILE; see volley-cli inventory --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: read as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  took    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no targets found in %1; nothing imported (try --format to name the format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: %1 targets understood, %2 entries skipped; nothing saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved %1 targets (%2 new, %3 updated, %4 skipped) to %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GROUPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the inventory is empty; add hosts with volley-cli inventory import FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export as &apos;%1&apos;; use json, ansible-ini or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove needs target names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target &apos;%1&apos; in the inventory; see volley-cli inventory list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand host patterns into names, or fold names into patterns.

Patterns: web[01-20].lab,db1  10.0.[1-2].[1-50]  n[1-3,7]  root@host:2222
          [::1]:2222  @group (saved inventory)  !web07 (exclude)

Examples:
  volley-cli hosts expand &apos;web[01-04].lab,!web03.lab&apos;
  volley-cli hosts expand @prod -x @db
  volley-cli hosts fold web01 web02 web03 web05
  printf &apos;n1\nn2\nn3\n&apos; | volley-cli hosts fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patterns to expand, or names to fold (read from standard input when none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out names matching PATTERN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;expand PATTERN...&apos; or &apos;fold NAME...&apos;; see volley-cli hosts --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expand needs a PATTERN, e.g. &apos;web[01-04]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; use expand or fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import, list and export the saved inventory (%1).

Actions:
  import FILE... [--format F] [--dry-run]   add hosts from files
  list [--group G] [--tag T] [--json]       show saved targets
  export [--format json|ansible-ini|list] [-o FILE]
  remove NAME...                            forget targets
  path                                      print the file&apos;s path

Import formats: %2 (auto detects from the name and content).

Examples:
  volley-cli inventory import ~/.ssh/config --dry-run
  volley-cli inventory import hosts.yml
  volley-cli inventory list --group web
  volley-cli inventory export --format ansible-ini &gt; hosts.ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import, list, export, remove or path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format (import: auto by default; export: json by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what import understood; save nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only targets of group G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only targets with tag T.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an action: import, list, export, remove or path; see volley-cli inventory --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; use import, list, export, remove or path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Lab</name>
    <message>
        <source>Usage: volley-cli lab &lt;experiment&gt; [options]

Run a Concurrency Lab experiment for real and print what happened.

Experiments:
  spawn    N workers each wait S seconds: concurrent ≈ S, sequential ≈ N×S
           --kind threads|processes|sequential|event-loop --workers N --seconds S
  counter  W workers each add 1 to one counter K times; without a lock updates are lost
           --kind threads|processes --workers N --increments K --sync none|mutex|atomic
           [--repeat R] [--step-ms MS]
  bank     balance 500; one worker deposits 1 a hundred times, one withdraws 1 a
           hundred times; only with a lock does it always end at 500
           --kind threads|processes --sync none|mutex [--repeat R] [--step-ms MS]
  share    plain vs shared memory: a process changes only its own copy
           --kind threads|processes
  cpu      the same work split over 1..N workers: speed-up, start-up cost, memory
           --kind threads|processes --workers N --work UNITS
  stop     a process is killed at once; a thread must notice a flag
           --kind threads|processes

Options:
  --json         print one JSON document (numbers and the timeline)
  --step-ms MS   slow motion: pause so each read and write is a marked event
  -h, --help     show this help

Examples:
  volley-cli lab spawn --kind threads --workers 4 --seconds 1
  volley-cli lab spawn --kind sequential --workers 4 --seconds 0.5
  volley-cli lab counter --kind threads --workers 4 --increments 100000 --sync none --repeat 3
  volley-cli lab counter --kind processes --workers 4 --increments 100000 --sync mutex --json
  volley-cli lab bank --kind threads --sync none --repeat 10
  volley-cli lab share --kind processes
  volley-cli lab cpu --kind processes --workers 4 --work 400
  volley-cli lab stop --kind threads

Exit status: 0 done, 2 bad usage, 3 an experiment could not run, 130 interrupted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;volley-cli lab --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timers on one event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spawn: %1 %2 each waiting %3 s took %4 ms (one after another: about %5 ms)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start-up: %1 µs per worker
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1: expected %2, actual %3, lost updates %4 (%5 %), %6 ms
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter: %1 %2, sync %3: updates lost in %4 of %5 runs
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1: final balance %2 (drift %3), %4 ms
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bank: %1, sync %2: balance ended at 500 in %3 of %4 runs
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share with %1: what the parent sees afterwards
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  plain counter   %1   (the worker counted to %2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  plain list      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  shared counter  %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  shared array    %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu: %1 work units over 1..%2 %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers  time ms  speed-up  start-up µs  RSS kB/worker
</source>
        <extracomment>Column headings: the numbers below are right-aligned to 7, 7, 8, 11 and 13 characters.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop: the %1 stopped %2 ms after it was asked (%3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown experiment &apos;%1&apos;; choose one of spawn, counter, bank, share, cpu, stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take --%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --kind &apos;%1&apos;; choose threads, processes, sequential or event-loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --sync &apos;%1&apos;; choose none, mutex or atomic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--workers needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--increments needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--repeat needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--work needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--step-ms needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seconds needs a number, such as 1 or 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; every worker was stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Main</name>
    <message>
        <source>Usage: volley-cli &lt;command&gt; [options]

Run commands across a fleet of machines (SSH hosts and the local machine),
and run the Concurrency Lab&apos;s experiments headless.

Commands:
  run         run commands on targets, streaming their output
  hosts       expand or fold host patterns
  inventory   import, list and export the saved inventory
  fleet       start a private sshd on loopback addresses (demo and tests)
  lab         run a Concurrency Lab experiment

Options:
  -h, --help     show this help (each command has its own --help)
  -v, --version  show the version

Examples:
  volley-cli run -H local -- uname -a
  volley-cli run -H &apos;web[01-20].lab,db1&apos; -x web07.lab -f 64 -b -- uptime
  volley-cli fleet up 8
  volley-cli lab counter --kind threads --workers 4 --increments 100000 --sync none
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see volley-cli --help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Run</name>
    <message>
        <source>Run commands on SSH hosts and the local machine, concurrently, streaming
their output line by line as &quot;target: line&quot; (stderr lines go to stderr).

Targets: [user@]host[:port], [user@][v6addr]:port, local, local:NAME; ranges
and lists as in pdsh/clush (web[01-20].lab,db1 10.0.[1-2].[1-50]); @group for a
saved group; !pattern inside a list excludes. Host names go through
~/.ssh/config (HostName, User, Port, IdentityFile, ProxyJump, ConnectTimeout).

Exit status: 0 every target ok; 1 some command exited non-zero, was killed or
timed out; 3 some target could not run (unreachable, auth_failed,
host_key_rejected, error); 2 bad usage or input (nothing ran); 130 interrupted.
Ctrl-C cancels cleanly and still reports; a second Ctrl-C exits at once.

Examples:
  volley-cli run -H local -- uname -a
  volley-cli run -H &apos;web[01-20].lab&apos; -x web07.lab -f 64 -b -- uptime
  volley-cli run -H db1,db2 -c &apos;systemctl is-active postgresql&apos; -c &apos;df -h /&apos; --stop-on-error
  volley-cli run --plan plan.json --json &gt; results.json
  volley-cli run --hosts-file hosts.txt --outdir out/ --failed-file failed.txt -- apt-get -s upgrade
  volley-cli run --hosts-file failed.txt -- apt-get -s upgrade   # retry the failed ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the plan %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan %1 is not valid JSON at byte %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan %1 must be a JSON array of {&quot;target&quot;: &quot;...&quot;, &quot;commands&quot;: [&quot;...&quot;]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entry %2</source>
        <extracomment>%1 is the plan file, %2 the entry&apos;s number (from 1).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs &quot;target&quot; (a string) and &quot;commands&quot; (an array of strings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: every command must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the output folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 target: %1 (%2 s)</source>
        <extracomment>%1 counts the targets per status (&quot;1 ok&quot;: the status words stay English), %2 is the run&apos;s time in seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 targets: %2 (%3 s)</source>
        <extracomment>%1 targets, %2 counts them per status (&quot;3 ok, 1 failed&quot;: the status words stay English), %3 is the run&apos;s time in seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run (after --), unless -c or --plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets: a comma list with ranges; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets from a file (one per line, &apos;#&apos; comments, or any inventory format); repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out targets matching PATTERN; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command; repeatable: run in order on each target over one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON plan: [{&quot;target&quot;: &quot;...&quot;, &quot;commands&quot;: [&quot;...&quot;]}, ...].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop a target&apos;s command list at its first failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets at once (default 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to connect (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per command; 0 = none (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User for targets that name none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port for targets that name none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file; repeatable (only these keys are tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh_config file to read, or &apos;none&apos; (default ~/.ssh/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known_hosts file (default ~/.ssh/known_hosts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strict (only known keys, default) or accept-new (record unknown keys; a changed key is always refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a password once on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the run, group targets with identical output (like clush -b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One JSON document on stdout at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines events as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write DIR/&lt;target&gt;.out and .err (exact bytes; &lt;target&gt;.&lt;n&gt;.out per command, from 1, when there are several).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the targets that did not end ok, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append each finished target to FILE as it ends (JSON Lines), so a crash loses nothing that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No summary or per-target notes from Volley itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No colours, even on a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress line on stderr (when it is a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; see volley-cli run --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no targets: give -H PATTERN, --hosts-file FILE or --plan FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the command either after -- or with -c, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty command; give one after -- or with -c CMD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command: give it after --, with -c CMD, or in a --plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; must be a whole number from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--host-key-policy &apos;%1&apos; must be strict or accept-new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh config file %1 does not exist (use --ssh-config none for no file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json and --json-stream exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ask-pass needs a terminal to read the password from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1/%2] %3 ok, %4 failed, %5 not run</source>
        <extracomment>The --progress line: [finished/all targets], then how many ended how.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; cancelling (Ctrl-C again to exit at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::cli::Terminal</name>
    <message>
        <source>Passphrase for your SSH key: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>volley::gui::Main</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run commands across a fleet of machines and watch every target&apos;s output live.

Examples:
  volley --demo-fleet 8
      the local machine and 8 SSH hosts on loopback, ready to run
  volley --hosts &apos;web[01-10].lab,db1&apos; --command uptime --run
      run uptime on 11 hosts as soon as the window opens
  volley --hosts-file hosts.txt --command &apos;df -h&apos; --run --export df.json --quit-when-done
      a scripted session: run, save the JSON, exit with volley-cli&apos;s exit status
  volley --demo-fleet 8 --command &apos;uname -a&apos; --run --screenshot shot.png --quit-when-done
      a picture of the finished run, for documentation
  volley --lab
      open on the Concurrency Lab
  volley --demo-fleet 8 --palette dark
      dark colours, whatever the desktop theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets to check, as host patterns (&quot;web[01-20].lab,db1&quot;, &quot;@group&quot;, &quot;local&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets to check, from a hosts file (any format volley-cli imports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to put in the command bar; repeat for several commands run in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the run as soon as the window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many targets run at once (default 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a private sshd with N loopback hosts and list them as targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the Concurrency Lab page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the run&apos;s JSON (volley-cli --json schema) to FILE when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit when the run ends, with volley-cli run&apos;s exit status (0 ok, 1 a command failed, 3 a target could not run, 130 cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window when the run ends (or after start-up if nothing runs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the GUI thread&apos;s event-loop latency as JSON at the end: p50_ms, p99_ms, max_ms, samples, bytes_shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light or dark: Volley&apos;s own colours instead of the desktop theme&apos;s (for a desktop Qt does not follow, or a projector).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--palette wants light or dark, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fanout wants a number of at least 1, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-fleet wants a number of hosts, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo fleet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo fleet of %1 hosts, CPU class %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to run: give --command and at least one target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
