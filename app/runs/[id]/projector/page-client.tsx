'use client';

import { useMemo, useState } from 'react';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import { DEFAULT_UMAP_PARAMS, type UmapParams } from '@/lib/kinds/embedding/meta';
import { type ColorMode, colorScale } from '@/lib/view/embedding/color-scale';
import { type LayoutRequest, layoutKey, shownLayout } from '@/lib/view/embedding/layouts';
import { findWord } from '@/lib/view/embedding/find-word';
import { useLayoutRequests } from '@/lib/view/embedding/use-layout-requests';
import { useEmbeddings } from '@/lib/view/embedding/use-embeddings';
import { useWordNeighbors } from '@/lib/view/embedding/use-word-neighbors';
import { RunNav } from '@/lib/view/run/run-nav';
import { ColorModeToggle } from '@/lib/view/embedding/color-mode-toggle';
import { EpochSlider } from '@/lib/view/embedding/epoch-slider';
import { LayoutStatus } from '@/lib/view/embedding/layout-status';
import { NeighborList } from '@/lib/view/embedding/neighbor-list';
import { EmbeddingEmpty } from '@/lib/view/embedding/embedding-empty';
import { EmbeddingScatter } from '@/lib/view/embedding/embedding-scatter';
import { UmapParamsForm } from '@/lib/view/embedding/umap-params-form';
import { useHeldPoints } from '@/lib/view/embedding/use-held-points';
import { WordSearch } from '@/lib/view/embedding/word-search';
import type { ScatterTool } from '@/lib/view/embedding/lasso-overlay';
import { ScatterTools } from '@/lib/view/embedding/scatter-tools';
import { SelectionPanel } from '@/lib/view/embedding/selection-panel';
import { DriftPanel } from '@/lib/view/embedding/drift-table';
import { useWordDrift } from '@/lib/view/embedding/use-word-drift';
import '@/lib/view/shared/chart.css';
import '@/lib/view/embedding/embedding.css';

/** Snapshots a trail reaches back over, and the most words that draw one (a lasso may catch thousands). */
const TRAIL_SNAPSHOTS = 3;
const TRAIL_WORDS = 50;
const NO_ROWS: readonly number[] = [];

