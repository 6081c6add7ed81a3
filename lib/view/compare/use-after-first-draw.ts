import { useEffect, useState } from 'react';
import type { CompareData } from './compare-data';

/**
 * False until the charts have drawn the page's first read and the browser has painted them. The run
 * table renders then: fifty runs' table is some 2,200 of the page's 2,600 elements, and rendered
 * and hydrated with the page it held the charts back.
 */
export function useAfterFirstDraw(data: CompareData): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => (drawn ? undefined : data.afterFirstDraw(() => setDrawn(true))), [data, drawn]);
  return drawn;
}
