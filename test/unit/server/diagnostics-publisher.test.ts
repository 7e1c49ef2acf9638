// Unit tests of the diagnostics publisher: an unchanged set is not sent again, any change is, per document.
import { strict as assert } from 'node:assert';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../../src/server/diagnostics-publisher';

const finding = (line: number, message = 'Markup: <p>'): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 3 } },
  severity: 2,
  source: 'news-lens',
  code: 'markup',
  message,
});

describe('diagnostics publisher', () => {
  it('sends a document its diagnostics once while they stay the same, and again when anything in them changes', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    assert.equal(publisher.publish('file:///a.txt', [finding(1), finding(4)], 1), true);
    // The next version re-analyzed with the same findings (an edit on a line without junk): nothing to send.
    assert.equal(publisher.publish('file:///a.txt', [finding(1), finding(4)], 2), false);
    assert.equal(sent.length, 1);
    // A finding moved by one line, a changed message, one fewer: each is sent.
    assert.equal(publisher.publish('file:///a.txt', [finding(2), finding(4)], 3), true);
    assert.equal(publisher.publish('file:///a.txt', [finding(2), finding(4, 'Markup: <br>')], 4), true);
    assert.equal(publisher.publish('file:///a.txt', [finding(2)], 5), true);
    assert.equal(publisher.publish('file:///a.txt', [], 6), true);
    assert.equal(publisher.publish('file:///a.txt', [], 7), false);
    assert.deepEqual(sent.map((p) => [p.version, p.diagnostics.length]), [[1, 2], [3, 2], [4, 2], [5, 1], [6, 0]]);
  });

  it('compares nested fields, and takes a field left undefined for one that is absent', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const related = (line: number): Diagnostic => ({
      ...finding(3),
      relatedInformation: [{ location: { uri: 'file:///b.txt', range: finding(line).range }, message: 'earlier copy' }],
    });
    publisher.publish('file:///a.txt', [related(7)]);
    assert.equal(publisher.publish('file:///a.txt', [related(7)]), false);
    assert.equal(publisher.publish('file:///a.txt', [related(8)]), true, 'the related location moved');
    assert.equal(publisher.publish('file:///a.txt', [{ ...related(8), tags: undefined }]), false);
    assert.equal(publisher.publish('file:///a.txt', [{ ...related(8), tags: [1] }]), true);
    assert.equal(sent.length, 3);
  });

  it('keeps each document apart, and sends a first set even when it is empty', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    publisher.publish('file:///a.txt', [finding(1)]);
    assert.equal(publisher.publish('file:///b.txt', [finding(1)]), true, 'same set, other document');
    assert.equal(publisher.publish('file:///c.txt', []), true);
    assert.deepEqual(sent.map((p) => p.uri), ['file:///a.txt', 'file:///b.txt', 'file:///c.txt']);
    assert.equal('version' in sent[0], false, 'no version when none is given');
  });
});
