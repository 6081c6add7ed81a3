import { RefObject, useEffect, useState } from 'react';
import { ChartTheme, readChartTheme } from './chart-theme';
import { init, type EChartsType } from './echarts-setup';

/**
 * An ECharts instance on `canvasRef` that follows the container's size and the colour scheme.
 * `onTheme` runs on the instance before each new theme reaches React, for options set outside renders.
 */
export function useChart(
  canvasRef: RefObject<HTMLDivElement | null>,
  onTheme?: (chart: EChartsType, theme: ChartTheme) => void,
): { chart: EChartsType | null; theme: ChartTheme | null } {
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [theme, setTheme] = useState<ChartTheme | null>(null);
  useEffect(() => {
    const element = canvasRef.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const applyTheme = () => {
      const next = readChartTheme(element);
      onTheme?.(instance, next);
      setTheme(next);
    };
    applyTheme();
    scheme.addEventListener('change', applyTheme);
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    setChart(instance);
    return () => {
      scheme.removeEventListener('change', applyTheme);
      resize.disconnect();
      instance.dispose();
    };
    // The instance lives as long as the element, and so does the first render's onTheme: it must not read props.
  }, []);
  return { chart, theme };
}
