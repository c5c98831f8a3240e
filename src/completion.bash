# bash completion for folio: commands, options, files, and source names.
# Installed as $(datadir)/bash-completion/completions/folio.

_folio()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local commands="import extract sources list show open mark delete tag saved search timeline export check"
	local command="" db=() i

	# The command is the first word that is neither an option nor an option's value.
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --keys) ((i++)); [[ ${COMP_WORDS[i-1]} == --db ]] && db=(--db "${COMP_WORDS[i]}") ;;
		-*) ;;
		*) command=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	--db | --keys)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return ;;
	--limit)
		return ;;
	--source)
		local IFS=$'\n'
		COMPREPLY=($(compgen -W "$(folio "${db[@]}" sources 2>/dev/null | cut -f2)" -- "$cur"))
		return ;;
	esac

	case $command in
	"")
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --keys --demo --help --version --list-actions" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		fi ;;
	import | extract)
		if [[ $cur == -* ]]; then
			local opts="--help --quiet --restore"
			[[ $command == extract ]] && opts="--help --json"
			COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
			compopt -o filenames 2>/dev/null
		fi ;;
	sources) COMPREPLY=($(compgen -W "--help --json" -- "$cur")) ;;
	list) COMPREPLY=($(compgen -W "--help --json --source --limit --copies" -- "$cur")) ;;
	show) COMPREPLY=($(compgen -W "--help --json" -- "$cur")) ;;
	search) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help --json --limit --copies" -- "$cur")) ;;
	timeline) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help --json --source --by" -- "$cur")) ;;
	export) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help --json --text --source" -- "$cur")) ;;
	check | open | delete) COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
	mark) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help --unread --source --all" -- "$cur")) ;;
	tag | saved) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help --remove" -- "$cur")) ;;
	esac
}
complete -F _folio folio