export function ProjectorPageClient({ run }: { run: WireRunSummary }) {
  const { snapshots, listError, layouts, dispatch, generation } = useEmbeddings(run.id);
  const [chosenTag, setChosenTag] = useState<string | null>(null);
  // Null follows the newest snapshot, so the view moves on when training adds one.
  const [pinnedStep, setPinnedStep] = useState<number | null>(null);
  const [chosenMode, setChosenMode] = useState<ColorMode | null>(null);
  const [params, setParams] = useState<UmapParams>(DEFAULT_UMAP_PARAMS);
  const [selected, setSelected] = useState<number | null>(null);
  const [searchMessage, setSearchMessage] = useState<string | null>(null);
  const [tool, setTool] = useState<ScatterTool>('pan');
  const [lassoRows, setLassoRows] = useState<readonly number[]>(NO_ROWS);
  const [trails, setTrails] = useState(false);
  const [compare, setCompare] = useState<string | null>(null);

  const tags = [...new Set((snapshots ?? []).map((s) => s.tag))];
  const tag = chosenTag !== null && tags.includes(chosenTag) ? chosenTag : (tags[0] ?? null);
  const timeline = (snapshots ?? []).filter((s) => s.tag === tag);
  const pinnedIndex = timeline.findIndex((s) => s.step === pinnedStep);
  const index = pinnedIndex >= 0 ? pinnedIndex : timeline.length - 1;
  const snapshot = timeline[index] ?? null;

  // The next snapshot's layouts are fetched ahead so that playing moves without waiting.
  // With trails on, the few before it too: each highlighted word's line runs through them.
  const first = Math.max(0, index - (trails ? TRAIL_SNAPSHOTS : 0));
  const requests: LayoutRequest[] = timeline.slice(first, index + 2).flatMap(({ step }) => [
    { tag: tag!, step, method: 'pca' as const, params },
    { tag: tag!, step, method: 'umap' as const, params },
  ]);
  useLayoutRequests(run.id, requests, layouts, dispatch, generation);

  const entryAt = (step: number, method: 'pca' | 'umap') => layouts.entries[layoutKey({ tag: tag!, step, method, params })];
  const entry = (method: 'pca' | 'umap') => (snapshot ? entryAt(snapshot.step, method) : undefined);
  const pca = entry('pca');
  const shown = shownLayout(pca, entry('umap'));
  // A trail only joins layouts of one method: PCA and UMAP places have nothing in common.
  const trailLayouts = useMemo(
    () =>
      trails && shown.method
        ? timeline.slice(first, index).flatMap((s) => entryAt(s.step, shown.method!)?.points ?? [])
        : [],
    [trails, shown.method, first, index, layouts.entries, tag, params],
  );
  const points = useHeldPoints(shown.points, tag);
  const labels = tag === null ? undefined : layouts.labels[tag];
  const mode: ColorMode = chosenMode ?? (labels?.logOdds ? 'sentiment' : 'frequency');
  const scale = useMemo(() => labels && colorScale(mode, labels.counts, labels.logOdds), [labels, mode]);

  const word = labels && selected !== null ? (labels.words[selected] ?? null) : null;
  const neighborResult = useWordNeighbors(run.id, tag, snapshot?.step ?? null, word);
  const neighborRows = useMemo(() => neighborResult.neighbors?.map((n) => n.index) ?? [], [neighborResult.neighbors]);
  const trailRows = useMemo(
    () => (selected !== null ? [selected, ...neighborRows] : lassoRows).slice(0, TRAIL_WORDS),
    [selected, neighborRows, lassoRows],
  );
  const drift = useWordDrift(run.id, tag, word, compare, timeline.length);

  const select = (row: number) => {
    setSelected(row);
    setSearchMessage(null);
  };
  const search = (query: string) => {
    if (!labels || !query.trim()) return;
    const row = findWord(labels.words, query);
    if (row === null) {
      setSearchMessage(`No word “${query.trim()}” in this run's vocabulary.`);
      return;
    }
    select(row);
  };

  return (
    <div className="run-page projector-page">
      <RunNav runId={run.id} runName={run.name} current="projector" />
      {listError && (
        <p className="alert" role="alert">
          Could not load the embedding snapshots: {listError}.
        </p>
      )}
      {!snapshot || !tag ? (
        <EmbeddingEmpty loading={snapshots === null && !listError} running={run.status === 'running'} />
      ) : (
        <div className="projector-body">
          <div className="card projector-card" data-tag={tag} data-step={snapshot.step} data-method={points ? shown.method : 'none'}>
            <header className="chart-head">
              {tags.length > 1 ? (
                <select aria-label="Embedding" value={tag} onChange={(e) => setChosenTag(e.target.value)}>
                  {tags.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              ) : (
                <h3 className="projector-tag">{tag}</h3>
              )}
              <p className="projector-count muted" data-testid="projector-count" data-points={points?.x.length ?? 0}>
                {points ? `${points.x.length.toLocaleString('en-US')} words` : 'Loading the layout…'}
              </p>
              <ColorModeToggle mode={mode} hasSentiment={!!labels?.logOdds} onChange={setChosenMode} />
            </header>
            {points && labels && scale ? (
              <EmbeddingScatter
                points={points}
                labels={labels}
                scale={scale}
                selected={selected}
                neighbors={neighborRows}
                onSelect={select}
                tool={tool}
                lassoRows={lassoRows}
                onLasso={setLassoRows}
                trailLayouts={trailLayouts}
                trailRows={trails ? trailRows : NO_ROWS}
              />
            ) : (
              <div className="projector-canvas projector-placeholder">{pca?.status === 'failed' ? pca.error : 'Loading…'}</div>
            )}
            <ScatterTools tool={tool} onTool={setTool} trails={trails} onTrails={setTrails} />
            <LayoutStatus shown={shown} params={params} />
            <EpochSlider snapshots={timeline} index={index} onChange={(i) => setPinnedStep(i === timeline.length - 1 ? null : timeline[i].step)} />
            <UmapParamsForm
              params={params}
              onApply={(next) => {
                setParams(next);
                dispatch({ type: 'stale' });
              }}
            />
          </div>
          <aside className="card projector-side">
            <WordSearch onSearch={search} message={searchMessage} />
            {labels && selected !== null && selected < labels.words.length ? (
              <NeighborList labels={labels} selected={selected} result={neighborResult} onSelect={select} />
            ) : (
              <p className="muted">Search a word or click a point to see its nearest neighbours.</p>
            )}
            {labels && lassoRows.length > 0 && <SelectionPanel labels={labels} rows={lassoRows} onSelect={select} onClear={() => setLassoRows(NO_ROWS)} />}
          </aside>
        </div>
      )}
      {snapshot && word && <DriftPanel word={word} result={drift} compare={compare} onCompare={setCompare} />}
    </div>
  );
}
