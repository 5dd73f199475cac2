import { useState } from 'react';
import type { TargetCheck } from '../../../shared/contract';
import { MessageText } from '../../components/MessageText';
import { toApiError } from '../../store/loaders';

/** "Test connection" / "Test upload": one sentence back, whether it worked or not. */
export function TestButton({ label, run }: { label: string; run: () => Promise<TargetCheck> }) {
  const [state, setState] = useState<{ busy: boolean; answer: TargetCheck | null }>({
    busy: false,
    answer: null,
  });
  const test = async () => {
    setState({ busy: true, answer: null });
    try {
      setState({ busy: false, answer: await run() });
    } catch (error) {
      setState({ busy: false, answer: { ok: false, message: toApiError(error).message } });
    }
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => void test()} disabled={state.busy}>
        {state.busy ? 'Testing…' : label}
      </button>
      {state.answer ? (
        <span className={state.answer.ok ? 'ok-text' : 'field-error'} role="status">
          <MessageText text={state.answer.message} />
        </span>
      ) : null}
    </>
  );
}
