// For tests only: an Analyzer that fails on documents containing a marker, to prove one failure stays contained.
import { Analyzer, type AnalysisResult } from '../core/analyze';
import type { AnalyzeOptions } from '../core/types';

/**
 * NEWS_LENS_TEST_FAIL_ON=<marker> (set by the integration tests through the extension host's environment) makes the
 * full analysis of any document whose text contains the marker throw; the cheap layers still work. Unset, this is
 * the plain Analyzer.
 */
export function createAnalyzer(failOn = process.env.NEWS_LENS_TEST_FAIL_ON): Analyzer {
  return failOn ? new FailingAnalyzer(failOn) : new Analyzer();
}

class FailingAnalyzer extends Analyzer {
  constructor(private readonly marker: string) {
    super();
  }

  override analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    if (!options.cheapOnly && text.includes(this.marker)) throw new Error(`injected failure (NEWS_LENS_TEST_FAIL_ON=${this.marker})`);
    return super.analyze(text, options);
  }
}
