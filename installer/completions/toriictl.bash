# bash completion for toriictl.
# The commands, their options and the values of --output-like options are read from toriictl's
# own --help, so this file lists none of them and cannot fall behind the program.

# "NAME<TAB>PLACEHOLDER<TAB>DESCRIPTION" for each option name in a help text on stdin (both -o
# and --output for "-o, --output <format>  Output format: text or json.").
_toriictl_options()
{
    # A description that wraps goes on in lines indented past the option column: joined here.
    awk 'function flush(   n, i) {
            n = split(spec, names, /, */)
            for (i = 1; i <= n; i++) {
                gsub(/ /, "", names[i])
                if (names[i] != "") printf "%s\t%s\t%s\n", names[i], placeholder, text
            }
            spec = ""
        }
        /^  -/ {
            if (spec != "") flush()
            line = $0; sub(/^  /, "", line)
            split(line, columns, /  +/)
            spec = columns[1]; text = columns[2]; placeholder = ""
            if (match(spec, /<[^>]*>/)) {
                placeholder = substr(spec, RSTART + 1, RLENGTH - 2)
                spec = substr(spec, 1, RSTART - 1)
            }
            next
        }
        /^   +[^ ]/ && spec != "" { line = $0; sub(/^ +/, "", line); text = text " " line; next }
        { if (spec != "") flush() }
        END { if (spec != "") flush() }'
}

# The values a help description lists: "(none) … (role) … (kind)", or "…: text, yaml or json."
_toriictl_listed_values()
{
    local text=$1
    if [[ $text == *"("*")"* ]]; then
        grep -oE '\([a-z0-9-]+\)' <<<"$text" | tr -d '()'
    elif [[ $text == *:* ]]; then
        text=${text##*:}
        text=${text%%.*}
        tr ',' ' ' <<<"$text" | tr ' ' '\n' | grep -E '^[a-z0-9-]+$' | grep -vx 'or'
    fi
}

_toriictl_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
    else
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_toriictl()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]}
    COMPREPLY=()

    # The command: the first word after the program that is not a global option or its value.
    local i command=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --lang) ((i++)) ;;
            -*) ;;
            *) command=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $prev == --lang ]]; then
            COMPREPLY=($(compgen -W 'en ja' -- "$cur"))
        elif [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--lang --version --help' -- "$cur"))
        else
            local commands
            commands=$("$program" --help 2>/dev/null | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return 0
    fi

    local table
    table=$("$program" "$command" --help 2>/dev/null | _toriictl_options)
    if [[ $prev == -* ]]; then
        local row placeholder description
        row=$(awk -F '\t' -v name="$prev" '$1 == name { print; exit }' <<<"$table")
        if [[ -n $row ]]; then
            IFS=$'\t' read -r _ placeholder description <<<"$row"
            if [[ -n $placeholder ]]; then
                case $placeholder in
                    *[Ff][Ii][Ll][Ee]* | *DIR* | path) _toriictl_files ;;
                    format | mode | channel)
                        COMPREPLY=($(compgen -W "$(_toriictl_listed_values "$description")" -- "$cur")) ;;
                esac
                return 0
            fi
        fi
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(cut -f1 <<<"$table")" -- "$cur"))
    else
        _toriictl_files '@(yaml|yml|json)'
    fi
    return 0
}
complete -F _toriictl toriictl
