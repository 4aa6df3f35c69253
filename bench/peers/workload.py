"""What graph_bench --peers DIR wrote: the R-MAT graph and the fixed workload, plus the timing
and output conventions every peer script shares (median seconds, tab-separated lines
`operation impl seconds check` on stdout)."""
import os

# One core, as kith's algorithms run: igraph's PRPACK and scipy's BLAS would otherwise start
# threads, and OpenMP threads spinning on a busy machine cost seconds. Before any peer import.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics  # noqa: E402
import sys
import time
from array import array


class Workload:
    def __init__(self, folder):
        fields = {}
        with open(os.path.join(folder, "workload.txt")) as f:
            for line in f:
                key, *values = line.split()
                fields[key] = [int(v) for v in values]
        self.nodes = fields["nodes"][0]
        self.hub = fields["hub"][0]
        self.sources = fields["sources"]
        self.sqlite_sources = self.sources[: fields["sqlite_sources"][0]]
        flat = fields["pairs"]
        self.pairs = list(zip(flat[0::2], flat[1::2]))
        # rmat_workload.hpp's kPageRankChange: L1 change below 1e-6 over the whole graph
        self.pagerank_tolerance = 1e-6 / self.nodes
        self.pagerank_iterations = 200
        self.flat_edges = array("I")  # source, target, source, target, ...
        with open(os.path.join(folder, "edges.bin"), "rb") as f:
            self.flat_edges.frombytes(f.read())
        if self.flat_edges.itemsize != 4 or sys.byteorder != "little":
            raise SystemExit("edges.bin holds little-endian uint32 pairs")

    def edges(self):
        it = iter(self.flat_edges)
        return zip(it, it)


def median_seconds(repeat, run):
    """The median of `repeat` timed runs, and the last run's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def emit(operation, impl, seconds, check):
    print(f"{operation}\t{impl}\t{seconds:.6f}\t{check}", flush=True)


def top_ten(scores):
    """Ids of the ten best scores, ties by id, as kith's page_rank sorts them."""
    return ",".join(str(v) for v in sorted(range(len(scores)), key=lambda v: (-scores[v], v))[:10])
