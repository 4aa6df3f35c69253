#!/usr/bin/python3
"""networkx (python3-networkx) on graph_bench's R-MAT graph: the same operations as kith.tsv.

    networkx_bench.py DIR [REPEAT=3]

A MultiDiGraph, because the R-MAT graph has parallel relationships and PageRank counts them,
as kith's does. nx.pagerank (damping 0.85, kith's stopping rule, with the tolerance and
iteration cap rmat_workload.hpp gives kith) runs on scipy.sparse; the traversals are networkx's
own Python.
"""
import sys

from workload import Workload, emit, median_seconds, top_ten  # first: sets the thread count

import networkx as nx  # noqa: E402


def shortest_paths(g, pairs):
    found = hops = 0
    for a, b in pairs:
        try:
            hops += len(nx.bidirectional_shortest_path(g, a, b)) - 1
            found += 1
        except nx.NetworkXNoPath:
            pass
    return f"{found}/{hops}"


def main():
    w = Workload(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(w.nodes))
    g.add_edges_from(w.edges())
    del w.flat_edges

    def khop(sources):
        return sum(len(nx.single_source_shortest_path_length(g, s, cutoff=3)) for s in sources)

    def run(operation, work):
        seconds, check = median_seconds(repeat, work)
        emit(operation, "networkx", seconds, check)

    run("bfs", lambda: len(nx.single_source_shortest_path_length(g, w.hub)))
    run("khop3", lambda: khop(w.sources))
    run("shortest_path", lambda: shortest_paths(g, w.pairs))
    seconds, ranks = median_seconds(
        repeat, lambda: nx.pagerank(g, tol=w.pagerank_tolerance, max_iter=w.pagerank_iterations)
    )
    emit("pagerank", "networkx", seconds, top_ten([ranks[v] for v in range(w.nodes)]))


if __name__ == "__main__":
    main()
