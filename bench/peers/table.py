#!/usr/bin/python3
"""Renders the peer results (the result files under each DIR: `operation impl seconds check`) as one
Markdown table, with ratios against kith and whether every implementation gave the same answer.

    table.py DIR...
"""
import os
import sys

RESULTS = ["kith.tsv", "kith_vault.tsv", "igraph.tsv", "networkx.tsv", "sqlite.tsv"]
IMPLS = ["kith", "floor", "igraph", "networkx", "sqlite"]
OPERATIONS = {
    "bfs": "BFS from the top hub (outgoing, whole graph)",
    "khop3": "3-hop from 100 sources",
    "khop3_sqlite_sources": "3-hop from the first 10 of them",
    "shortest_path": "shortest path, 100 pairs",
    "pagerank": "PageRank until the L1 change is below 1e-6",
    "reports_to_chain": "REPORTS_TO chain to the top, 100 people",
}


def graph_name(folder):
    workload = os.path.join(folder, "workload.txt")
    summary = os.path.join(folder, "summary.txt")
    if os.path.exists(summary):  # vault_peer_bench's: "N people, M with a manager; ..."
        return "generated vault, " + open(summary).read().split(";")[0]
    if not os.path.exists(workload):
        return os.path.basename(os.path.normpath(folder))
    fields = dict(line.split(maxsplit=1) for line in open(workload))
    return f"R-MAT, {int(fields['nodes']):,} nodes, {int(fields['edges']):,} rels"


def main():
    print("| graph | operation | kith ms | plain-CSR floor ms | igraph ms | networkx ms "
          "| SQLite ms | kith / floor | igraph / kith | networkx / kith | SQLite / kith "
          "| same answers |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for folder in sys.argv[1:]:
        results = {}
        for name in RESULTS:
            path = os.path.join(folder, name)
            for line in open(path) if os.path.exists(path) else []:
                operation, impl, seconds, check = line.rstrip("\n").split("\t")
                results.setdefault(operation, {})[impl] = (float(seconds), check)
        for operation, label in OPERATIONS.items():
            got = results.get(operation)
            if not got:
                continue
            ms = [f"{got[i][0] * 1e3:.1f}" if i in got else "" for i in IMPLS]
            kith = got.get("kith", (None,))[0]
            ratios = []
            for i in IMPLS[1:]:
                if i not in got or not kith:
                    ratios.append("")
                elif i == "floor":
                    ratios.append(f"{kith / got[i][0]:.2f}")
                else:
                    ratio = got[i][0] / kith
                    ratios.append(f"{ratio:.1f}" if ratio >= 1 else f"{ratio:.3f}")
            checks = {i: c for i, (_, c) in got.items()}
            differ = [i for i in checks if checks[i] != checks.get("kith")]
            same = "yes" if not differ else "no: " + ", ".join(
                f"{i} {checks[i]} vs kith {checks.get('kith')}" for i in differ)
            print(f"| {graph_name(folder)} | {label} | " + " | ".join(ms + ratios) + f" | {same} |")


if __name__ == "__main__":
    main()
