import { explainError } from '../format/explain';
import { MessageText } from './MessageText';

/** A sync or upload error as the main side worded it, then the next step when we know one. */
export function ErrorExplained({ message }: { message: string }) {
  const hint = explainError(message);
  return (
    <span className="error-explained">
      <span className="error-text">
        <MessageText text={message} />
      </span>
      {hint ? <span className="error-hint muted small"> {hint}</span> : null}
    </span>
  );
}
