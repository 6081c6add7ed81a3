/**
 * Event records → typed records, for one event file. A writer puts a tag's plugin metadata only on
 * its first value in a file, so the decoder remembers tag → plugin; that memory is part of what
 * must be saved with the file's offset (see FileCursor), or a resumed read would not know what the
 * later tensors are.
 */
import { decodeGraphDef } from './graph-def';
import { decodeAs, EventType, int64, type EventMessage } from './proto/messages';
import type { At, LogdirRecord } from './records';
import { decodeSimpleValueEvent } from './simple-value-event';
import { decodeSummaryValue } from './summary-value';

export class EventDecoder {
  private readonly tagPlugins: Map<string, string>;

  constructor(plugins: Readonly<Record<string, string>> = {}) {
    this.tagPlugins = new Map(Object.entries(plugins));
  }

  /** Tag → plugin name seen so far in this file. */
  plugins(): Record<string, string> {
    return Object.fromEntries(this.tagPlugins);
  }

  /** The records of one Event, or an error message when the bytes are not an Event. */
  decode(bytes: Uint8Array): LogdirRecord[] | string {
    const simple = decodeSimpleValueEvent(bytes);
    // A tag whose plugin is hparams carries its data in metadata: only the general decoder reads that.
    if (simple && (this.tagPlugins.size === 0 || simple.every((r) => this.tagPlugins.get(r.tag) !== 'hparams'))) return simple;
    let event: EventMessage;
    try {
      event = decodeAs<EventMessage>(EventType, bytes);
    } catch (err) {
      return `not an Event: ${(err as Error).message}`;
    }
    const at: At = { step: int64(event.step ?? undefined), wallTime: (event.wallTime ?? 0) * 1000 };
    switch (event.what) {
      case 'summary':
        return (event.summary?.value ?? []).flatMap((v) => {
          const tag = v.tag ?? '';
          const named = v.metadata?.pluginData?.pluginName;
          if (named) this.tagPlugins.set(tag, named);
          return decodeSummaryValue(v, at, this.tagPlugins.get(tag) ?? '');
        });
      case 'graphDef': {
        const nodes = decodeGraphDef(event.graphDef ?? new Uint8Array());
        return typeof nodes === 'string' ? [{ kind: 'other', tag: 'graph_def', ...at, plugin: 'graph', reason: nodes }] : [{ kind: 'graph', ...at, nodes }];
      }
      case 'taggedRunMetadata':
        return [{ kind: 'other', tag: event.taggedRunMetadata?.tag ?? '', ...at, plugin: 'run_metadata' }];
      case 'metaGraphDef':
        return [{ kind: 'other', tag: 'meta_graph_def', ...at, plugin: 'graph' }];
      default:
        // file_version, session_log and the deprecated log_message carry nothing to show.
        return [];
    }
  }
}
