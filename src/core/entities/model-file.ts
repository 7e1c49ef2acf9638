// Finds and loads the shipped tagger weights (data/ner/model.bin) once per process.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDataFile } from '../data-file';
import { parseModel, type TaggerModel } from './model-format';

export const MODEL_RELATIVE = path.join('data', 'ner', 'model.bin');

let model: TaggerModel | undefined;
let loadError: Error | undefined;
let loadMs: number | undefined;

/**
 * The model file: NEWS_LENS_NER_MODEL when set (to evaluate another model), else data/ner/model.bin
 * in the nearest folder above this module that has one (the repository when run from source,
 * the extension or package folder when bundled into dist/).
 */
export function modelPath(): string | undefined {
  return process.env.NEWS_LENS_NER_MODEL || findDataFile(MODEL_RELATIVE);
}

/** The tagger model, loaded on first use; undefined when it is missing or unreadable (see taggerError). */
export function loadTagger(): TaggerModel | undefined {
  if (model || loadError) return model;
  const t0 = performance.now();
  try {
    const file = modelPath();
    if (!file) throw new Error(`entity model not found (${MODEL_RELATIVE})`);
    model = parseModel(readFileSync(file));
    loadMs = performance.now() - t0;
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
  }
  return model;
}

/** Why the model could not be loaded, if it could not. */
export function taggerError(): Error | undefined {
  return loadError;
}

/** Milliseconds the model took to load (undefined before it is loaded). */
export function taggerLoadMs(): number | undefined {
  return loadMs;
}
