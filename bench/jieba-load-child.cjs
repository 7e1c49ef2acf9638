// Child process for the nodejieba load measurement: one addon (installed or the cached stock build), load() with the given dictionaries, one tag(), optionally the first textRankExtract(); prints JSON.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// argv: mode ('defaults' | 'stub'), then optionally the addon file and '--textrank'.
const mode = process.argv[2] || 'defaults';
const rest = process.argv.slice(3);
const withTextRank = rest.includes('--textrank');
const rssMB = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

// index.js gives the default dictionary paths without loading the addon; the addon is required directly so the
// stock build kept by scripts/patch-nodejieba.mjs can be measured the same way (index.js's load() only forwards).
const jieba = require('nodejieba');
const addonFile = rest.find((a) => !a.startsWith('--')) || path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node');

const rssStart = rssMB();
let t = performance.now();
const addon = require(addonFile);
const requireMs = performance.now() - t;
const rssRequired = rssMB();

let idf = jieba.DEFAULT_IDF_DICT;
let stopWords = jieba.DEFAULT_STOP_WORD_DICT;
if (mode === 'stub') {
  // What src/core/entities/segmenter.ts does: the keyword-extraction lists point at a one-line file.
  const stub = path.join(os.tmpdir(), `news-lens-bench-stub-${process.pid}.utf8`);
  fs.writeFileSync(stub, '的 1.0\n');
  idf = stopWords = stub;
  process.on('exit', () => fs.rmSync(stub, { force: true }));
}
const cpuBefore = process.cpuUsage();
t = performance.now();
addon.load(jieba.DEFAULT_DICT, jieba.DEFAULT_HMM_DICT, jieba.DEFAULT_USER_DICT, idf, stopWords);
const loadMs = performance.now() - t;
const loadCpuMs = cpuMs(cpuBefore);
const rssLoaded = rssMB();
const sentence = '嘉兴市委书记在杭州表示,长三角一体化发展取得新进展。';
t = performance.now();
const tokens = addon.tag(sentence).length;
const firstTagMs = performance.now() - t;
const result = { mode, lazyTextRank: addon.lazyTextRank === true, requireMs, loadMs, loadCpuMs, firstTagMs, tokens, rssStart, rssRequired, rssLoaded, rssDeltaMB: rssLoaded - rssRequired };
if (withTextRank) {
  t = performance.now();
  result.keywords = addon.textRankExtract(sentence, 3).length;
  result.textRankMs = performance.now() - t;
  result.rssAfterTextRank = rssMB();
}
process.stdout.write(JSON.stringify(result) + '\n');
