// Public repositories the junk data is built from: pinned commits, licences as stated, and reading files from a local copy.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

export interface Source {
  repo: string;
  commit: string;
  /** The licence as the repository states it ("none stated" when it has no licence file). */
  licence: string;
  /** How we may use it: 'ship' terms or text derived from it, 'train' only (weights ship, text does not), 'checklist' only. */
  use: 'ship' | 'train' | 'checklist' | 'eval';
}

export const SOURCES = {
  houbb: { repo: 'houbb/sensitive-word', commit: 'f0e67b75ed084b3f89887395c28df4f984fafb66', licence: 'Apache-2.0', use: 'ship' },
  konsheng: { repo: 'konsheng/Sensitive-lexicon', commit: '5a8da94c61c160e203a6b2fcfafbea642404d50c', licence: 'MIT', use: 'ship' },
  gpt4oTokens: { repo: 'qihangL/GPT4o-Strange-Chinese-Tokens', commit: '278f10dfbe42c424cc4579a45620dce95c2efcae', licence: 'none stated', use: 'train' },
  darkLink: { repo: 'lsc183754539/DarkLinkScaner', commit: '7c6b9242325f06bd35bbe34c7be34e30f1d75588', licence: 'none stated', use: 'train' },
  yuanZhao: { repo: 'BINBIN02/YuanZhao', commit: '17ec1f90ed65c39c855952cf4911db5551a59992', licence: 'none stated', use: 'train' },
  adLines: { repo: 'jiangnanboy/llm_corpus_quality', commit: 'eaf40cc42270c4f0c3fdacb3966df47e37b0c3dc', licence: 'none stated', use: 'train' },
  aaPanel: { repo: 'aaPanel/aaPanel', commit: '88012af9cff5049d92481776b24eec2ff3c7412c', licence: '宝塔开源许可协议 (custom)', use: 'checklist' },
  xwlb: { repo: 'DuckBurnIncense/xin-wen-lian-bo', commit: 'ae8d591d33dd3701a34045e0acb24cd5b70b2ede', licence: 'MIT (code); text from CCTV', use: 'train' },
  cnews: { repo: 'qianshuang/dl-exp', commit: '0ff7afa0588c61940868d24099c7cbecc8ee9b54', licence: 'none stated (THUCNews subset)', use: 'train' },
  cctvPages: { repo: 'yuekcc/cctv_news', commit: 'f3f077685dd5be6c1dbfe4a65b69d3045d36594f', licence: 'MIT (code); content © original authors, research use', use: 'eval' },
  gne: { repo: 'GeneralNewsExtractor/GeneralNewsExtractor', commit: '3d5a67c65f4d6c8e13c3047754a4c18fc0b0754a', licence: 'GPL-3.0', use: 'eval' },
  cx: { repo: 'chrislinan/cx-extractor-python', commit: '56f19b1b7a340f730a9cfd28d2e11e65709f8852', licence: 'MIT', use: 'eval' },
  readability: { repo: 'mozilla/readability', commit: 'ab4027a8b37669745016869a37a504727992b2ba', licence: 'Apache-2.0', use: 'eval' },
  sohu: { repo: 'NICE-FUTURE/tfidf-cosine-text-recommendation', commit: 'c4ae9d10ea9720b938eefe94f538d797465a1abd', licence: 'none stated (Sogou Labs data, research use)', use: 'eval' },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

export function provenance(id: SourceId, file: string): string {
  const s = SOURCES[id];
  return `github:${s.repo}@${s.commit.slice(0, 7)}:${file}`;
}

/**
 * Where local copies live: --sources DIR (or NEWS_LENS_SOURCES), holding `owner+name/repo` (a bare git dir or a clone),
 * as the project's `fetch` mirror does. Without a copy, the repository is cloned there (needs github.com).
 */
export function sourcesRoot(): string {
  const flag = process.argv.indexOf('--sources');
  const dir = flag > 0 ? process.argv[flag + 1] : process.env.NEWS_LENS_SOURCES;
  return path.resolve(dir ?? path.join(__dirname, '..', '..', '.cache', 'sources'));
}

function gitDir(id: SourceId): string {
  const s = SOURCES[id];
  const base = path.join(sourcesRoot(), s.repo.replace('/', '+'), 'repo');
  for (const candidate of [path.join(base, '.git'), base]) {
    if (existsSync(path.join(candidate, 'HEAD'))) return candidate;
  }
  mkdirSync(path.dirname(base), { recursive: true });
  console.error(`cloning github.com/${s.repo} into ${base} (no local copy under ${sourcesRoot()})`);
  execFileSync('git', ['clone', '--bare', '--filter=blob:limit=8m', `https://github.com/${s.repo}.git`, base], { stdio: 'inherit' });
  return base;
}

/** A file of a source at its pinned commit, as bytes. */
export function readSourceBytes(id: SourceId, file: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir(id), 'show', `${SOURCES[id].commit}:${file}`], { maxBuffer: 1 << 30 });
}

export function readSource(id: SourceId, file: string): string {
  return readSourceBytes(id, file).toString('utf8');
}

/** Paths of a source's files under a folder at its pinned commit. */
export function listSource(id: SourceId, folder: string): string[] {
  const out = execFileSync('git', ['--git-dir', gitDir(id), 'ls-tree', '-r', '--name-only', '-z', SOURCES[id].commit, '--', folder], { maxBuffer: 1 << 28 });
  return out.toString('utf8').split('\0').filter(Boolean);
}
