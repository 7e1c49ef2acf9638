// Unit tests of the team configuration file (.newslens.json): validation with positions, the schema, the settings merge, the CLI's --config.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { findTeamConfig, lineAndColumn, parseTeamConfig, TEAM_CONFIG_FILE } from '../../src/core/team-config';
import { ENTITY_TYPES, JUNK_KINDS } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { applyTeamConfig, TeamSettings } from '../../src/server/team-settings';

const GOOD = JSON.stringify({
  userDictionary: [{ word: '湘家蕩', type: 'LOC' }],
  ignore: ['久久国产精品'],
  spam: { extraTerms: ['澳门赌场'] },
  junk: { kinds: ['spam', 'pinyin-gloss'], severity: { spam: 'error' } },
}, null, 2);

describe('team configuration file', () => {
  it('reads every key', () => {
    const { config, problems } = parseTeamConfig(GOOD);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, JSON.parse(GOOD));
  });

  it('points at each problem; an error keeps the whole file from applying, an unknown key is only a warning', () => {
    const syntax = parseTeamConfig('{\n  "ignore": ["a",]\n}');
    assert.equal(syntax.config, undefined);
    assert.deepEqual(lineAndColumn('{\n  "ignore": ["a",]\n}', syntax.problems[0].start), { line: 2, column: 18 });
    const text = '{"userDictionary": [{"word": "x", "type": "PERSON"}], "junk": {"severity": {"spam": "loud"}}}';
    const bad = parseTeamConfig(text);
    assert.equal(bad.config, undefined);
    assert.deepEqual(bad.problems.map((p) => text.slice(p.start, p.end)), ['{"word": "x", "type": "PERSON"}', '"loud"']);
    const unknown = parseTeamConfig('{"ignore": ["a"], "colour": "red"}');
    assert.deepEqual(unknown.config, { ignore: ['a'] });
    assert.equal(unknown.problems.length, 1);
    assert.equal(unknown.problems[0].severity, 'warning');
    assert.equal(parseTeamConfig('[]').config, undefined);
    assert.equal(parseTeamConfig('').config, undefined);
  });

  it('the contributed schema names the same keys, kinds, severities and types as the validator', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'newslens.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'ignore', 'junk', 'spam', 'userDictionary']);
    assert.deepEqual(schema.properties.junk.properties.kinds.items.enum, [...JUNK_KINDS]);
    assert.deepEqual(Object.keys(schema.properties.junk.properties.severity.properties), [...JUNK_KINDS]);
    assert.deepEqual(schema.properties.userDictionary.items.properties.type.enum, [...ENTITY_TYPES]);
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: TEAM_CONFIG_FILE, url: './schemas/newslens.schema.json' }]);
  });

  it('laid over the settings, the file wins: lists replace lists, severities win per kind', () => {
    const settings = { ...DEFAULT_SETTINGS, ignore: ['mine'], extraSpamTerms: ['theirs'], severity: { ...DEFAULT_SETTINGS.severity, markup: 'hint' as const } };
    const merged = applyTeamConfig(settings, parseTeamConfig(GOOD).config!);
    assert.deepEqual(merged.ignore, ['久久国产精品']);
    assert.deepEqual(merged.extraSpamTerms, ['澳门赌场']);
    assert.deepEqual(merged.junkKinds, ['spam', 'pinyin-gloss']);
    assert.equal(merged.severity.spam, 'error');
    assert.equal(merged.severity.markup, 'hint', 'a severity the file does not set stays');
    const onlyIgnore = applyTeamConfig(settings, { ignore: ['x'] });
    assert.deepEqual(onlyIgnore.extraSpamTerms, ['theirs'], 'what the file does not set comes from the settings');
  });

  it('applies each folder its own file, the innermost folder first; a broken file leaves the settings', () => {
    const team = new TeamSettings();
    assert.deepEqual(team.update({ folder: 'file:///w', uri: 'file:///w/.newslens.json', text: '{"ignore": ["outer"]}' }), []);
    team.update({ folder: 'file:///w/inner', uri: 'file:///w/inner/.newslens.json', text: '{"ignore": ["inner"]}' });
    assert.deepEqual(team.apply('file:///w/a.txt', DEFAULT_SETTINGS).ignore, ['outer']);
    assert.deepEqual(team.apply('file:///w/inner/b.txt', DEFAULT_SETTINGS).ignore, ['inner']);
    assert.deepEqual(team.apply('file:///wx/c.txt', DEFAULT_SETTINGS).ignore, []);
    const diagnostics = team.update({ folder: 'file:///w', uri: 'file:///w/.newslens.json', text: '{"ignore": "all"}' });
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /not applied until this is fixed: the settings stay in force/);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 11 });
    assert.deepEqual(team.apply('file:///w/a.txt', DEFAULT_SETTINGS).ignore, []);
  });
});

describe('news-lens --config', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-team-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
    try {
      return { code: await main(argv), stdout, stderr };
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  }

  const TEXT = '網(wǎng)站報道：嘉興持續(xù)發(fā)力。\n';

  it('finds the nearest .newslens.json above the input and applies it', async () => {
    fs.mkdirSync(path.join(dir, 'corpus', 'day1'), { recursive: true });
    const input = path.join(dir, 'corpus', 'day1', 'a.txt');
    fs.writeFileSync(input, TEXT);
    assert.equal(findTeamConfig(path.dirname(input), fs.existsSync), undefined);
    const before = await run('clean', input);
    assert.equal(before.stdout, '網站報道：嘉興持續發力。\n');
    fs.writeFileSync(path.join(dir, 'corpus', TEAM_CONFIG_FILE), JSON.stringify({ junk: { kinds: ['spam'] } }));
    assert.equal(findTeamConfig(path.dirname(input), fs.existsSync), path.join(dir, 'corpus', TEAM_CONFIG_FILE));
    const after = await run('clean', input);
    assert.equal(after.code, 0);
    assert.equal(after.stdout, TEXT, 'only spam is cleaned: the glosses stay');
    // A flag given on the command line wins over the file.
    assert.equal((await run('clean', '--kinds', 'pinyin-gloss', input)).stdout, '網站報道：嘉興持續發力。\n');
  });

  it('--config FILE names the file; a broken one is an error with its line and column', async () => {
    const input = path.join(dir, 'a.txt');
    fs.writeFileSync(input, TEXT);
    const config = path.join(dir, 'team.json');
    fs.writeFileSync(config, '{\n  "junk": {"kinds": ["spam", "gloss"]}\n}\n');
    const broken = await run('clean', '--config', config, input);
    assert.equal(broken.code, 2);
    assert.ok(broken.stderr.includes(`${config}:2:30: junk.kinds: unknown kind "gloss"`), broken.stderr);
    fs.writeFileSync(config, JSON.stringify({ ignore: ['(wǎng)'] }));
    const ok = await run('clean', '--config', config, input);
    assert.equal(ok.stdout, '網(wǎng)站報道：嘉興持續發力。\n');
  });
});
