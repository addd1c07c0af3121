# Helpers of the benchmark scripts (sourced): wait for a server, find a free port.
wait_for() { # url, pid, what
  for _ in $(seq 1 300); do
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited while starting; see $LOGS" >&2; return 1; }
    sleep 0.1
  done
  echo "$3 did not answer at $1" >&2
  return 1
}
free_port() { node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

