// Child of the degraded-mode test: analyzes a sample through the server's analysis service and prints the outcomes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisService, type AnalysisOutcome } from '../../../src/server/analysis-service';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';

const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'mirror-article-zh-hant.txt'), 'utf8');
const published: AnalysisOutcome[] = [];
const service = new AnalysisService((uri) => ({ uri, version: 1, text }), async () => DEFAULT_SETTINGS, (o) => published.push(o));

void (async () => {
  await service.run('file:///sample.txt');
  await new Promise((resolve) => setTimeout(resolve, 1500)); // a warm-up and re-analysis would happen here
  const counts = (o: AnalysisOutcome) => ({
    junk: o.annotations.filter((a) => a.kind === 'junk').length,
    entities: o.annotations.filter((a) => a.kind === 'entity').length,
    figures: o.annotations.filter((a) => a.kind === 'figure').length,
  });
  process.stdout.write(JSON.stringify(published.map((o) => ({ degraded: o.degraded, entitiesPending: o.entitiesPending, ...counts(o) }))));
})();
