import { ViewEmpty } from '../shared/view-empty';

/** Before any text: loading, or how to log some. */
export function TextEmpty({ loading, running }: { loading: boolean; running: boolean }) {
  return (
    <ViewEmpty testId="text-empty" loading={loading} loadingText="Loading text…" title="No text logged">
      Log Markdown with <code>run.logText(tag, step, markdown)</code>, or train with <code>--text-freq 1</code> to see
      the validation reviews the model gets most confidently wrong after every epoch.
      {running && ' Text of this run appears here as soon as it arrives.'}
    </ViewEmpty>
  );
}
