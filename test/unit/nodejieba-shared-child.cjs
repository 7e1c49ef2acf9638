// Child of nodejieba-lean-load.test.ts: the main thread and a worker thread load the same dictionaries; prints, as JSON, what each sees (shared Jieba, segmentation before and after the worker inserts a word).
'use strict';
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const jieba = require('nodejieba');

const text = '杭州西湖区今天发布通知';
jieba.load();
if (isMainThread) {
  const main = { shared: jieba.sharedDictionaries(), tag: jieba.tag(text) };
  const worker = new Worker(__filename);
  worker.on('message', (fromWorker) => {
    main.cutAfterWorkerInsert = jieba.cut(text);
    main.sharedAfterWorkerInsert = jieba.sharedDictionaries();
    process.stdout.write(JSON.stringify({ main, worker: fromWorker }));
  });
  worker.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const out = { shared: jieba.sharedDictionaries(), tag: jieba.tag(text), cut: jieba.cut(text) };
  out.inserted = jieba.insertWord('杭州西湖区', 'ns');
  out.cutAfterInsert = jieba.cut(text);
  out.sharedAfterInsert = jieba.sharedDictionaries();
  parentPort.postMessage(out);
}
