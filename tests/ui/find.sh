#!/bin/sh
# / in an article finds in that article, as in less, mutt's pager and tig:
# every match highlighted, the first at or below the top shown, n/N go from
# match to match; s searches every article from anywhere, and / from the
# lists still does.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 80 24
keys j j l j Enter
like "the lighthouse article is open" "$(line 1)" 'Volunteers repaint the old north lighthouse'
like "its hint says / finds" "$(line 24)" '/:find'
keys / tower
like "/ in the article asks what to find" "$(line 24)" '^Find: tower'
like "  over the article, still shown" "$(line 1)" 'Volunteers repaint'
keys Enter
like "Enter finds it: the first match and how many" "$(line 24)" '^Match 1 of 3'
like "  the current match in reverse" "$(screen_attrs | sed -n 7p)" \
	'before the \{[^}]*R[^}]*\}tower\{'
like "  the others highlighted" "$(screen_attrs | sed -n 20p)" \
	'Work on the \{[^}]*[BU][^}]*\}tower\{'
keys n
like "n goes to the next match" "$(line 24)" '^Match 2 of 3'
like "  now the current one" "$(screen_attrs | grep -c '{[^}]*R[^}]*}tower')" '^1$'
like "  on the line of the second" "$(screen_attrs | grep '{[^}]*R[^}]*}tower')" 'Work on the'
keys n
like "n again: the third, scrolled into view" "$(line 24)" '^Match 3 of 3'
like "  which was below the pane" "$(screen)" 'Harbor pilots say the tower matters'
keys n
like "n past the last wraps to the first" "$(line 24)" 'wrapped to the top'
keys N
like "N from the first wraps to the last" "$(line 24)" 'wrapped to the bottom'
keys g / scaff Enter
like "each word is a prefix: scaff finds scaffolding" "$(line 24)" '^Match 1 of 2'
like "  highlighted whole" "$(screen_attrs)" '\{[^}]*R[^}]*\}scaffolding'
keys / zzqq Enter
like "what is not there says so" "$(line 24)" '^Not found in this article'
keys n
like "  and n has nothing to go to" "$(line 24)" '^No matches in this article'
keys / Up
like "Up recalls the last find" "$(line 24)" '^Find: zzqq'
keys Escape
like "Esc leaves the prompt, the article stays" "$(line 1)" 'Volunteers repaint'
like "  with the keyboard" "$(line 24)" '/:find'
keys s
like "s searches every article, from the article too" "$(screen)" 'Type to search every article'
like "  in the search bar" "$(line 24)" '^/ '
keys Escape Escape q q
like "back at the sources" "$(line 1)" '^> All articles'
keys /
like "/ from the list searches every article" "$(screen)" 'Type to search every article'
keys Escape Q
finish

# At 40x12 the match a find goes to is scrolled into the small pane.
start 40 12
keys j j l j Enter
like "40x12: the article's hints that fit, /:find left off" "$(line 12)" '^ Space:page  q:back +1 of 2'
keys / tower Enter
like "40x12: the find's first match" "$(line 12)" '^Match 1 of 3'
like "  is on the screen, in reverse" "$(screen_attrs)" '\{[^}]*R[^}]*\}tower'
keys n n
like "  n goes on" "$(line 12)" '^Match 3 of 3'
like "  to the last, scrolled into the small pane" "$(screen)" 'Harbor pilots'
keys Q
finish
done_testing
