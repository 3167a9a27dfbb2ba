import { useT } from '../context';

interface ErrorMessageProps {
  message: string;
  onRetry?: () => void;
}

/** A failure told in plain words, announced at once, with a way to try again. */
export function ErrorMessage({ message, onRetry }: ErrorMessageProps) {
  const { t } = useT();
  return (
    <div class="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
