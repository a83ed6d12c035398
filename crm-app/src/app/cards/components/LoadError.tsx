import { Button, ErrorState, Text } from '@hubspot/ui-extensions';

export interface LoadErrorProps {
  title: string;
  message: string;
  retryLabel: string;
  /** Absent where trying again cannot help (no record open): no button then. */
  onRetry?: (() => void) | undefined;
}

/** The card's one error state: what failed, in the user's words, and a retry button where a retry can help. */
export function LoadError({ title, message, retryLabel, onRetry }: LoadErrorProps) {
  return (
    <ErrorState title={title}>
      <Text>{message}</Text>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </ErrorState>
  );
}
