#!/bin/sh
# Start or stop the local stack: verzuimd (FastCGI, Unix socket) + nginx, all files under VAR.
#   nginx/stack.sh start VAR PORT WORKERS [demo]
#   nginx/stack.sh stop VAR
set -eu
cmd=$1 var=$2
root=$(cd "$(dirname "$0")/.." && pwd)
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}

stop() {
	if [ -f "$var/nginx.pid" ]; then
		kill "$(cat "$var/nginx.pid")" 2>/dev/null || true
		rm -f "$var/nginx.pid"
	fi
	if [ -f "$var/verzuimd.pid" ]; then
		pid=$(cat "$var/verzuimd.pid")
		kill -TERM "$pid" 2>/dev/null || true
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 400 ]; do sleep 0.1; i=$((i + 1)); done	# verzuimd itself kills a worker busy for 30 s
		kill -KILL "$pid" 2>/dev/null || true
		rm -f "$var/verzuimd.pid"
	fi
}

case "$cmd" in
stop)
	stop
	;;
start)
	port=$3 workers=$4 demo=${5:-}
	stop
	mkdir -p "$var/log" "$var/tmp" "$var/data"
	chmod 0700 "$var/data"
	body_max=$(sed -n 's/^#define BODY_MAX[^(]*(\([0-9]*\)u \* 1024 \* 1024).*/\1m/p' "$root/cgi-bin/http/http.h")
	user_line=""
	[ "$(id -u)" = 0 ] && user_line="user root root;"
	sed -e "s|@VAR@|$var|g" -e "s|@PORT@|$port|g" -e "s|@ROOT@|$root|g" \
	    -e "s|@BODY_MAX@|$body_max|g" -e "s|@USER_LINE@|$user_line|" \
	    "$root/nginx/verzuimloket.conf.in" > "$var/nginx.conf"
	flag=""
	[ "$demo" = demo ] && flag=--demo
	"$root/cgi-bin/verzuimd" -s "$var/verzuimd.sock" -d "$var/data/verzuim.db" \
	    -t "$root/templates" -q "$root/sql" -k "$var/data/verzuim.key" -u "http://127.0.0.1:$port" -w "$workers" $flag \
	    < /dev/null >> "$var/log/verzuimd.log" 2>&1 &
	echo $! > "$var/verzuimd.pid"
	i=0
	while [ ! -S "$var/verzuimd.sock" ]; do
		if ! kill -0 "$(cat "$var/verzuimd.pid")" 2>/dev/null || [ $i -ge 300 ]; then
			echo "verzuimd did not start; see $var/log/verzuimd.log:" >&2
			tail -5 "$var/log/verzuimd.log" >&2
			exit 1
		fi
		sleep 0.1; i=$((i + 1))
	done
	"$NGINX_BIN" -c "$var/nginx.conf" -p "$var" -e "$var/log/nginx-error.log" < /dev/null > "$var/log/nginx-start.log" 2>&1 || {
		echo "nginx did not start; see $var/log/nginx-start.log" >&2; tail -5 "$var/log/nginx-start.log" >&2; stop; exit 1; }
	echo "Verzuimloket draait op http://127.0.0.1:$port/ (stoppen: make stop; logs in $var/log)"
	;;
*)
	echo "usage: stack.sh start VAR PORT WORKERS [demo] | stop VAR" >&2
	exit 2
	;;
esac
