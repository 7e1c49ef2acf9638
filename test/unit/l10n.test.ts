// Unit tests that every user-facing string has English, Simplified and Traditional Chinese translations.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setLocale, t } from '../../src/server/messages';

const root = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;

/** Every `vscode.l10n.t('…')` message in the client sources. */
function clientMessages(): string[] {
  const dir = path.join(root, 'src', 'client');
  const messages = new Set<string>();
  for (const file of (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1].replace(/\\'/g, "'"));
  }
  return [...messages];
}

describe('localization', () => {
  it('every %key% of package.json is in all three package.nls files', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const nls = readJson(file);
      for (const key of keys) assert.ok(nls[key], `${file} lacks ${key}`);
    }
  });

  it('every runtime message of the client is in the zh-cn and zh-tw bundles', () => {
    const messages = clientMessages();
    assert.ok(messages.length > 15);
    for (const file of ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json']) {
      const bundle = readJson(file);
      for (const message of messages) assert.ok(bundle[message], `${file} lacks "${message}"`);
    }
  });

  it('server messages follow the display language', () => {
    try {
      setLocale('zh-tw');
      assert.equal(t('type.PER'), '人名');
      assert.equal(t('junk.markup'), '殘留標記');
      setLocale('zh-cn');
      assert.equal(t('junk.markup'), '残留标记');
      assert.equal(t('fix.removeAll', '拼音注音', 160), '删除本文所有拼音注音（160 处）');
      setLocale('en');
      assert.equal(t('fix.removeAll', 'Pinyin gloss', 160), 'Remove all Pinyin gloss in this document (160)');
    } finally {
      setLocale('en');
    }
  });
});
