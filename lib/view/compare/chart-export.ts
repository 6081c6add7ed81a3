import { type EChartsType, init } from '../shared/echarts-setup';
import type { LineLayer } from './line-layer';

function download(href: string, file: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = file;
  link.click();
}

/** A file name from a tag: `batch/loss` → `batch_loss`. */
export function chartFileName(tag: string, extension: string): string {
  return `${tag.replace(/[^\w.-]+/g, '_')}.${extension}`;
}

/** Exports are drawn at twice the chart's pixels. */
const EXPORT_RATIO = 2;

/** The chart as drawn, its run lines included, at twice its pixels, on the page's background rather than transparent. */
export async function downloadPng(chart: EChartsType, tag: string, background: string, lines: LineLayer): Promise<void> {
  const image = new Image();
  image.src = chart.getDataURL({ type: 'png', pixelRatio: EXPORT_RATIO, backgroundColor: background, excludeComponents: ['dataZoom'] });
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(image, 0, 0);
  lines.paintExport(ctx, chart, EXPORT_RATIO);
  download(canvas.toDataURL('image/png'), chartFileName(tag, 'png'));
}

/**
 * The chart as vector graphics: its current option drawn again by ECharts' SVG renderer, off screen,
 * at the chart's size and zoom, without the zoom slider, and its run lines as polylines, so the file
 * opens and scales in any editor.
 */
export function downloadSvg(chart: EChartsType, tag: string, background: string, lines: LineLayer): void {
  const offscreen = init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    const option = chart.getOption();
    // The inside zoom keeps the range the user zoomed to; the slider is a control, not part of the chart.
    const dataZoom = (option.dataZoom as { type?: string }[]).filter((zoom) => zoom.type === 'inside');
    offscreen.setOption({ ...option, backgroundColor: background, dataZoom, tooltip: { show: false } });
    // The run lines, laid out as the chart on screen lays them out (same size, same zoom), go on top.
    const svg = offscreen.renderToSVGString().replace(/<\/svg>\s*$/, `${lines.svg(chart)}</svg>`);
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, chartFileName(tag, 'svg'));
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    offscreen.dispose();
  }
}
