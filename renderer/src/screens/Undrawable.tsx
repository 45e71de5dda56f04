/**
 * Characters no font shipped for the PDF can draw (an emoji, a rare symbol): main knows the fonts and answers
 * `pdf.checkText`; the PDF prints such a character as the fallback glyph "�", so the composer and the issue
 * panel say so at the text before the invoice is issued, while it can still be reworded.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useQuery } from '../data/queries';
import { useTranslator } from '../i18n';

export interface UndrawableCheck {
  /** The characters of `field` the PDF cannot draw, or undefined when it can draw them all. */
  at(field: string): string[] | undefined;
}

/** Asks main about these texts a moment after they stop changing. */
export function useUndrawable(texts: ReadonlyArray<{ field: string; text: string }>): UndrawableCheck {
  const key = JSON.stringify(texts.filter((x) => x.text.trim() !== ''));
  const [asked, setAsked] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(key), 250);
    return () => clearTimeout(timer);
  }, [key]);
  const input = useMemo(() => ({ texts: JSON.parse(asked) as Array<{ field: string; text: string }> }), [asked]);
  const problems = useQuery('pdf.checkText', input.texts.length > 0 ? input : null).data?.problems ?? [];
  return { at: (field) => problems.find((p) => p.field === field)?.characters };
}

/** The warning under a text the PDF cannot fully draw (nothing when it can). */
export function UndrawableNote(props: { field: string; check: UndrawableCheck }): ReactElement | null {
  const { t } = useTranslator();
  const chars = props.check.at(props.field);
  if (!chars) return null;
  return (
    <p className="warning" data-testid="undrawable">
      {t('invoices.editor.undrawable', { chars: chars.join(' ') })}
    </p>
  );
}

/** In the issue panel: the draft's texts the PDF cannot fully draw, all in one warning. */
export function IssueUndrawableNote(props: {
  texts: ReadonlyArray<{ field: string; text: string }>;
}): ReactElement | null {
  const { t } = useTranslator();
  const check = useUndrawable(props.texts);
  const chars = [...new Set(props.texts.flatMap((x) => check.at(x.field) ?? []))];
  if (chars.length === 0) return null;
  return (
    <p className="warning" data-testid="issue-undrawable">
      {t('invoices.issue.undrawable', { chars: chars.join(' ') })}
    </p>
  );
}
