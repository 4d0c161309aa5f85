import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { chartsByKey, humanise, type BoardCells, type KeyChart, type StatCell } from './series';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Okabe-Ito colours: told apart by people with the common colour-vision deficiencies. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];
const TOKEN_KEY = 'scr-trends-token';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (message: string, error = false) => {
  const el = $('status');
  el.textContent = message;
  el.className = error ? 'error' : '';
};

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

class ApiError extends Error {}

async function graphql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer<T>;
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  return body.data as T;
}

interface Question {
  from: string;
  to: string;
  interval: string;
  by: string;
}

/** Every board's incidentStats in one request, one aliased field per board. */
async function fetchBoards(token: string, q: Question): Promise<BoardCells[]> {
  const { boards } = await graphql<{ boards: { code: string }[] }>(token, '{ boards { code } }');
  const fields = boards.map(
    (_, i) => `b${i}: board(code: $b${i}) { code incidentStats(from: $from, to: $to, interval: $interval, by: $by) { period key count suppressed } }`,
  );
  const codes = boards.map((_, i) => `$b${i}: ID!`).join(', ');
  const data = await graphql<Record<string, { code: string; incidentStats: StatCell[] }>>(
    token,
    `query Trends(${codes}, $from: Date!, $to: Date!, $interval: Interval!, $by: IncidentDimension!) { ${fields.join(' ')} }`,
    { ...q, ...Object.fromEntries(boards.map((b, i) => [`b${i}`, b.code])) },
  );
  return boards.map((_, i) => {
    const answer = data[`b${i}`];
    if (!answer) throw new ApiError(`The answer has no statistics for ${boards[i]?.code ?? `board ${i}`}.`);
    return { code: answer.code, cells: answer.incidentStats };
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The figures behind a chart as a table, for screen readers and for anyone checking a value; suppressed cells say so. */
function figuresTable(chart: KeyChart, boards: BoardCells[]): HTMLTableElement {
  const table = el('table');
  const head = table.createTHead().insertRow();
  head.appendChild(el('th', 'Period'));
  for (const s of chart.series) head.appendChild(el('th', s.board));
  const body = table.createTBody();
  chart.periods.forEach((period, p) => {
    const row = body.insertRow();
    row.appendChild(el('th', period));
    chart.series.forEach((s, b) => {
      const cell = boards[b]?.cells.find((c) => c.period === period && c.key === chart.key);
      if (cell?.suppressed) row.appendChild(el('td', 'c (suppressed)', 'suppressed'));
      else row.appendChild(el('td', s.counts[p] === null ? '–' : String(s.counts[p])));
    });
  });
  return table;
}

let drawn: Chart[] = [];

function render(boards: BoardCells[]): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
  const main = $('charts');
  main.replaceChildren();
  const charts = chartsByKey(boards);
  if (!charts.length) {
    status('No incidents in this window.');
    return;
  }
  for (const chart of charts) {
    const figure = el('figure');
    figure.dataset.key = chart.key;
    figure.appendChild(el('figcaption', humanise(chart.key)));
    const box = el('div', undefined, 'chart-box');
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${humanise(chart.key)}: incidents by period for ${chart.series.map((s) => s.board).join(', ')}`);
    canvas.dataset.series = chart.series.map((s) => s.board).join(',');
    box.appendChild(canvas);
    figure.appendChild(box);
    if (chart.suppressed.length) {
      figure.appendChild(
        el(
          'p',
          `Gaps are suppressed counts (1 to 5, or hidden beside a lone small count so it cannot be worked out): ${chart.suppressed.join('; ')}.`,
          'suppressed-note',
        ),
      );
    }
    const details = el('details');
    details.appendChild(el('summary', 'Figures'));
    details.appendChild(figuresTable(chart, boards));
    figure.appendChild(details);
    main.appendChild(figure);
    drawn.push(
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: chart.periods,
          datasets: chart.series.map((s, i) => ({
            label: s.board,
            data: s.counts,
            borderColor: COLOURS[i % COLOURS.length],
            backgroundColor: COLOURS[i % COLOURS.length],
            spanGaps: false,
            pointRadius: 3,
          })),
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } },
        },
      }),
    );
  }
  status(`Showing ${charts.length} chart(s) for ${boards.length} board(s).`);
}

function question(): Question {
  return {
    from: $<HTMLInputElement>('from').value,
    to: $<HTMLInputElement>('to').value,
    interval: $<HTMLSelectElement>('interval').value,
    by: $<HTMLSelectElement>('by').value,
  };
}

/** The CSV export needs the token in a header, so it is fetched and handed to the browser as a file. */
async function download(token: string, boards: string[], q: Question): Promise<void> {
  const params = new URLSearchParams({ board: boards.join(','), ...q });
  const response = await fetch(`/exports/statistics.csv?${params}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json()) as GraphQLAnswer<unknown>;
    throw new ApiError(`${body.errors?.[0]?.extensions?.code}: ${body.errors?.[0]?.message}`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'incident-statistics.csv';
  const link = el('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

function start(): void {
  const today = new Date().toISOString().slice(0, 10);
  $<HTMLInputElement>('from').value = `${Number(today.slice(0, 4)) - 2}-01-01`;
  $<HTMLInputElement>('to').value = today;
  const tokenInput = $<HTMLInputElement>('token');
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let lastBoards: string[] = [];

  $('question').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    status('Loading…');
    fetchBoards(token, question())
      .then((boards) => {
        lastBoards = boards.map((b) => b.code);
        $('download').hidden = false;
        render(boards);
      })
      .catch((error: unknown) => status(error instanceof Error ? error.message : String(error), true));
  });
  $('download').addEventListener('click', (event) => {
    event.preventDefault();
    download(tokenInput.value.trim(), lastBoards, question()).catch((error: unknown) => status(error instanceof Error ? error.message : String(error), true));
  });
}

start();
