// Child of nodejieba-lean-load.test.ts: preload() loads the dictionaries off this thread; prints, as JSON, what was seen (the event loop turned meanwhile; load() afterwards takes the preloaded Jieba).
'use strict';
const path = require('node:path');
const jieba = require('nodejieba');

// The binding itself: its functions do not load the default dictionaries first, as index.js's wrappers do.
const binding = require(path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node'));
const text = '杭州西湖区今天发布通知';
const seen = { beforePreload: binding.sharedDictionaries() };
const loading = jieba.preload();
setImmediate(() => (seen.immediateRanWhileLoading = seen.preloaded === undefined));
loading.then((preloaded) => {
  seen.preloaded = preloaded;
  seen.beforeLoad = binding.sharedDictionaries();
  jieba.load();
  seen.afterLoad = binding.sharedDictionaries();
  seen.tag = jieba.tag(text);
  try {
    binding.preloadAsync('only one path');
  } catch (error) {
    seen.badArguments = error.message;
  }
  process.stdout.write(JSON.stringify(seen));
});
