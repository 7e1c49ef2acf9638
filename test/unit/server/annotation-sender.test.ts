// Unit tests of annotation deltas: after edits, applying each message to the last whole set gives exactly the whole set of the new version.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/core/analyze';
import { AnnotationSender } from '../../../src/server/annotation-sender';
import { unpackAnnotations, withDeltaApplied, type PackedAnnotationsParams, type WholeAnnotations } from '../../../src/server/protocol';
import { seededRandom as rng } from '../../../src/shared/seeded-random';

const URI = 'file:///a.txt';
const PARAGRAPHS = [
  '嘉興市委書記張三在杭州表示,2023年投資102.54億元,同比增長12%。',
  '中國西藏網(wǎng)報道,長三角一體化發(fā)展取得新進展。',
  '澳门百家乐|真人娱乐|彩票平台|六合彩|网上赌场|快三|时时彩',
  '<p>楊克建出席《長江三角洲區域一體化發展規劃綱要》座談會</p>',
  '版權聲明:本網站所刊載信息,不代表本站觀點。',
];

const spansOf = (message: WholeAnnotations) => unpackAnnotations(message).spans;

function send(sender: AnnotationSender, analyzer: Analyzer, text: string, version: number, cheapOnly = false): PackedAnnotationsParams {
  const { annotations } = analyzer.analyze(text, { cheapOnly });
  return sender.message({ uri: URI, version, textLength: text.length, entitiesPending: cheapOnly, elapsedMs: 1 }, annotations);
}

describe('annotation deltas', () => {
  it('sends only what changed, and the client rebuilds exactly the new whole set', () => {
    const random = rng(20261128);
    const lines = Array.from({ length: 120 }, (_, i) => `${i}. ${PARAGRAPHS[i % PARAGRAPHS.length]}`);
    const sender = new AnnotationSender();
    const analyzer = new Analyzer();
    let client: WholeAnnotations = send(sender, analyzer, lines.join('\n'), 1);
    assert.equal(client.delta, undefined, 'the first message is whole');
    let deltas = 0;
    for (let version = 2; version < 60; version++) {
      const at = Math.floor(random() * lines.length);
      const choice = random();
      if (choice < 0.4) lines[at] = lines[at].slice(0, 5) + '新' + lines[at].slice(5);
      else if (choice < 0.6) lines[at] = lines[at].slice(0, 3) + lines[at].slice(6);
      else if (choice < 0.75) lines.splice(at, 1);
      else if (choice < 0.9) lines.splice(at, 0, PARAGRAPHS[Math.floor(random() * PARAGRAPHS.length)]);
      else lines[at] = `嘉興${lines[at]}`;
      const text = lines.join('\n');
      const message = send(sender, analyzer, text, version);
      const whole = send(new AnnotationSender(), new Analyzer(), text, version);
      if (message.delta) {
        deltas++;
        assert.ok(message.packed.length < whole.packed.length / 2, `version ${version}: the delta is small`);
      }
      const rebuilt = withDeltaApplied(client, message);
      assert.ok(rebuilt, `version ${version}: the delta applies to the previous set`);
      assert.deepEqual(spansOf(rebuilt), spansOf(whole), `version ${version}`);
      assert.deepEqual(rebuilt.counts, whole.counts);
      client = rebuilt;
    }
    assert.ok(deltas > 40, `${deltas} of 58 messages were deltas`);
  });

  it('sends the whole set when most spans changed, or for the same version (cheap then full)', () => {
    const text = PARAGRAPHS.join('\n');
    const sender = new AnnotationSender();
    const analyzer = new Analyzer();
    send(sender, analyzer, text, 1, true);
    assert.equal(send(sender, analyzer, text, 1).delta, undefined, 'same version: whole');
    assert.equal(send(sender, analyzer, PARAGRAPHS.slice().reverse().join('\n'), 2).delta, undefined, 'most spans changed: whole');
  });

  it('refuses a delta whose base the client does not have, and starts whole again after forget()', () => {
    const lines = Array.from({ length: 50 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]);
    const sender = new AnnotationSender();
    const analyzer = new Analyzer();
    const first = send(sender, analyzer, lines.join('\n'), 1);
    lines[10] += '新';
    send(sender, analyzer, lines.join('\n'), 2);
    lines[20] += '新';
    const third = send(sender, analyzer, lines.join('\n'), 3);
    assert.ok(third.delta);
    assert.equal(withDeltaApplied(first, third), undefined, 'base is version 2, the client has version 1');
    assert.equal(withDeltaApplied(undefined, third), undefined);
    sender.forget(URI);
    lines[30] += '新';
    assert.equal(send(sender, analyzer, lines.join('\n'), 4).delta, undefined);
  });
});
