/**
 * The report's chart: attendance and actions over the programme, drawn by vega-lite
 * (its headless renderer makes SVG, no browser) and turned into a PNG by resvg with
 * a font shipped in node_modules, so it looks the same on every machine. Loaded on
 * first use: neither library costs anything at start-up.
 */
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import type { ChartPoint } from '../../domain/report';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');

/** The PNG text chunk that carries the plotted numbers, so a reader (or a test) can check them against the CSV. */
export const DATA_KEYWORD = 'setwise:data';

export interface Chart {
  readonly svg: string;
  readonly png: Uint8Array;
}

function spec(title: string, points: readonly ChartPoint[], by: 'meeting' | 'month') {
  const values = points.flatMap((p) => [
    { period: p.period, series: 'attended', value: p.attended },
    { period: p.period, series: 'actions committed', value: p.actions },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: Math.max(320, Math.min(900, points.length * 70)),
    height: 240,
    background: 'white',
    config: { font: 'Noto Sans' },
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: by === 'meeting' ? 'meeting' : 'month', axis: { labelAngle: -40 } },
      y: { field: 'value', type: 'quantitative', title: 'count', axis: { tickMinStep: 1 } },
      color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#2f6f9f', '#d9822b'] } },
    },
  };
}

/** A tEXt chunk (keyword, NUL, Latin-1 text) inserted before IEND. */
function withText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
  const end = png.length - 12; // IEND is always the last 12 bytes
  return Buffer.concat([png.subarray(0, end), chunk, png.subarray(end)]);
}

/** The chart of `points`, as SVG and PNG; the PNG carries the points as JSON in a text chunk. */
export async function drawChart(title: string, points: readonly ChartPoint[], by: 'meeting' | 'month'): Promise<Chart> {
  const [vega, vegaLite, { Resvg }] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  const compiled = vegaLite.compile(spec(title, points, by) as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
  return { svg, png: withText(png, DATA_KEYWORD, JSON.stringify(points)) };
}
