/**
 * The invoice as its PDF: rendered by main (pdf.preview), shown in an iframe on a blob: URL (the CSP allows
 * `frame-src blob:`), with a download link and — for issued invoices — what the Factur-X data still lacks
 * for EN 16931, in the validator's own rule names.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { PdfPreviewResult } from '../../../shared/contract/pdf';
import { call, onEvent } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

const FRAME_STYLE = {
  width: '100%',
  height: '75vh',
  border: '1px solid var(--line)',
  borderRadius: 6,
  background: '#fff',
} as const;

function blobUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Render with key={id} so another document starts from a closed, empty preview. A quote's PDF comes from
 * quote.preview (its own title and facts, never Factur-X).
 */
export function PdfPreview(props: { invoiceId: string } | { quoteId: string }): ReactElement {
  const quoteId = 'quoteId' in props ? props.quoteId : null;
  const id = quoteId ?? ('invoiceId' in props ? props.invoiceId : '');
  const { t, message } = useTranslator();
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<(Omit<PdfPreviewResult, 'base64'> & { url: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const urlRef = useRef<string | null>(null);

  const replaceUrl = (url: string | null): void => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = url;
  };

  const load = useCallback(async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = quoteId ? await call('quote.preview', { id: quoteId }) : await call('pdf.preview', { id });
      const url = blobUrl(r.base64);
      replaceUrl(url);
      setDoc({ id: r.id, bytes: r.bytes, pages: r.pages, fileName: r.fileName, facturX: r.facturX, url });
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }, [id, quoteId]);

  // Mounted per invoice (key={id}); the blob URL goes when the component does.
  useEffect(() => () => replaceUrl(null), []);
  // While shown, follow changes to this invoice (payment recorded, cancelled, …) or quote (accepted, declined).
  useEffect(() => {
    const offLedger = onEvent('ledger.changed', (p) => {
      if (open && (p.entity === 'profile' || (!quoteId && p.entity === 'invoice' && p.id === id))) void load();
    });
    const offQuotes = onEvent('quotes.changed', (p) => {
      if (open && quoteId && p.id === quoteId) void load();
    });
    return () => {
      offLedger();
      offQuotes();
    };
  }, [open, load, id, quoteId]);

  function toggle(): void {
    const next = !open;
    setOpen(next);
    if (next && !doc) void load();
  }

  return (
    <div className="pdf-preview" data-testid="pdf-preview">
      <div className="toolbar">
        <button type="button" onClick={toggle} aria-expanded={open} data-testid="pdf-preview-toggle">
          {t(open ? 'pdf.preview.hide' : 'pdf.preview.show')}
        </button>
        {open && doc ? (
          <>
            <a href={doc.url} download={doc.fileName} data-testid="pdf-download">
              {t('pdf.preview.download', { file: doc.fileName })}
            </a>
            <span className="muted">
              {t(doc.facturX.embedded ? 'pdf.preview.facts_facturx' : 'pdf.preview.facts', {
                pages: doc.pages,
                kb: Math.max(1, Math.round(doc.bytes / 1024)),
              })}
            </span>
          </>
        ) : null}
        {busy ? <span className="muted">{t('pdf.preview.rendering')}</span> : null}
      </div>
      <ErrorLine error={error} />
      {open && doc && doc.facturX.missing.length > 0 ? (
        <div className="subform" role="note" data-testid="facturx-missing">
          <strong>{t('pdf.preview.facturx_incomplete')}</strong> {t('pdf.preview.facturx_needs')}
          <ul>
            {doc.facturX.gaps.map((m, i) => (
              <li key={i}>{message(m, doc.facturX.missing[i])}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {open && doc ? (
        <iframe
          title={t('pdf.preview.frame_title', { file: doc.fileName })}
          src={doc.url}
          style={FRAME_STYLE}
          data-testid="pdf-frame"
        />
      ) : null}
    </div>
  );
}
