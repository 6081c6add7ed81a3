import { useSyncExternalStore } from 'react';
import { type ColorOverrides, isRunColor } from '../../compare/run-colors';

/**
 * The colours a user picked for runs, kept in this browser (localStorage) so that the run list,
 * the compare page and every other tab agree; the compare page also writes them into its address,
 * so that a shared link carries them.
 */
const KEY = 'tensorlens.runColors';
const NONE: ColorOverrides = {};
const listeners = new Set<() => void>();
let cached: { text: string | null; value: ColorOverrides } = { text: null, value: NONE };

function read(): ColorOverrides {
  const text = localStorage.getItem(KEY);
  if (text === cached.text) return cached.value;
  let value: ColorOverrides = NONE;
  try {
    const parsed = JSON.parse(text ?? '{}') as Record<string, unknown>;
    value = Object.fromEntries(Object.entries(parsed).filter(([, color]) => isRunColor(color))) as ColorOverrides;
  } catch {
    // Not ours, or damaged: no overrides rather than a broken page.
  }
  cached = { text, value };
  return value;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useRunColorOverrides(): ColorOverrides {
  return useSyncExternalStore(subscribe, read, () => NONE);
}

/** Sets (or, with null, clears) one run's colour for every page of this browser. */
export function setRunColorOverride(runId: string, color: string | null): void {
  const next: Record<string, string> = { ...read() };
  if (color === null) delete next[runId];
  else if (isRunColor(color)) next[runId] = color.toLowerCase();
  localStorage.setItem(KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}
