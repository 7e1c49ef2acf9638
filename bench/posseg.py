# Python jieba peer: times posseg over a UTF-8 file line by line (Simplified view, lines with Han), dictionary load timed apart.
import json
import os
import re
import sys
import tempfile
import time

def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    cache = os.path.join(tempfile.gettempdir(), "jieba.cache")
    cache_existed = os.path.exists(cache)
    t0 = time.perf_counter()
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut("嘉兴市委书记在杭州表示"))
    load_ms = (time.perf_counter() - t0) * 1000
    with open(path, encoding="utf-8") as f:
        text = f.read()
    han = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
    lines = [line for line in text.splitlines() if han.search(line)]
    loop_ms = []
    loop_cpu_ms = []
    tokens = 0
    for _ in range(runs):
        c1 = time.thread_time()
        t1 = time.perf_counter()
        tokens = 0
        for line in lines:
            for _pair in pseg.cut(line):
                tokens += 1
        loop_ms.append((time.perf_counter() - t1) * 1000)
        loop_cpu_ms.append((time.thread_time() - c1) * 1000)
    print(json.dumps({
        "version": getattr(jieba, "__version__", "?"),
        "python": sys.version.split()[0],
        "loadMs": load_ms,
        "cacheExisted": cache_existed,
        "loopMs": loop_ms,
        "loopCpuMs": loop_cpu_ms,
        "bytes": len(text.encode("utf-8")),
        "lines": len(lines),
        "tokens": tokens,
    }))

main()
