// Child process for the nodejieba load measurement: require, load() with the given dictionaries, one tag(); prints JSON.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const mode = process.argv[2] || 'defaults';
const rssMB = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;

const rssStart = rssMB();
let t = performance.now();
const jieba = require('nodejieba');
const requireMs = performance.now() - t;
const rssRequired = rssMB();

let options;
if (mode === 'stub') {
  // What src/core/entities/segmenter.ts does: the keyword-extraction lists point at a one-line file.
  const stub = path.join(os.tmpdir(), `news-lens-bench-stub-${process.pid}.utf8`);
  fs.writeFileSync(stub, '的 1.0\n');
  options = { dict: jieba.DEFAULT_DICT, hmmDict: jieba.DEFAULT_HMM_DICT, userDict: jieba.DEFAULT_USER_DICT, idfDict: stub, stopWordDict: stub };
  process.on('exit', () => fs.rmSync(stub, { force: true }));
}
t = performance.now();
jieba.load(options);
const loadMs = performance.now() - t;
const rssLoaded = rssMB();
t = performance.now();
const tokens = jieba.tag('嘉兴市委书记在杭州表示,长三角一体化发展取得新进展。').length;
const firstTagMs = performance.now() - t;
process.stdout.write(JSON.stringify({ mode, requireMs, loadMs, firstTagMs, tokens, rssStart, rssRequired, rssLoaded, rssDeltaMB: rssLoaded - rssRequired }) + '\n');
