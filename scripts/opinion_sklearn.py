#!/usr/bin/env python3
"""Reference opinion map with scikit-learn, on the same vote matrix as Parley's OpinionMap.

The same pipeline, step by step: statement means over cast votes (pass = 0), missing votes filled
with the statement mean, PCA to 2 components (sklearn.decomposition.PCA on the dense filled
matrix), projections scaled by sqrt(statements / votes cast), k-means to 100 base clusters, then
k = 2..5 on the base cluster centres weighted by their sizes, chosen by silhouette
(sklearn.metrics.silhouette_score on the base centres). Prints the adjusted Rand index between its
groups and Parley's (and the planted ones) and the time ratio.

Input, written by OpinionMapBenchmark (-Dbench.sklearn=...): DIR/votes.bin (records of int32
participant, int32 statement, int8 vote, little endian; included participants only) and
DIR/parley.txt (Parley's labels, planted labels, Parley's median time).

Usage: python3 scripts/opinion_sklearn.py app/target/opinion-compare
Needs Debian's python3-sklearn (numpy, scipy). Not part of the Maven build.
"""
import sys
import time

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, silhouette_score


def read_parley(path):
    info = {}
    with open(path) as f:
        for line in f:
            key, _, rest = line.strip().partition(" ")
            info[key] = rest
    return info


def pipeline(p, s, v, n, m):
    t0 = time.perf_counter()
    counts = np.bincount(s, minlength=m).astype(float)
    sums = np.bincount(s, weights=v, minlength=m)
    means = np.divide(sums, counts, out=np.zeros(m), where=counts > 0)
    votes_cast = np.bincount(p, minlength=n).astype(float)
    # dense matrix with missing votes filled by the statement mean
    dense = np.tile(means, (n, 1))
    dense[p, s] = v
    t1 = time.perf_counter()
    pca = PCA(n_components=2, random_state=0)
    proj = pca.fit_transform(dense)
    proj *= np.sqrt(m / votes_cast)[:, None]
    t2 = time.perf_counter()
    base = KMeans(n_clusters=min(100, n), n_init=1, random_state=0).fit(proj)
    sizes = np.bincount(base.labels_, minlength=base.n_clusters)
    keep = sizes > 0
    centres = base.cluster_centers_[keep]
    weights = sizes[keep]
    remap = -np.ones(base.n_clusters, dtype=int)
    remap[keep] = np.arange(keep.sum())
    t3 = time.perf_counter()
    best = None
    scores = {}
    for k in range(2, 6):
        if k >= len(centres):
            break
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(centres, sample_weight=weights)
        score = silhouette_score(centres, km.labels_)
        scores[k] = score
        if best is None or score > best[0] + 1e-12:
            best = (score, k, km.labels_)
    groups = best[2][remap[base.labels_]]
    t4 = time.perf_counter()
    return groups, best[1], scores, {"fill": t1 - t0, "pca": t2 - t1, "base": t3 - t2, "groups": t4 - t3, "total": t4 - t0}


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "app/target/opinion-compare"
    info = read_parley(d + "/parley.txt")
    n = int(info["participants"])
    m = int(info["statements"])
    raw = np.fromfile(d + "/votes.bin", dtype=np.dtype([("p", "<i4"), ("s", "<i4"), ("v", "i1")]))
    p = raw["p"].astype(np.int64)
    s = raw["s"].astype(np.int64)
    v = raw["v"].astype(float)
    parley = np.array([int(x) for x in info["labels"].split()])
    planted = np.array([int(x) for x in info["planted"].split()])
    parley_ms = float(info["millis"])
    print(f"scikit-learn reference on {n} participants x {m} statements, {len(v):,} votes")
    times = []
    for run in range(3):
        groups, k, scores, t = pipeline(p, s, v, n, m)
        times.append(t)
        print(f"  run {run}: k={k} silhouettes={ {kk: round(vv, 4) for kk, vv in scores.items()} } "
              + " ".join(f"{key}={val * 1000:.0f}ms" for key, val in t.items()))
    total = sorted(t["total"] for t in times)[1] * 1000
    print(f"RESULT sklearn k={k} (Parley k={info['k']}); ARI sklearn vs Parley = {adjusted_rand_score(groups, parley):.4f}; "
          f"ARI sklearn vs planted = {adjusted_rand_score(groups, planted):.4f}; ARI Parley vs planted = {adjusted_rand_score(parley, planted):.4f}")
    print(f"RESULT median total: sklearn {total:.0f} ms, Parley {parley_ms:.0f} ms: Parley is {total / max(parley_ms, 1):.1f}x faster")


if __name__ == "__main__":
    main()
