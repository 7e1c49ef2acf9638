"""The work a Dask worker does for News Lens: run one input file through one long-lived `news-lens serve` process.

This module is imported on the workers (the driver uploads it with Client.upload_file), so it must not import the
driver. Each worker process keeps one Node process running `news-lens serve` and sends it one task per input file
(`news-lens <command> --out-dir OUT --stats ... FILE`); the engine loads once per worker, not once per shard. When
that process dies, the task fails (Dask retries it) and the next task on the worker starts a new process.
"""
import json
import os
import subprocess
import threading

_LOCK = threading.Lock()
_SERVE = {}


class ServeDied(RuntimeError):
    """The worker's news-lens process ended while it had a task: retried by Dask."""


def _serve_process(node, cli):
    key = (node, cli)
    proc = _SERVE.get(key)
    if proc is None or proc.poll() is not None:
        proc = subprocess.Popen(
            [node, cli, "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # the worker's log
            text=True,
            encoding="utf-8",
        )
        _SERVE[key] = proc
    return proc


def _ask(proc, task):
    try:
        proc.stdin.write(json.dumps(task, ensure_ascii=False) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
    except (BrokenPipeError, OSError) as error:
        raise ServeDied("the news-lens process on this worker died (%s)" % error) from error
    if not line:
        code = proc.wait()
        raise ServeDied("the news-lens process on this worker died (exit code %s) during a task" % code)
    return json.loads(line)


def shard_markers(out_dir, stem):
    """The markers of an input's shards, in order; complete only when they run from 0 to one marked last."""
    names = {n for n in os.listdir(out_dir) if n.startswith(stem + ".") and n.endswith(".done")}
    markers = []
    index = 0
    while True:
        prefix = "%s.%05d." % (stem, index)
        found = [n for n in names if n.startswith(prefix) and "." not in n[len(prefix):-len(".done")]]
        if len(found) != 1:
            return markers, False
        with open(os.path.join(out_dir, found[0]), encoding="utf-8") as f:
            marker = json.load(f)
        shard = os.path.join(out_dir, marker["shard"])
        if not os.path.exists(shard) or os.path.getsize(shard) != marker["outputBytes"]:
            return markers, False
        markers.append(marker)
        if marker["last"]:
            return markers, True
        index += 1


def run_file(node, cli, argv, out_dir, stats_file, stem):
    """Runs `news-lens ARGV` for one input file on this worker; returns its stats and shard markers."""
    with _LOCK:
        proc = _serve_process(node, cli)
        try:
            reply = _ask(proc, {"id": stem, "argv": argv})
        except ServeDied:
            proc.kill()
            _SERVE.clear()
            raise
    if reply.get("code") != 0:
        message = (reply.get("stderr") or "").strip() or "exit code %s" % reply.get("code")
        raise RuntimeError(message)
    with open(stats_file, encoding="utf-8") as f:
        stats = json.load(f)
    markers, complete = shard_markers(out_dir, stem)
    if not complete:
        raise RuntimeError("%s: the CLI reported success but its shards are not all marked complete" % stem)
    return {"stem": stem, "stats": stats, "shards": [m["shard"] for m in markers]}
