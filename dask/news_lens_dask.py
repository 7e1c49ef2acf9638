#!/usr/bin/env python3
"""News Lens on a Dask cluster: maps JSONL corpus files through the news-lens CLI on the workers.

One task per input file; on each worker one long-lived `news-lens serve` process runs the tasks (news_lens_tasks.py).
Each task writes the file's output shards and completion markers into OUT (exactly what `news-lens <command>
--out-dir OUT` writes on one machine) and its stats; the client merges the stats. A task whose worker or Node
process dies is retried; the run ends with exit code 0 only when every input's shards are all marked complete.

Usage (through `npm run corpus:dask -- …`, which finds a Python with Dask):
  news_lens_dask.py --workers N --out DIR FILE…                  a local cluster of N worker processes
  news_lens_dask.py --scheduler tcp://HOST:PORT --out DIR FILE…  an existing cluster (`dask scheduler`, `dask worker`)
"""
import argparse
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import news_lens_tasks  # noqa: E402  (also uploaded to the workers)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="corpus:dask", description=__doc__.split("\n")[0])
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, help="start a local cluster of N worker processes (default: the number of cores)")
    where.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. tcp://10.0.0.1:8786")
    p.add_argument("--out", required=True, help="output folder for shards, markers and stats (shared by all machines)")
    p.add_argument("--command", default="annotate", choices=["annotate", "clean", "export"])
    p.add_argument("--format", help="export format (doccano, conll, label-studio)")
    p.add_argument("--text-field", help="JSONL field holding the text (default: text)")
    p.add_argument("--kinds", help="junk kinds (annotate, clean)")
    p.add_argument("--encoding", help="input encoding (NAME or auto)")
    p.add_argument("--shard-records", type=int, help="records per output shard (default: the CLI's, 100000)")
    p.add_argument("--dict", help="user dictionary (a path valid on every worker)")
    p.add_argument("--spam-terms", help="extra spam terms (a path valid on every worker)")
    p.add_argument("--stats", help="merged stats file (default: OUT/stats.json)")
    p.add_argument("--retries", type=int, default=3, help="times a failed task is retried (default 3)")
    p.add_argument("--node", default="node", help="Node.js on the workers (default: node on PATH)")
    p.add_argument("--cli", default=os.path.join(os.path.dirname(HERE), "bin", "news-lens.js"),
                   help="news-lens CLI on the workers (default: this checkout's bin/news-lens.js)")
    p.add_argument("files", nargs="+", metavar="FILE", help="JSONL corpus files (paths valid on every worker)")
    return p.parse_args(argv)


def shard_stem(path):
    return re.sub(r"\.(jsonl|ndjson|json|txt)$", "", os.path.basename(path), flags=re.I)


def cli_argv(args, file, stats_file):
    argv = [args.command, "--input", "jsonl", "--jobs", "1", "--out-dir", args.out, "--stats", stats_file]
    for flag in ("format", "text_field", "kinds", "encoding", "shard_records", "dict", "spam_terms"):
        value = getattr(args, flag)
        if value is not None:
            argv += ["--" + flag.replace("_", "-"), str(value)]
    return argv + [file]


def merge_stats(parts, seconds, workers):
    """Sums the per-file stats of the CLI (same fields as `news-lens --stats`)."""
    merged = {"command": parts[0]["command"] if parts else None, "documents": 0, "characters": 0, "inputBytes": 0,
              "junk": {}, "topSpamTerms": [], "entities": {}, "figures": {},
              "duplicates": {"scope": "within each input file", "documents": 0, "empty": 0, "exactDuplicates": 0,
                             "nearDuplicates": 0, "clusters": 0, "largestCluster": 0},
              "shards": {"written": 0, "skipped": 0}, "files": len(parts), "workers": workers}
    spam = {}
    for s in parts:
        for key in ("documents", "characters", "inputBytes"):
            merged[key] += s.get(key, 0)
        for key in ("junk", "entities", "figures"):
            for name, n in s.get(key, {}).items():
                merged[key][name] = merged[key].get(name, 0) + n
        for t in s.get("topSpamTerms", []):
            spam[t["term"]] = spam.get(t["term"], 0) + t["count"]
        d = s.get("duplicates")
        if d:
            merged["duplicates"]["threshold"] = d.get("threshold")
            for key in ("documents", "empty", "exactDuplicates", "nearDuplicates", "clusters"):
                merged["duplicates"][key] += d.get(key, 0)
            merged["duplicates"]["largestCluster"] = max(merged["duplicates"]["largestCluster"], d.get("largestCluster", 0))
        for key in ("written", "skipped"):
            merged["shards"][key] += s.get("shards", {}).get(key, 0)
    for key in ("junk", "entities", "figures"):
        merged[key] = dict(sorted(merged[key].items(), key=lambda kv: (-kv[1], kv[0])))
    merged["topSpamTerms"] = [{"term": t, "count": n} for t, n in sorted(spam.items(), key=lambda kv: (-kv[1], kv[0]))[:20]]
    merged["seconds"] = round(seconds, 3)
    merged["megabytesPerSecond"] = round(merged["inputBytes"] / 1e6 / seconds, 3) if seconds > 0 else 0
    merged["peakRssMBPerWorker"] = max([s.get("peakRssMB", 0) for s in parts] or [0])
    return merged


