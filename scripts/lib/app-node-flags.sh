# Node flags of a production app node, shared by the benchmarks (bench/run.sh,
# bench/casework/run.sh); package.json's "start" passes the same.
#
# --max-semi-space-size=64: a larger young generation, so the many short-lived objects of each
# request (parsed JSON, query rows, responses) are collected less often. Measured on the recording
# benchmark (2 cores, 20,000 clients, two quiet A/B pairs on 2026-12-03): 666 → 754 and
# 690 → 738 recordings/s, p99 51.8 → 49.4 and 57.6 → 48.3 ms. Costs up to ~200 MB of memory.
APP_NODE_FLAGS="--max-semi-space-size=64"
