import { tagPath } from './api-paths';

/** The runs that recorded a tensor. */
export function histogramTagRunsApiUrl(tag: string): string {
  return `/api/histograms/${tagPath(tag)}`;
}
