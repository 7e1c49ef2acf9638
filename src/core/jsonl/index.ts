// JSONL corpora: records of a line, their text field, and offsets between the decoded text and the line.
export { decodeJsonString, encodeJsonStringContent, type DecodedString } from './json-string';
export { DEFAULT_TEXT_FIELDS, readJsonlLine, textFieldsFor, type JsonlLine } from './record';
export { toDocumentAnnotations } from './annotations';
