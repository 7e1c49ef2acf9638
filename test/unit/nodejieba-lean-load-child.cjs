// Child of nodejieba-lean-load.test.ts: loads one nodejieba addon (index.js, or the addon file given) and prints what each function returns, as JSON.
'use strict';
const jieba = require('nodejieba');

const addonFile = process.argv[2];
// With a file, call the addon directly (index.js's functions only forward to it, after load()).
const api = addonFile ? require(addonFile) : jieba;
const lazyTextRank = (addonFile ? api : require(require('node:path').join(require.resolve('nodejieba/package.json'), '..', 'build', 'Release', 'nodejieba.node'))).lazyTextRank === true;
const dicts = [jieba.DEFAULT_DICT, jieba.DEFAULT_HMM_DICT, jieba.DEFAULT_USER_DICT, jieba.DEFAULT_IDF_DICT, jieba.DEFAULT_STOP_WORD_DICT];
const load = () => (addonFile ? api.load(...dicts) : jieba.load());

const text = '嘉兴市委书记在杭州表示，长三角一体化发展取得新进展，上海、江苏、浙江、安徽三省一市将共建长三角生态绿色一体化发展示范区。';
const out = { lazyTextRank, loaded: load() };
// What the engine does first; then the keyword extractors, TextRank for the first time after insertWord().
out.tag = api.tag(text);
out.insertWord = api.insertWord('生态绿色一体化发展示范区', 'nz');
out.textRank = api.textRankExtract(text, 5);
out.textRankAgain = api.textRankExtract(text, 5);
out.extract = api.extract(text, 5);
out.cut = api.cut(text);
out.cutHMM = api.cutHMM(text);
out.cutAll = api.cutAll(text);
out.cutForSearch = api.cutForSearch(text, true);
out.cutSmall = api.cutSmall(text, 2);
// A second load() drops the extractor; the next call builds it again.
out.reloaded = load();
out.textRankAfterReload = api.textRankExtract(text, 5);
process.stdout.write(JSON.stringify(out));
