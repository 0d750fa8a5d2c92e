# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for volley-cli (installed as
# /usr/share/bash-completion/completions/volley-cli). Keep in step with each
# command's --help: tests/packaging/test_deb.sh fails on an option --help lists and this lacks.
# shellcheck disable=SC2207  # COMPREPLY=($(compgen ...)) is the bash-completion idiom: no word has a space

_volley_cli_targets()
{
    # Host names from ~/.ssh/config and known_hosts, plus the local machine.
    local IFS=$'\n'
    _known_hosts_real -- "$cur"
    COMPREPLY+=($(compgen -W 'local' -- "$cur"))
}

_volley_cli()
{
    local cur prev words cword split
    _init_completion -s -n : || return

    local commands='run hosts inventory fleet lab'
    local cmd='' i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *)
                cmd=${words[i]}
                break
                ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    case $cmd in
        run)
            # After "--" everything is the command to run.
            local j
            for ((j = i + 1; j < cword; j++)); do
                if [[ ${words[j]} == -- ]]; then
                    _command_offset $((j + 1))
                    return
                fi
            done
            case $prev in
                -H | --hosts | -x | --exclude)
                    _volley_cli_targets
                    return
                    ;;
                --hosts-file | --plan | --failed-file | --journal | --known-hosts | -i | --identity)
                    _filedir
                    return
                    ;;
                --ssh-config)
                    _filedir
                    COMPREPLY+=($(compgen -W 'none' -- "$cur"))
                    return
                    ;;
                --outdir)
                    _filedir -d
                    return
                    ;;
                --host-key-policy)
                    COMPREPLY=($(compgen -W 'strict accept-new' -- "$cur"))
                    return
                    ;;
                -l | --user)
                    COMPREPLY=($(compgen -u -- "$cur"))
                    return
                    ;;
                -c | --command | -f | --fanout | --connect-timeout | -t | --timeout | -p | --port)
                    return
                    ;;
            esac
            $split && return
            COMPREPLY=($(compgen -W '--help --help-all -H --hosts --hosts-file -x --exclude
                -c --command --plan --stop-on-error -f --fanout --connect-timeout -t --timeout
                -l --user -p --port -i --identity --ssh-config --known-hosts --host-key-policy
                --ask-pass -b --gather --json --json-stream --outdir --failed-file --journal -q --quiet
                --no-color --progress --' -- "$cur"))
            ;;
        hosts)
            case $prev in
                -x | --exclude)
                    _volley_cli_targets
                    return
                    ;;
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help --help-all -x --exclude' -- "$cur"))
            elif [[ $prev == hosts ]]; then
                COMPREPLY=($(compgen -W 'expand fold' -- "$cur"))
            fi
            ;;
        inventory)
            case $prev in
                --format)
                    COMPREPLY=($(compgen -W 'auto list ssh-config ansible-ini ansible-yaml csv
                        json known-hosts' -- "$cur"))
                    return
                    ;;
                -o | --output)
                    _filedir
                    return
                    ;;
                --group | --tag)
                    return
                    ;;
            esac
            $split && return
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help --help-all --format --dry-run --group --tag --json
                    -o --output' -- "$cur"))
            elif [[ $prev == inventory ]]; then
                COMPREPLY=($(compgen -W 'import list export remove path' -- "$cur"))
            else
                _filedir # import FILE...
            fi
            ;;
        fleet)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help --help-all --json --listen-any' -- "$cur"))
            elif [[ $prev == fleet ]]; then
                COMPREPLY=($(compgen -W 'up' -- "$cur"))
            fi
            ;;
        lab)
            case $prev in
                --kind)
                    COMPREPLY=($(compgen -W 'threads processes sequential event-loop' -- "$cur"))
                    return
                    ;;
                --sync)
                    COMPREPLY=($(compgen -W 'none mutex atomic' -- "$cur"))
                    return
                    ;;
                --workers | --seconds | --increments | --repeat | --work | --step-ms)
                    return
                    ;;
            esac
            $split && return
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help --kind --workers --seconds --increments --sync
                    --repeat --work --step-ms --json' -- "$cur"))
            elif [[ $prev == lab ]]; then
                COMPREPLY=($(compgen -W 'spawn counter bank share cpu stop' -- "$cur"))
            fi
            ;;
    esac
} &&
    complete -F _volley_cli volley-cli

# ex: filetype=sh
