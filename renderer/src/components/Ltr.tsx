/**
 * A value that is always written left to right — an invoice or quote number, a period (2026-Q1), a numbering
 * example, an e-mail address, a phone number, a URL, a file path — kept whole and in its order inside right-to-left
 * text, without changing how its cell or line is aligned. Codes inside translated messages are isolated by the
 * translator itself (shared/bidi.ts isolateLtrRuns); this is the one place for codes shown as data.
 */
import type { ReactElement, ReactNode } from 'react';

export function Ltr(props: { children: ReactNode; testId?: string }): ReactElement {
  return (
    <bdi dir="ltr" data-testid={props.testId}>
      {props.children}
    </bdi>
  );
}
