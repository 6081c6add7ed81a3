/** The runs that recorded a tensor; as everywhere, the tag's '/' stay path separators. */
export function histogramTagRunsApiUrl(tag: string): string {
  return `/api/histograms/${tag.split('/').map(encodeURIComponent).join('/')}`;
}
