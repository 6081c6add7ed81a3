/** What the trainer recorded about its backend, read defensively: config is whatever the run sent. */
export interface BackendDetails {
  threads: number | null;
  kernels: string[];
  package: string | null;
}

export function backendDetails(config: Record<string, unknown>): BackendDetails | null {
  const backend = config.backend;
  if (typeof backend !== 'object' || backend === null) return null;
  const b = backend as Record<string, unknown>;
  return {
    threads: typeof b.threads === 'number' ? b.threads : null,
    kernels: Array.isArray(b.kernels) ? b.kernels.filter((k): k is string => typeof k === 'string') : [],
    package: typeof b.package === 'string' ? b.package : null,
  };
}

/** "1 thread · 7 Tensorlens kernels", or null when the run recorded neither. */
export function backendSummary(details: BackendDetails | null): string | null {
  if (!details) return null;
  const parts: string[] = [];
  if (details.threads !== null) parts.push(`${details.threads} thread${details.threads === 1 ? '' : 's'}`);
  if (details.kernels.length > 0) parts.push(`${details.kernels.length} Tensorlens kernel${details.kernels.length === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
