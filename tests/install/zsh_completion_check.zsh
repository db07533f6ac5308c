#!/usr/bin/env zsh
# zsh_completion_check.zsh FPATH_DIR BIN_DIR
# Drives an interactive zsh in a pseudo-terminal (zpty), as a user would: types a partial
# toriictl command line, presses Tab and checks what the installed _toriictl offered.
emulate -L zsh
fpath_dir=$1 bin_dir=$2
zmodload zsh/zpty || exit 1
zpty shell 'zsh -f -i'
zpty -w shell "PS1='READY> '; PATH=${(q)bin_dir}:\$PATH; fpath=(${(q)fpath_dir} \$fpath)"
zpty -w shell 'autoload -U compinit; compinit -u -D; zstyle ":completion:*" format ""'

# Reads the terminal until it shows `pattern` or 20 s have passed; the text read is in $REPLY.
read_until() {
  local pattern=$1 chunk out=
  local deadline=$((SECONDS + 20))
  while (( SECONDS < deadline )); do
    if zpty -r -t shell chunk; then
      out+=$chunk
      [[ $out == *${~pattern}* ]] && break
    else
      sleep 0.1
    fi
  done
  REPLY=${out//$'\e'\[[0-9;]#[A-Za-z]/}
  [[ $out == *${~pattern}* ]]
}

failures=0
check() {
  local typed=$1 expected=$2 attempt
  # Type the line, and press Tab only once zsh has echoed all of it: a key typed while the
  # line editor is still redrawing after the previous Ctrl-C can be lost (seen on a loaded
  # machine: "toriictl" arrived as "oriictl" and Tab completed file names).
  for attempt in 1 2 3; do
    zpty -w -n shell "$typed"
    read_until "${(b)typed}" >/dev/null && break
    zpty -w -n shell $'\C-c'
    read_until 'READY> ' >/dev/null
  done
  zpty -w -n shell $'\t'
  if read_until "$expected"; then
    print -r -- "\"$typed<Tab>\" offers: $expected"
  else
    print -r -- "\"$typed<Tab>\" did not offer \"$expected\"; the terminal showed:"
    print -r -- "$REPLY" | tr -d '\r' | tail -5
    (( failures++ ))
  fi
  # Ctrl-C drops the line and draws a fresh prompt for the next check.
  zpty -w -n shell $'\C-c'
  read_until 'READY> ' >/dev/null
}

read_until 'READY> ' >/dev/null
check 'toriictl val' 'toriictl validate'
check 'toriictl export --split ' 'kind*none*role'
check 'toriictl validate --no-' '--no-lint*Only what the API server checks'
check 'toriictl --lang ' 'en*ja'
zpty -d shell
exit $(( failures > 0 ))
