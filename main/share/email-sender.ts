/**
 * The e-mail channel's sender: carries one claimed outbox row (op `send`, channel `email`) to the user's SMTP
 * server and records the outcome with the invoice history, through the same drainer, leases and back-off as a
 * provider row.
 *
 * Exactly once: the message is composed from the ledger at send time (the PDF rendered as the preview renders it),
 * connected, secured and logged in; then noteHandover() writes the write-ahead marker and only then does the mail
 * transaction start. A process that dies before the marker left nothing at the server and the row is simply sent by
 * the next drainer; one that dies after it leaves a row that is parked for a person (the server may have the
 * message), never sent again on its own. A connection lost mid-transaction is parked the same way; a refusal from
 * the server is a definite "not sent".
 */
import { localDate } from '../../shared/contract/dates';
import { isLanguage, type Language } from '../../shared/i18n/languages';
import { KassaError, type ErrorBody } from '../../shared/errors';
import { composeShare, SHARE_TEMPLATES, type ShareTemplate } from '../../shared/share/templates';
import { documentDigitsOf } from '../../shared/document-style';
import { getInvoice } from '../ledger/invoice-read';
import { reminderObsolete } from '../ledger/reminders';
import { getProfile } from '../ledger/tables/profile';
import { noteHandover, type ClaimedChannelRow } from '../ledger/tables/outbox';
import type { InvoicePdf } from '../pdf/invoice-pdf';
import type { ChannelSender } from '../sync/drainer';
import { bodyOf, classifyFailure } from '../sync/failures';
import type { PushDeps, PushResult } from '../sync/push';
import { finishClaimed } from '../sync/row-finish';
import { shareFactsOf } from './facts';
import type { SmtpTuning } from './smtp-client';
import type { SmtpSettingsStore } from './smtp-settings';

/** What an e-mail row carries (codes only; the text is made when it is sent). */
export interface EmailPayload {
  to: string;
  copyToSelf: boolean;
  template: ShareTemplate;
  language: Language;
}

export function parseEmailPayload(json: string): EmailPayload | null {
  try {
    const v = JSON.parse(json) as Partial<EmailPayload>;
    if (typeof v.to !== 'string' || !v.to) return null;
    return {
      to: v.to,
      copyToSelf: v.copyToSelf === true,
      template: (SHARE_TEMPLATES as readonly unknown[]).includes(v.template)
        ? (v.template as ShareTemplate)
        : 'invoice',
      language: isLanguage(v.language) ? v.language : 'en',
    };
  } catch {
    return null;
  }
}

export interface EmailChannelDeps {
  settings: SmtpSettingsStore;
  renderPdf(invoiceId: string): Promise<InvoicePdf>;
  tuning?: SmtpTuning | undefined;
}

/** The history entry for an e-mail outcome: route, recipient and, for problems, the reason as a catalogue message. */
function emailHistory(action: string, p: EmailPayload, extra: Record<string, unknown> = {}) {
  return { action, details: { route: 'email', to: p.to, template: p.template, ...extra } };
}

const reasonOf = (e: ErrorBody): Record<string, unknown> => ({ code: e.code, params: e.params ?? {} });

export function emailSender(c: EmailChannelDeps): ChannelSender {
  return async (row: ClaimedChannelRow, d: PushDeps): Promise<PushResult> => {
    const payload = parseEmailPayload(row.payload_json);
    if (!payload) {
      const error = new KassaError('internal', 'internal_error').toBody();
      return finishClaimed(d, row, 'failed', 'failed', { error });
    }
    if (row.previousState === 'unknown' && row.handedOverAt) {
      const error = new KassaError(
        'io',
        'share_may_have_been_sent',
        {},
        { details: { handedOverAt: row.handedOverAt } },
      ).toBody();
      return finishClaimed(d, row, 'needs_review', 'needs_review', {
        error,
        history: emailHistory('share_needs_review', payload, reasonOf(error)),
      });
    }
    if (reminderObsolete(d.db, row.invoice_id, payload.template)) {
      return finishClaimed(d, row, 'skipped', 'skipped', {
        history: emailHistory('share_skipped', payload, { reason: 'not_owed' }),
      });
    }
    try {
      const server = await c.settings.server();
      if (!server) throw new KassaError('refused', 'smtp_not_configured', {}, { field: 'route' });
      const now = d.now();
      const invoice = getInvoice(d.db, row.invoice_id, localDate(now));
      const profile = getProfile(d.db, { withLogo: false });
      const text = composeShare(
        shareFactsOf(invoice, profile, localDate(now)),
        payload.template,
        payload.language,
        documentDigitsOf(payload.language, profile),
      );
      const pdf = await c.renderPdf(invoice.id);
      // nodemailer is loaded on first use: most processes never send mail.
      const [{ buildMail, messageIdFor }, { deliver }] = await Promise.all([
        import('./message.js'),
        import('./smtp-client.js'),
      ]);
      const messageId = messageIdFor(payload.template, row.id, server.from);
      const { raw, envelope } = await buildMail({
        fromAddress: server.from,
        fromName: profile.name || server.from,
        to: payload.to,
        replyTo: profile.email ?? null,
        copyToSelf: payload.copyToSelf,
        subject: text.subject,
        text: text.body,
        messageId,
        date: now,
        attachment: { fileName: pdf.fileName, content: pdf.result.pdf },
      });
      const delivered = await deliver(server, envelope, raw, {
        tuning: c.tuning,
        hooks: { beforeTransaction: () => noteHandover(d.db, row.id, d.owner, d.now()) },
      });
      if (!delivered) return { kind: 'lease_lost', signal: null };
      if (delivered.rejected.includes(payload.to)) {
        throw KassaError.withCode('refused', 'smtp_recipient_refused', { status: delivered.response }, { field: 'to' });
      }
      d.log.info('share.email_sent', { outboxId: row.id, invoiceId: row.invoice_id, bytes: raw.length });
      return finishClaimed(d, row, 'done', 'done', {
        result: { messageId, response: delivered.response },
        history: emailHistory('shared', payload, { messageId }),
      });
    } catch (err) {
      const error = bodyOf(err);
      if (error.kind === 'internal') d.log.error('share.email.internal', { outboxId: row.id, error: err });
      else
        d.log.warn('share.email_failed', { outboxId: row.id, code: error.code, stage: error.details?.stage ?? null });
      if (error.details?.maybeSent === true) {
        const parked = new KassaError(
          'io',
          'share_may_have_been_sent',
          {},
          { details: { cause: error.code } },
        ).toBody();
        return finishClaimed(d, row, 'needs_review', 'needs_review', {
          error: parked,
          history: emailHistory('share_needs_review', payload, reasonOf(parked)),
        });
      }
      const cls = classifyFailure(error);
      if (cls === 'permanent') {
        return finishClaimed(d, row, 'failed', 'failed', {
          error,
          history: emailHistory('share_failed', payload, { ...reasonOf(error), retry: false }),
        });
      }
      // Waiting for the network is what "queued" means; a first failure of another kind is worth a history line
      // (later retries of the same row would only repeat it).
      const note = cls !== 'offline' && row.attempts === 1;
      return finishClaimed(d, row, 'retry', 'pending', {
        error,
        retryClass: cls,
        ...(note ? { history: emailHistory('share_failed', payload, { ...reasonOf(error), retry: true }) } : {}),
      });
    }
  };
}
