#!/bin/sh
# launch.sh PIDFILE CMD [ARG...]: the benchmarks' way to start a program in
# tmux and time it from exec.  Note our pid (CMD keeps it: exec), wait for a
# line on stdin (the go), then become CMD.
echo $$ > "$1"; shift
read -r go
exec "$@"
