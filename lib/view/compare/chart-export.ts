import { type EChartsType, init } from '../shared/echarts-setup';

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

/** The chart as drawn, at twice its pixels, on the page's background rather than transparent. */
export function downloadPng(chart: EChartsType, tag: string, background: string): void {
  download(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background, excludeComponents: ['dataZoom'] }), chartFileName(tag, 'png'));
}

/**
 * The chart as vector graphics: its current option drawn again by ECharts' SVG renderer, off screen,
 * at the chart's size and zoom, without the zoom slider, so the file opens and scales in any editor.
 */
export function downloadSvg(chart: EChartsType, tag: string, background: string): void {
  const offscreen = init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    const option = chart.getOption();
    // The inside zoom keeps the range the user zoomed to; the slider is a control, not part of the chart.
    const dataZoom = (option.dataZoom as { type?: string }[]).filter((zoom) => zoom.type === 'inside');
    offscreen.setOption({ ...option, backgroundColor: background, dataZoom, tooltip: { show: false } });
    const svg = offscreen.renderToSVGString();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, chartFileName(tag, 'svg'));
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    offscreen.dispose();
  }
}
