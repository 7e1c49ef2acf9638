// The gold layer: an annotator's decisions kept as standoff files, with importers, exporters, scores and agreement.
export * from './model';
export * from './actions';
export * from './track';
export * from './anchor';
export * from './brat';
export * from './sidecar';
export * from './load';
export * from './paths';
export * from './imported';
export * from './import-json';
export * from './import-conll';
export * from './import-file';
export * from './compare';
export * from './agreement';
export * from './export';
export * from './jsonl-records';