def main(argv):
    args = parse_args(argv)
    if args.command == "export" and args.format in (None, "brat"):
        print("corpus:dask: export needs --format doccano, conll or label-studio (brat writes a file pair per document, not shards)", file=sys.stderr)
        return 2
    started = time.time()
    from dask.distributed import Client, LocalCluster, as_completed  # imported late: --help works without Dask

    stems = {}
    for file in args.files:
        stem = shard_stem(file)
        if stem in stems:
            print("corpus:dask: %s and %s would write shards of the same name %r; rename one" % (stems[stem], file, stem), file=sys.stderr)
            return 2
        stems[stem] = file
        if not os.path.isfile(file):
            print("corpus:dask: %s: no such file (inputs must be visible at the same path on every worker)" % file, file=sys.stderr)
            return 2
    out = os.path.abspath(args.out)
    args.out = out
    stats_dir = os.path.join(out, ".stats")
    os.makedirs(stats_dir, exist_ok=True)

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        workers = args.workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        client.upload_file(os.path.join(HERE, "news_lens_tasks.py"))
        n_workers = len(client.scheduler_info()["workers"])
        print("corpus:dask: %d file(s) on %d worker(s) (%s)" % (len(args.files), n_workers, client.scheduler.address), file=sys.stderr)
        futures = {}
        for file in args.files:
            stem = shard_stem(file)
            stats_file = os.path.join(stats_dir, stem + ".json")
            future = client.submit(news_lens_tasks.run_file, args.node, args.cli, cli_argv(args, os.path.abspath(file), stats_file),
                                   out, stats_file, stem, key="news-lens-%s-%s" % (stem, started), retries=args.retries, pure=False)
            futures[future] = file
        results, failures = [], []
        for future in as_completed(list(futures)):
            file = futures[future]
            try:
                result = future.result()
            except Exception as error:  # a task that failed all its retries, or a worker that kept dying
                failures.append((file, str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__))
                continue
            results.append(result)
            print("corpus:dask: done %s (%d shard(s))" % (file, len(result["shards"])), file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # Never report success with a shard missing: check every input's markers once more, here.
    for result in results:
        markers, complete = news_lens_tasks.shard_markers(out, result["stem"])
        if not complete or [m["shard"] for m in markers] != result["shards"]:
            failures.append((stems[result["stem"]], "its shards are not all marked complete in %s" % out))
    seconds = time.time() - started
    merged = merge_stats([r["stats"] for r in sorted(results, key=lambda r: r["stem"])], seconds, n_workers)
    stats_path = args.stats or os.path.join(out, "stats.json")
    with open(stats_path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(merged, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(stats_path + ".tmp", stats_path)
    print("corpus:dask: %d document(s), %.1f MB in %.1f s (%.2f MB/s) on %d worker(s); %d shard(s) written, %d already complete; stats: %s"
          % (merged["documents"], merged["inputBytes"] / 1e6, seconds, merged["megabytesPerSecond"], n_workers,
             merged["shards"]["written"], merged["shards"]["skipped"], stats_path), file=sys.stderr)
    if failures:
        for file, why in failures:
            print("corpus:dask: FAILED %s: %s" % (file, why), file=sys.stderr)
        print("corpus:dask: %d of %d input(s) failed; run the same command again to redo only what is missing" % (len(failures), len(args.files)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
