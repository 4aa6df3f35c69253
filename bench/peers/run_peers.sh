#!/usr/bin/env bash
# Peer comparisons (issue #7): kith against networkx, igraph and SQLite on the very same graphs,
# exported in the same run, with kith's plain-CSR floor beside them. Prints a Markdown table;
# the raw `operation impl seconds check` lines stay under OUT.
#
#   bench/peers/run_peers.sh BUILD VAULT OUT [--quick]
#
# BUILD is a Release build with KITH_BENCH=ON; VAULT a generated vault (kith-gen). networkx is
# too slow for the 10M-relationship graph (minutes per PageRank, gigabytes for a MultiDiGraph),
# so it runs on a smaller R-MAT graph, with kith, the floor and igraph timed again on that one:
# each ratio compares runs on one graph.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 vault=$2 out=$3
# Medians of 5 runs, of 3 for the slow peers on the big graph and networkx, of 1 for SQLite's 3-hop.
big=(20 10000000) small=(16 625000) repeat=5 slow_repeat=3
if [ "${4:-}" = "--quick" ]; then big=(16 500000) small=(13 75000) repeat=3 slow_repeat=1; fi
py=/usr/bin/python3  # Debian's, the one python3-networkx and python3-igraph install into
mkdir -p "$out/rmat-big" "$out/rmat-small" "$out/vault"

"$build/bench/graph_bench" "${big[@]}" $repeat --peers "$out/rmat-big" >"$out/rmat-big/graph_bench.md"
$py "$here/igraph_bench.py" "$out/rmat-big" $slow_repeat >"$out/rmat-big/igraph.tsv"
$py "$here/sqlite_bench.py" rmat "$out/rmat-big" >"$out/rmat-big/sqlite.tsv"
rm "$out/rmat-big/edges.bin"

"$build/bench/graph_bench" "${small[@]}" $repeat --peers "$out/rmat-small" >"$out/rmat-small/graph_bench.md"
$py "$here/igraph_bench.py" "$out/rmat-small" $repeat >"$out/rmat-small/igraph.tsv"
$py "$here/networkx_bench.py" "$out/rmat-small" $slow_repeat >"$out/rmat-small/networkx.tsv"
rm "$out/rmat-small/edges.bin"

"$build/bench/vault_peer_bench" "$vault" "$out/vault" --repeat $repeat >"$out/vault/summary.txt"
$py "$here/sqlite_bench.py" vault "$out/vault" $repeat >"$out/vault/sqlite.tsv"
echo "vault $(basename "$vault"): $(cat "$out/vault/summary.txt")"
echo
$py "$here/table.py" "$out/rmat-big" "$out/rmat-small" "$out/vault"
