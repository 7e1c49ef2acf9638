// Reads a CPU profile of the extension host and sorts its busy stretches (≥ a threshold) by what caused them, so that
// News Lens's own code, the language client, messages from the server and VS Code's replies can be told apart.

/** The parts of V8's .cpuprofile format used here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusyCause {
  cause: string;
  /** Busy stretches (≥ the threshold) that this cause had most samples of. */
  stretches: number;
  totalMs: number;
  maxMs: number;
}

const CLIENT_BUNDLE = /\/dist\/client\/extension\.js$/;

/** Which cause a stack (root first) belongs to; the first matching rule wins. */
function causeOf(stack: { functionName: string; url: string }[]): string {
  const has = (name: string) => stack.some((f) => f.functionName === name);
  if (has('serializeReplyOK')) return 'VS Code serialising a reply to the workbench (provider results: code actions, symbols…)';
  if (has('parseChannelMessages')) return 'JSON.parse of messages from the language server (IPC)';
  const inClient = stack.filter((f) => CLIENT_BUNDLE.test(f.url));
  if (inClient.some((f) => f.functionName === 'measure')) return 'News Lens client code (timed by HostTiming)';
  if (inClient.length) return 'other code in the client bundle (vscode-languageclient conversions…)';
  if (stack[stack.length - 1]?.functionName === '(garbage collector)') return 'garbage collection';
  return 'other (VS Code, built-in extensions)';
}

/**
 * Busy stretches: runs of consecutive non-idle samples lasting at least `thresholdMs`, each counted under the cause of
 * most of its samples. A stretch can hold several tasks back to back (nothing idle between them), so it is an upper
 * bound of the longest task in it; the host's event loop was busy for that long either way.
 */
export function busyStretchesByCause(profile: CpuProfile, thresholdMs = 20): BusyCause[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const causeOfNode = new Map<number, string>();
  const cause = (id: number): string => {
    let known = causeOfNode.get(id);
    if (known === undefined) {
      const stack = [];
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) stack.unshift(nodes.get(at)!.callFrame);
      known = causeOf(stack);
      causeOfNode.set(id, known);
    }
    return known;
  };

  const byCause = new Map<string, BusyCause>();
  let runStart = -1;
  let runEnd = -1;
  let votes = new Map<string, number>();
  const close = () => {
    const ms = (runEnd - runStart) / 1000;
    if (runStart >= 0 && ms >= thresholdMs) {
      const [winner] = [...votes].sort((a, b) => b[1] - a[1])[0];
      const row = byCause.get(winner) ?? { cause: winner, stretches: 0, totalMs: 0, maxMs: 0 };
      row.stretches++;
      row.totalMs += ms;
      row.maxMs = Math.max(row.maxMs, ms);
      byCause.set(winner, row);
    }
    runStart = -1;
    votes = new Map();
  };
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i];
    const name = nodes.get(id)!.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return close();
    if (runStart < 0) runStart = time;
    runEnd = time;
    const c = cause(id);
    votes.set(c, (votes.get(c) ?? 0) + 1);
  });
  close();
  return [...byCause.values()].sort((a, b) => b.totalMs - a.totalMs);
}
