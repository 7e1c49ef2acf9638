// Child of warm-up-responsive.test.ts: analyzes a sample through the server's analysis service in a fresh process (nothing loaded yet) and prints, per publication, how often the event loop turned before it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisService, type AnalysisOutcome } from '../../../src/server/analysis-service';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';

const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'mirror-article-zh-hant.txt'), 'utf8');
let turns = 0;
let counting = true;
const count = () => {
  turns++;
  if (counting) setImmediate(count);
};
const published: { turns: number; entitiesPending: boolean; entities: number }[] = [];
const service = new AnalysisService(
  (uri) => ({ uri, version: 1, text }),
  async () => DEFAULT_SETTINGS,
  (o: AnalysisOutcome) => {
    published.push({ turns, entitiesPending: o.entitiesPending, entities: o.annotations.filter((a) => a.kind === 'entity').length });
    if (!o.entitiesPending) {
      counting = false;
      process.stdout.write(JSON.stringify(published));
    }
  },
);
void service.run('file:///sample.txt').then(() => setImmediate(count));
