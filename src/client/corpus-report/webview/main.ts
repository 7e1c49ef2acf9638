// The Corpus Report page: charts (Chart.js, bundled) of a corpus report, in the theme's colors; a click on a bar opens its documents.
// Runs in the VS Code webview, or standalone in an exported HTML file (the report is then embedded in the page).
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartEvent, type ActiveElement } from 'chart.js';
import type { CorpusReport, ReportBar } from '../../../core/corpus-report';
import type { FromWebview, ToWebview } from '../protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const charts: Chart[] = [];
const ENTITY_NAMES: Record<string, string> = { PER: 'people', LOC: 'places', ORG: 'organizations', WORK: 'titles of works', FAC: 'facilities and projects' };
let current: CorpusReport | undefined;

/** A theme color (a --vscode-* variable of the webview), or the fallback of an exported page. */
function color(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}

function palette(): string[] {
  return [
    color('--vscode-charts-blue', '#3b82f6'),
    color('--vscode-charts-orange', '#f59e0b'),
    color('--vscode-charts-green', '#22c55e'),
    color('--vscode-charts-purple', '#a855f7'),
    color('--vscode-charts-red', '#ef4444'),
    color('--vscode-charts-yellow', '#eab308'),
  ];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One chart card: a bar chart (horizontal for long labels) whose bars open their documents when clicked. */
function card(parent: HTMLElement, title: string, bars: readonly ReportBar[], options: { horizontal?: boolean; colorIndex?: number; doughnut?: boolean; empty?: string } = {}): void {
  const section = element('section', 'card');
  section.append(element('h2', undefined, title));
  parent.append(section);
  if (bars.every((b) => b.count === 0)) {
    section.append(element('p', 'empty', options.empty ?? 'None found.'));
    return;
  }
  const holder = element('div', options.horizontal ? 'chart tall' : 'chart');
  const canvas = element('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${title}: ${bars.map((b) => `${b.label} ${b.count}`).join(', ')}`);
  holder.append(canvas);
  section.append(holder);
  const colors = palette();
  const foreground = color('--vscode-foreground', '#333333');
  const grid = color('--vscode-editorWidget-border', '#cccccc');
  const fill = options.doughnut ? bars.map((_, i) => colors[i % colors.length]) : colors[(options.colorIndex ?? 0) % colors.length];
  const chart = new Chart(canvas, {
    type: options.doughnut ? 'doughnut' : 'bar',
    data: { labels: bars.map((b) => b.label), datasets: [{ label: title, data: bars.map((b) => b.count), backgroundColor: fill, borderWidth: 0 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      plugins: { legend: { display: !!options.doughnut, position: 'right', labels: { color: foreground } }, tooltip: { enabled: true } },
      scales: options.doughnut
        ? {}
        : {
            x: { ticks: { color: foreground, autoSkip: false, precision: 0 }, grid: { color: grid }, beginAtZero: true },
            y: { ticks: { color: foreground, autoSkip: false, precision: 0 }, grid: { color: grid }, beginAtZero: true },
          },
      onClick: (_event: ChartEvent, active: ActiveElement[]) => {
        const bar = active[0] && bars[active[0].index];
        if (bar && bar.docs.length) vscode?.postMessage({ type: 'open', docs: bar.docs, title: `${title}: ${bar.label}` });
      },
      onHover: (event: ChartEvent, active: ActiveElement[]) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = active.length && vscode ? 'pointer' : 'default';
      },
    },
  });
  charts.push(chart);
}

function render(report: CorpusReport): void {
  current = report;
  charts.splice(0).forEach((c) => c.destroy());
  const root = document.getElementById('report')!;
  root.replaceChildren();
  const header = element('header');
  header.append(element('h1', undefined, `Corpus report · ${report.title}`));
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  const facts = `${plural(report.documents, 'document', 'documents')} (${plural(report.files, 'file', 'files')}, ${plural(report.records, 'JSONL record', 'JSONL records')}) · ${plural(report.characters, 'character', 'characters')} · ${new Date(report.generatedAt).toLocaleString()}`;
  header.append(element('p', 'facts', facts));
  if (vscode) {
    const actions = element('div', 'actions');
    for (const format of ['html', 'json'] as const) {
      const button = element('button', undefined, `Export ${format.toUpperCase()}`);
      button.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
      actions.append(button);
    }
    header.append(actions);
  }
  root.append(header);
  const grid = element('div', 'grid');
  root.append(grid);
  card(grid, 'Junk by kind', report.junkByKind, { colorIndex: 4 });
  card(grid, 'Top spam terms', report.spamTerms, { horizontal: true, colorIndex: 1, empty: 'No spam found.' });
  card(grid, 'Script mix', report.scripts, { doughnut: true });
  card(grid, 'Document lengths (characters)', report.lengths, { colorIndex: 0 });
  report.entities.forEach((entities, i) => card(grid, `Most frequent ${ENTITY_NAMES[entities.type] ?? entities.type}`, entities.bars, { horizontal: true, colorIndex: 2 + i }));
  const clusters = report.duplicates.map((c) => ({ label: `${c.docs[0].label} (≥ ${Math.round(c.similarity * 100)}%)`, count: c.docs.length, docs: c.docs }));
  card(grid, 'Duplicate clusters (documents per cluster)', clusters, { horizontal: true, colorIndex: 3, empty: 'No near-duplicates found.' });
  document.body.dataset.rendered = 'true';
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'report') render(event.data.report);
});
// Theme changes (VS Code switches the body's classes): redraw in the new colors.
new MutationObserver(() => current && render(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const embedded = document.getElementById('report-data');
if (embedded?.textContent) render(JSON.parse(embedded.textContent) as CorpusReport);
else vscode?.postMessage({ type: 'ready' });
