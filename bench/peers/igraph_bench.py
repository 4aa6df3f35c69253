#!/usr/bin/python3
"""igraph (python3-igraph) on graph_bench's R-MAT graph: the same operations as kith.tsv.

    igraph_bench.py DIR [REPEAT=5]

PageRank is igraph's default, PRPACK, which solves the linear system where kith iterates until
the L1 change is below 1e-6: the same ranking, reached another way. Shortest paths use
get_shortest_paths, a one-sided BFS per pair: igraph has no bidirectional search.
"""
import sys
import warnings

from workload import Workload, emit, median_seconds, top_ten  # first: sets the thread count

import igraph  # noqa: E402


def shortest_paths(g, pairs):
    found = hops = 0
    for a, b in pairs:
        path = g.get_shortest_paths(a, to=b, mode="out", output="epath")[0]
        if path or a == b:
            found += 1
            hops += len(path)
    return f"{found}/{hops}"


def main():
    w = Workload(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    g = igraph.Graph(n=w.nodes, edges=list(w.edges()), directed=True)
    del w.flat_edges
    warnings.simplefilter("ignore")  # "Couldn't reach some vertices" for unconnected pairs

    def run(operation, work):
        seconds, check = median_seconds(repeat, work)
        emit(operation, "igraph", seconds, check)

    run("bfs", lambda: len(g.bfs(w.hub, mode="out")[0]))
    run("khop3", lambda: sum(map(len, g.neighborhood(w.sources, order=3, mode="out"))))
    run("shortest_path", lambda: shortest_paths(g, w.pairs))
    seconds, ranks = median_seconds(repeat, lambda: g.pagerank(damping=0.85, directed=True))
    emit("pagerank", "igraph", seconds, top_ten(ranks))


if __name__ == "__main__":
    main()
