#!/bin/sh
# The reader never waits on a lock.  While another program holds the
# store's write lock, every key is answered (opening an article, which
# marks it read, r, F) before that program lets go: the marks show at once
# and are written once the lock is free.  At exit, marks still waiting are
# written as soon as the holder lets go, after saying once that folio
# waits; a signal ends that wait, and what was not saved is said.
# "Answered before the lock is released" is a state, so no timing can
# make this flake: each check is made while the holder still holds it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
. "$top_srcdir/tests/fault/lib.sh"

make_store
id=$(sqlite3 "$DB" "SELECT id FROM articles WHERE title LIKE 'Volunteers repaint%';")
joined() { tmux_cmd capture-pane -p -J; } # lines the pane wrapped, joined
marks() { sqlite3 "$DB" "SELECT read || ' ' || flagged FROM articles WHERE id = $id;"; }

lock_held() { ! lock_free "$DB"; }
# wait_store WANT: poll until the stored marks are WANT (at most 5 s)
wait_store() {
	_i=0
	while [ "$(marks)" != "$1" ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
}

start 80 24
hold_lock "$DB"
ok "another program holds the write lock" lock_held
keys j j Enter
wait_for '^v The Ledgerport Courier' >/dev/null
ok "Enter expands a source while the lock is held" lock_held
keys j Enter
wait_for 'By Daniel Ruiz' >/dev/null
like "Enter opens the article (which marks it read)" "$(line 1)" 'Volunteers repaint'
ok "  answered while the lock is still held" lock_held
is "  the store does not have the mark yet" "$(marks)" "0 0"
keys F
wait_for 'Flagged' >/dev/null
like "F flags it" "$(line 24)" 'Flagged'
ok "  answered while the lock is still held" lock_held
keys q
wait_for '^ +! 2003-05-10 Volunteers' >/dev/null
like "the list shows it read and flagged at once" "$(screen)" '^ +! 2003-05-10 Volunteers'
ok "  while the lock is still held" lock_held
ok "  and the holder is still waiting to let go" kill -0 "$holder"
release_lock
wait_store "1 1"
is "once the lock is free, the marks are written" "$(marks)" "1 1"
keys R
wait_for 'Ledgerport Courier +1/2' >/dev/null
like "  and the source counts take them" "$(screen)" 'Ledgerport Courier +1/2'
is "the reader never showed busy or locked" "$(screen | grep -ci 'busy\|locked')" 0

# Quitting with a mark waiting: folio says it waits, and writes it when the
# holder lets go.
hold_lock "$DB"
keys r
wait_for 'Marked unread' >/dev/null
like "r marks it unread while the lock is held" "$(line 24)" 'Marked unread'
keys Q
wait_for 'being written by another program' >/dev/null
like "at exit, folio says once that it waits for the store" "$(joined)" 'store\.db is being written by another program: waiting for it'
is "  once" "$(joined | grep -c 'waiting for it')" 1
ok "  the lock is still held, and folio still runs" sh -c "kill -0 $(folio_pid) 2>/dev/null"
release_lock
wait_for '^\[folio exit' >/dev/null
like "when the holder lets go, the mark is written and folio quits: exit 0" "$(screen)" '^\[folio exit 0\]'
is "  the store has it" "$(marks)" "0 1"

# Quitting while the holder never lets go: ^C ends the wait, and folio says
# which marks were not saved.
start 80 24
hold_lock "$DB"
keys j j Enter
wait_for '^v The Ledgerport Courier' >/dev/null
keys j F
wait_for 'Flag removed' >/dev/null
keys Q
wait_for 'being written by another program' >/dev/null
keys C-c
wait_for '^\[folio exit' >/dev/null
like "^C while folio waits to save: it stops waiting, exit 130" "$(screen)" '^\[folio exit 130\]'
like "  and says what was not saved, naming the article" "$(joined)" "folio: 1 mark not saved \\(article $id unread\\)"
ok "  all while the lock was held" lock_held
release_lock
is "  the store kept its marks" "$(marks)" "0 1"
done_testing
