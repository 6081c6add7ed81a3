import { NextRequest } from 'next/server';
import { GET as runs } from '../../app/api/runs/route';
import { GET as run } from '../../app/api/runs/[id]/route';
import { GET as scalarTags } from '../../app/api/runs/[id]/scalars/route';
import { GET as scalars } from '../../app/api/runs/[id]/scalars/[...tag]/route';
import { GET as histogramTags } from '../../app/api/runs/[id]/histograms/route';
import { GET as histograms } from '../../app/api/runs/[id]/histograms/[...tag]/route';
import { GET as events } from '../../app/api/runs/[id]/events/route';
import { GET as graph } from '../../app/api/runs/[id]/graph/route';
import { GET as embeddings } from '../../app/api/runs/[id]/embeddings/route';
import { GET as textTags } from '../../app/api/runs/[id]/text/route';
import { GET as texts } from '../../app/api/runs/[id]/text/[...tag]/route';

type Handler = (req: NextRequest, segment: { params: Promise<never> }) => Promise<Response>;

/**
 * Everything the JSON API says about one run, as the bytes it sends, through the real route
 * handlers (as Next calls them) on the app of TENSORLENS_DB.
 */
export async function apiSnapshot(id: string, scalarTag: string, histogramTag: string, textTag: string): Promise<string> {
  const calls: [string, Handler, Record<string, unknown>][] = [
    ['/api/runs', runs as Handler, {}],
    [`/api/runs/${id}`, run as Handler, { id }],
    [`/api/runs/${id}/scalars`, scalarTags as Handler, { id }],
    [`/api/runs/${id}/scalars/${scalarTag}`, scalars as Handler, { id, tag: scalarTag.split('/') }],
    [`/api/runs/${id}/scalars/${scalarTag}?format=csv`, scalars as Handler, { id, tag: scalarTag.split('/') }],
    [`/api/runs/${id}/histograms`, histogramTags as Handler, { id }],
    [`/api/runs/${id}/histograms/${histogramTag}`, histograms as Handler, { id, tag: histogramTag.split('/') }],
    [`/api/runs/${id}/events`, events as Handler, { id }],
    [`/api/runs/${id}/graph`, graph as Handler, { id }],
    [`/api/runs/${id}/embeddings`, embeddings as Handler, { id }],
    [`/api/runs/${id}/text`, textTags as Handler, { id }],
    [`/api/runs/${id}/text/${textTag}`, texts as Handler, { id, tag: textTag.split('/') }],
  ];
  const parts: string[] = [];
  for (const [path, handler, params] of calls) {
    const response = await handler(new NextRequest(`http://127.0.0.1${path}`), { params: Promise.resolve(params as never) });
    parts.push(`${path} ${response.status}\n${await response.text()}`);
  }
  return parts.join('\n');
}
