#!/usr/bin/python3
"""SQLite (python3's sqlite3 module, in memory) on the same graphs as kith, by recursive CTE.

    sqlite_bench.py rmat DIR [REPEAT=1]    3-hop from workload.txt's sqlite_sources
    sqlite_bench.py vault DIR [REPEAT=3]   the top of the REPORTS_TO chain of each person in
                                           DIR/chain_people.txt (vault_peer_bench's export)

Relationships are a rowid table with a covering (source, target) index, the way one would hold
a graph in SQL. UNION de-duplicates (node, depth) rows, not nodes: SQL has no visited set, so a
node reached at two depths is expanded twice. That is the price of the recursive CTE, and part
of what is measured.
"""
import sqlite3
import sys

from workload import Workload, emit, median_seconds

KHOP = """
WITH RECURSIVE reached(node, depth) AS (
  SELECT ?, 0
  UNION
  SELECT e.target, reached.depth + 1 FROM reached JOIN e ON e.source = reached.node
  WHERE reached.depth < 3)
SELECT count(DISTINCT node) FROM reached"""

# kith: MATCH (p:Person {name: $name})-[:REPORTS_TO*1..6]->(top:Person)
#       WHERE NOT (top)-[:REPORTS_TO]->() RETURN DISTINCT top.name
CHAIN_TOP = """
WITH RECURSIVE up(node, depth) AS (
  SELECT id, 0 FROM person WHERE name = ?
  UNION
  SELECT e.target, up.depth + 1 FROM up JOIN e ON e.source = up.node WHERE up.depth < 6)
SELECT DISTINCT person.name FROM up JOIN person ON person.id = up.node
WHERE up.depth >= 1 AND NOT EXISTS (SELECT 1 FROM e WHERE e.source = up.node)"""


def relationships(db, rows):
    db.execute("CREATE TABLE e (source INTEGER NOT NULL, target INTEGER NOT NULL)")
    db.executemany("INSERT INTO e VALUES (?, ?)", rows)
    db.execute("CREATE INDEX e_source ON e (source, target)")


def rmat(folder, repeat):
    w = Workload(folder)
    db = sqlite3.connect(":memory:")
    relationships(db, w.edges())
    del w.flat_edges
    db.execute("ANALYZE")

    def khop():
        return sum(db.execute(KHOP, (s,)).fetchone()[0] for s in w.sqlite_sources)

    seconds, reached = median_seconds(repeat, khop)
    emit("khop3_sqlite_sources", "sqlite", seconds, reached)


def vault(folder, repeat):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    with open(f"{folder}/people.tsv", encoding="utf-8") as f:
        db.executemany("INSERT INTO person VALUES (?, ?)",
                       (line.rstrip("\n").split("\t") for line in f))
    db.execute("CREATE INDEX person_name ON person (name)")
    with open(f"{folder}/reports_to.tsv") as f:
        relationships(db, (line.split() for line in f))
    db.execute("ANALYZE")
    with open(f"{folder}/chain_people.txt", encoding="utf-8") as f:
        names = [line.rstrip("\n") for line in f]

    def chains():
        return sum(len(db.execute(CHAIN_TOP, (n,)).fetchall()) for n in names)

    seconds, rows = median_seconds(repeat, chains)
    emit("reports_to_chain", "sqlite", seconds, rows)


if __name__ == "__main__":
    mode, folder = sys.argv[1], sys.argv[2]
    given = int(sys.argv[3]) if len(sys.argv) > 3 else None
    if mode == "rmat":
        rmat(folder, given or 1)
    else:
        vault(folder, given or 3)
