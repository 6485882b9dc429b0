# Bash completion for wijkdialoog: wd, wd-init, wd-invite, wd-harvest, wd-report.
# Installed as bash-completion/completions/<command>; zsh uses it through
# bashcompinit (see _wd).  Options come from each command's --help, ids
# from the index (`wd-report ids`), so this file never goes stale.

_wd_words() {
	COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

# The subcommands of a command: the words the usage lists at the start.
_wd_subcommands() {
	case $1 in
	wd) echo "init invite harvest report help" ;;
	wd-init) ;;
	*) "$1" --help 2>/dev/null |
		awk '/^  [a-z][a-z-]* / && !/^  -/ { print $1 }
		     /^  (commands|usage)/ { next }' | sort -u ;;
	esac
}

# The options of a command, or of one of its subcommands.
_wd_options() {
	local cmd=$1 sub=$2
	if test -z "$sub"; then
		"$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
		return
	fi
	"$cmd" --help 2>/dev/null | awk -v want="$sub" '
		/^  [a-z][a-z-]* / { on = ($1 == want) }
		/^  -/ { on = 0 }
		/^$/ { on = 0 }
		on { while (match($0, /--[a-z][a-z-]*/)) {
			print substr($0, RSTART, RLENGTH)
			$0 = substr($0, RSTART + RLENGTH) } }' | sort -u
	echo "--help"
}

# The value of -d/--dialogue already on the line, for ids in that dialogue.
_wd_dialogue_arg() {
	local i
	for ((i = 1; i < COMP_CWORD - 1; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--dialogue) echo "-d ${COMP_WORDS[i + 1]}"; return ;;
		esac
	done
}

# Options that take a value (so their value is not a positional word).
_wd_takes_value() {
	case $1 in
	-C|-d|-o|--dialogue|--email|--phone|--address|--role|--lang|\
	--organisation|--note|--consent|--encoding|--import|--status|--size|\
	--format|--closed-before|--kind|--by|--table|--source|--phase|--tag|\
	--owner|--due|--need|--limit|--since|--until|--days|--due-within|\
	--output|--channel|--mbox|--maildir|--out|--title|--theme|--start|\
	--end|--duration|--place|--venue|--question|--host|--from|--capacity|\
	--name|--timezone|--from-dialogue|--new|--again|--days-before) return 0 ;;
	esac
	return 1
}

# How many positional words come after the subcommand, before this one.
_wd_positional() {
	local i n=0 skip=0
	for ((i = $1 + 1; i < COMP_CWORD; i++)); do
		if ((skip)); then skip=0; continue; fi
		case ${COMP_WORDS[i]} in
		-*) _wd_takes_value "${COMP_WORDS[i]}" && skip=1 ;;
		*) n=$((n + 1)) ;;
		esac
	done
	echo $n
}

_wd_ids() {
	# shellcheck disable=SC2046
	wd-report ${cdir:+-C "$cdir"} ids $(_wd_dialogue_arg) "$1" 2>/dev/null
}

_wd_complete() {
	local cur prev cmd sub subat i cdir=
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	cmd=${COMP_WORDS[0]##*/}
	i=1
	# global options before the subcommand
	while ((i < COMP_CWORD)); do
		case ${COMP_WORDS[i]} in
		-C) cdir=${COMP_WORDS[i + 1]}; i=$((i + 2)) ;;
		-q|-v|--quiet|--verbose|--no-progress) i=$((i + 1)) ;;
		*) break ;;
		esac
	done
	if test "$cmd" = wd && ((i < COMP_CWORD)); then
		if test "${COMP_WORDS[i]}" = help; then
			_wd_words "init invite harvest report"
			return
		fi
		cmd=wd-${COMP_WORDS[i]}
		i=$((i + 1))
	fi
	if test "$cmd" != wd-init && ((i < COMP_CWORD)); then
		sub=${COMP_WORDS[i]}
		subat=$i
	fi

	case $prev in
	-C) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-d|--dialogue|--from|--from-dialogue) _wd_words "$(_wd_ids dialogues)"; return ;;
	--by|--owner) _wd_words "$(_wd_ids people)"; return ;;
	--tag) _wd_words "$(_wd_ids tags)"; return ;;
	--source) _wd_words "$(_wd_ids sources)"; return ;;
	--kind) _wd_words "experience quote dream possibility connection action baton question feedback ervaring citaat droom mogelijkheid verbinding actie estafettestokje vraag terugblik"; return ;;
	--phase) _wd_words "discover dream design deliver ontdekken dromen ontwerpen doen"; return ;;
	--status)
		if test "$cmd" = wd-invite; then
			_wd_words "added invited yes no maybe waiting attended"
		else
			_wd_words "open underway done dropped bezig klaar vervallen"
		fi
		return ;;
	--role) _wd_words "resident volunteer initiative professional municipality business other bewoner vrijwilliger gemeente ondernemer anders"; return ;;
	--lang) _wd_words "nl en"; return ;;
	--encoding) _wd_words "utf-8 windows-1252"; return ;;
	--channel) _wd_words "email letter"; return ;;
	--format)
		case $cmd/$sub in
		wd-report/summary) _wd_words "text md html json" ;;
		wd-report/relay) _wd_words "text dot json" ;;
		wd-report/export) _wd_words "json csv" ;;
		wd-invite/show-person) _wd_words "yaml json" ;;
		*) _wd_words "table csv tsv json" ;;
		esac
		return ;;
	--theme) local IFS=$'\n'
		COMPREPLY=($(compgen -W "$(wd-init --themes 2>/dev/null | cut -f1)" -- "$cur"))
		return ;;
	-o|--output|--mbox|--maildir|--out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac

	if test -z "$sub" && test "$cmd" != wd-init; then
		if [[ $cur == -* ]]; then
			_wd_words "-C -q -v --no-progress --help --version"
		else
			_wd_words "$(_wd_subcommands "$cmd")"
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		_wd_words "$(_wd_options "$cmd" "$sub")"
		return
	fi
	case $cmd/$sub in
	wd-harvest/set) _wd_words "$(_wd_ids items)" ;;
	wd-invite/rsvp)
		if test "$(_wd_positional "$subat")" = 1; then
			_wd_words "yes no maybe ja nee misschien"
		else
			_wd_words "$(_wd_ids people)"
		fi ;;
	wd-invite/checkin|wd-invite/show-person|wd-invite/forget|wd-invite/send)
		_wd_words "$(_wd_ids people)" ;;
	wd-harvest/import|wd-invite/import) COMPREPLY=($(compgen -f -- "$cur")) ;;
	wd-report/ids) _wd_words "dialogues people items actions tags sources" ;;
	esac
}

complete -F _wd_complete wd wd-init wd-invite wd-harvest wd-report
