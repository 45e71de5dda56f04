/**
 * Sharing invoices with customers — the one entry point for the share dialog, `kassa invoice share` and anything
 * that sends on its own (reminders: `share({ id, route, template: 'reminder_overdue' }, 'system')`).
 *
 * - email: queued in the outbox (channel `email`) with the share's history entry in one transaction, then sent at
 *   once through the one drainer (SyncService.deliver) — the answer says sent, queued (offline, a busy server, a
 *   create still on its way to the provider), failed or needs review;
 * - provider: by the descriptor's capabilities — an API send after create (Kashier: e-mail or SMS to E.164, queued
 *   as the provider's `share` operation), a send at creation (Paycashless, Kaspa: only while the create is queued),
 *   or nothing to do (SimpleCash e-mails the payer itself);
 * - sms / whatsapp: the link and the message (Kassa sends nothing; the app opens the link through the OS).
 * Recipients are checked before anything is queued or called: e-mail addresses, and phone numbers read with the
 * customer's country and refused unless they can receive SMS/WhatsApp.
 */
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import { isEmailAddress } from '../../shared/contract/fields';
import type { Actor } from '../../shared/contract/invoices';
import type {
  ProviderShareMode,
  ProviderShareOption,
  RouteOption,
  ShareOptions,
  ShareOutcome,
  ShareRoute,
  ShareSendInput,
  ShareStatus,
  SmtpSetInput,
  SmtpSettings,
  SmtpTestResult,
} from '../../shared/contract/share';
import type { OutboxState, SyncItem } from '../../shared/contract/sync';
import type { Invoice, ProviderLink } from '../../shared/domain';
import { KassaError, invalid, refused } from '../../shared/errors';
import { requireMobile } from '../../shared/phone';
import { providerInfo, providerName, type ShareChannel } from '../../shared/providers';
import { smsLink, whatsappLink } from '../../shared/share/links';
import { createTranslator } from '../../shared/i18n/catalogue';
import { composeShare } from '../../shared/share/templates';
import { documentLanguageOf } from '../../shared/document-style';
import type { AccountService } from '../accounts/service';
import type { EventHub } from '../events';
import { writeTx } from '../ledger/connection';
import type { LedgerCtx } from '../ledger/context';
import { getInvoice } from '../ledger/invoice-read';
import { translateSqliteError } from '../ledger/sql';
import { appendHistory } from '../ledger/tables/history';
import {
  askCreateToSend,
  createQueued,
  enqueueChannel,
  enqueueOutbox,
  getItemRow,
  invoiceRows,
  rowError,
  rowResult,
  type OutboxRow,
} from '../ledger/tables/outbox';
import { getProfile } from '../ledger/tables/profile';
import type { Logger } from '../log';
import { toSyncItem } from '../sync/status';
import type { SyncService } from '../sync/service';
import { recipientOf, shareFactsOf, type Recipient } from './facts';
import type { SmtpTuning } from './smtp-client';
import type { SmtpSettingsStore } from './smtp-settings';

export interface ShareServiceDeps {
  db: Db;
  settings: SmtpSettingsStore;
  accounts: AccountService;
  sync: SyncService;
  events: EventHub;
  log: Logger;
  now: () => Date;
  tuning?: SmtpTuning | undefined;
}

/** How a provider can send an invoice, read from its descriptor. */
export function providerShareMode(provider: ProviderLink['provider']): ProviderShareMode {
  const info = providerInfo(provider);
  if (info.capabilities.operations.includes('share') && info.capabilities.shareChannels.length > 0) return 'api';
  switch (info.instead.share) {
    case 'email_at_creation_only':
      return 'at_creation';
    case 'provider_emails_customer':
      return 'automatic';
    case 'sent_at_creation':
      return 'sent_at_creation';
    default:
      return 'none';
  }
}

type Within = (ctx: LedgerCtx) => void;

const STATUS: Record<OutboxState, ShareStatus> = {
  done: 'sent',
  pending: 'queued',
  unknown: 'queued',
  failed: 'failed',
  needs_review: 'needs_review',
  skipped: 'failed',
};

/** What another module adds to a share's own transaction (reminders take their step there; see ShareService.share). */
export interface ShareHooks {
  /** Runs first inside the transaction that queues the share (or records it); throwing rolls all of it back. */
  within?: (ctx: LedgerCtx) => void;
}

export class ShareService {
  constructor(private readonly d: ShareServiceDeps) {}

  private today(): string {
    return localDate(this.d.now());
  }

  private tx<T>(fn: () => T): T {
    try {
      return writeTx(this.d.db, fn);
    } catch (err) {
      throw translateSqliteError(err);
    }
  }

  /** The invoice to share: issued (a draft is not an invoice yet). */
  private shareable(id: string): Invoice {
    let invoice: Invoice;
    try {
      invoice = getInvoice(this.d.db, id, this.today());
    } catch (err) {
      throw translateSqliteError(err);
    }
    if (invoice.status === 'draft') throw refused('share_draft', {}, 'id');
    return invoice;
  }

  private providerOption(invoice: Invoice, accountId?: string): ProviderShareOption | null {
    const link = accountId ? invoice.links.find((l) => l.accountId === accountId) : invoice.links[0];
    if (!link) return null;
    const mode = providerShareMode(link.provider);
    return {
      accountId: link.accountId,
      accountName: this.accountName(link.accountId),
      provider: link.provider,
      mode,
      channels: [...providerInfo(link.provider).capabilities.shareChannels],
      createQueued: createQueued(this.d.db, invoice.id, link.accountId),
    };
  }

  private accountName(id: string): string {
    try {
      return this.d.accounts.get(id).name;
    } catch {
      return id;
    }
  }

  /** Why the provider route is not available, or null when it is. */
  private providerProblem(p: ProviderShareOption | null): KassaError | null {
    if (!p) return refused('share_no_provider', {}, 'route');
    const provider = providerName(p.provider);
    if (p.mode === 'none') return refused('share_provider_cannot', { provider }, 'route');
    if (p.mode === 'sent_at_creation') return refused('share_provider_sent_at_creation', { provider }, 'route');
    if (p.mode === 'at_creation' && !p.createQueued)
      return refused('share_provider_at_creation_only', { provider }, 'route');
    return null;
  }

  async options(id: string): Promise<ShareOptions> {
    const invoice = this.shareable(id);
    const profile = getProfile(this.d.db, { withLogo: false });
    const r = recipientOf(this.d.db, invoice, profile);
    const smtp = this.d.settings.summary();
    const provider = this.providerOption(invoice);
    const providerProblem = this.providerProblem(provider);
    const option = (route: ShareRoute, problem: KassaError | null): RouteOption => ({
      route,
      available: problem === null,
      reason: problem ? problem.toBody() : null,
    });
    const routes = [
      option('email', smtp.configured ? null : refused('smtp_not_configured', {}, 'route')),
      option('provider', providerProblem),
      option('sms', null),
      option('whatsapp', null),
    ];
    const defaultRoute: ShareRoute =
      smtp.configured && r.email
        ? 'email'
        : provider?.mode === 'api' && !providerProblem
          ? 'provider'
          : r.phone
            ? 'whatsapp'
            : 'email';
    return {
      invoiceId: invoice.id,
      language: r.language,
      digits: r.digits,
      facts: shareFactsOf(invoice, profile, this.today()),
      email: r.email,
      phone: r.phone,
      country: r.country,
      routes,
      defaultRoute,
      provider,
      smtp,
    };
  }

  /**
   * Shares an invoice by one route; see the module comment. The one function anything that sends calls. `hooks.within`
   * runs inside the transaction that queues (or records) the share, so a caller's own record of it — a reminder's
   * step — is written with it or not at all.
   */
  async share(input: ShareSendInput, actor: Actor, hooks: ShareHooks = {}): Promise<ShareOutcome> {
    const invoice = this.shareable(input.id);
    const profile = getProfile(this.d.db, { withLogo: false });
    const r = recipientOf(this.d.db, invoice, profile);
    const within = hooks.within ?? (() => undefined);
    switch (input.route) {
      case 'email':
        return this.byEmail(invoice, r, input, actor, within);
      case 'provider':
        return this.byProvider(invoice, r, input, actor, within);
      case 'sms':
      case 'whatsapp':
        return this.byLink(invoice, r, input, actor, input.route, within);
    }
  }

  private emailAddress(raw: string | undefined, fallback: string | null): string {
    const to = (raw ?? fallback ?? '').trim();
    if (!to) throw invalid('share_recipient_missing', { route: 'email' }, 'to');
    if (!isEmailAddress(to)) throw invalid('email_invalid', {}, 'to');
    return to;
  }

  private async byEmail(
    invoice: Invoice,
    r: Recipient,
    input: ShareSendInput,
    actor: Actor,
    within: Within,
  ): Promise<ShareOutcome> {
    if (!this.d.settings.summary().configured) throw refused('smtp_not_configured', {}, 'route');
    const to = this.emailAddress(input.to, r.email);
    const itemId = this.tx(() => {
      const ctx = { db: this.d.db, now: this.d.now(), actor };
      within(ctx);
      const id = enqueueChannel(ctx, invoice.id, 'email', {
        to,
        copyToSelf: input.copyToSelf,
        template: input.template,
        language: r.language,
      });
      appendHistory(ctx, invoice.id, 'share_queued', invoice.status, invoice.status, {
        route: 'email',
        to,
        template: input.template,
        channel: 'email',
        outboxId: id,
      });
      return id;
    });
    return this.deliverAndReport(invoice.id, itemId, 'email', to);
  }

  private async byProvider(
    invoice: Invoice,
    r: Recipient,
    input: ShareSendInput,
    actor: Actor,
    within: Within,
  ): Promise<ShareOutcome> {
    const p = this.providerOption(invoice, input.accountId);
    if (!p && input.accountId) throw refused('share_no_provider', {}, 'accountId');
    const problem = this.providerProblem(p);
    if (problem || !p) throw problem ?? refused('share_no_provider', {}, 'route');
    const provider = providerName(p.provider);
    const base = { route: 'provider', accountId: p.accountId, provider: p.provider, template: input.template };
    if (p.mode === 'automatic') {
      this.tx(() => {
        const ctx = { db: this.d.db, now: this.d.now(), actor };
        within(ctx);
        appendHistory(ctx, invoice.id, 'shared', invoice.status, invoice.status, { ...base, byProvider: true });
      });
      this.changed(invoice.id);
      return {
        route: 'provider',
        status: 'by_provider',
        to: null,
        itemId: null,
        error: null,
        nextAttemptAt: null,
        messageId: null,
      };
    }
    if (p.mode === 'at_creation') {
      const itemId = this.tx(() => {
        const now = this.d.now();
        within({ db: this.d.db, now, actor });
        const id = askCreateToSend(this.d.db, invoice.id, p.accountId, now);
        if (id === null) throw refused('share_provider_at_creation_only', { provider }, 'route');
        appendHistory({ db: this.d.db, now, actor }, invoice.id, 'share_queued', invoice.status, invoice.status, {
          ...base,
          atCreation: true,
          outboxId: id,
        });
        return id;
      });
      return this.deliverAndReport(invoice.id, itemId, 'provider', r.email);
    }
    // An API send after create: by e-mail or SMS, as the provider offers.
    const raw = (input.to ?? '').trim();
    const wants: ShareChannel = raw
      ? raw.includes('@')
        ? 'email'
        : 'sms'
      : r.email && p.channels.includes('email')
        ? 'email'
        : 'sms';
    if (!p.channels.includes(wants))
      throw refused('share_provider_channel', { provider, channels: p.channels.join(', ') }, 'to');
    const address =
      wants === 'email'
        ? this.emailAddress(raw || undefined, r.email)
        : requireMobile(raw || (r.phone ?? ''), r.country, 'to');
    const itemId = this.tx(() => {
      const ctx = { db: this.d.db, now: this.d.now(), actor };
      within(ctx);
      const id = enqueueOutbox(ctx, invoice.id, p.accountId, 'share', { channel: wants, address });
      appendHistory(ctx, invoice.id, 'share_queued', invoice.status, invoice.status, {
        ...base,
        channel: wants,
        to: address,
        outboxId: id,
      });
      return id;
    });
    return this.deliverAndReport(invoice.id, itemId, 'provider', address);
  }

  private byLink(
    invoice: Invoice,
    r: Recipient,
    input: ShareSendInput,
    actor: Actor,
    route: 'sms' | 'whatsapp',
    within: Within,
  ): ShareOutcome {
    const raw = (input.to ?? r.phone ?? '').trim();
    if (!raw) throw invalid('share_recipient_missing', { route }, 'to');
    const to = requireMobile(raw, r.country, 'to');
    const profile = getProfile(this.d.db, { withLogo: false });
    const message = composeShare(
      shareFactsOf(invoice, profile, this.today()),
      input.template,
      r.language,
      r.digits,
    ).short;
    const url = route === 'sms' ? smsLink(to, message) : whatsappLink(to, message);
    this.tx(() => {
      const ctx = { db: this.d.db, now: this.d.now(), actor };
      within(ctx);
      appendHistory(ctx, invoice.id, 'share_prepared', invoice.status, invoice.status, {
        route,
        to,
        template: input.template,
      });
    });
    this.changed(invoice.id);
    return { route, status: 'prepared', to, url, message };
  }

  /** Sends the invoice's due rows now (the share and whatever provider row it waits for), then reads the share's row. */
  private async deliverAndReport(
    invoiceId: string,
    itemId: number,
    route: 'email' | 'provider',
    to: string | null,
  ): Promise<ShareOutcome> {
    this.changed(invoiceId);
    try {
      await this.d.sync.deliver([invoiceId]);
    } catch (err) {
      // The row stays queued; the background sync or the next `kassa sync` sends it.
      this.d.log.warn('share.deliver_failed', { invoiceId, code: (err as KassaError).code ?? 'unknown' });
    }
    this.changed(invoiceId);
    const row = getItemRow(this.d.db, itemId);
    if (!row) throw new KassaError('internal', 'internal_error');
    return this.outcomeOf(row, route, to);
  }

  private outcomeOf(row: OutboxRow, route: 'email' | 'provider', to: string | null): ShareOutcome {
    const error = row.state === 'done' ? null : rowError(row);
    const result = rowResult(row);
    return {
      route,
      status: STATUS[row.state],
      to,
      itemId: row.id,
      error: error && error.code !== 'sync_interrupted' ? error : null,
      nextAttemptAt: row.state === 'pending' || row.state === 'unknown' ? row.next_attempt_at : null,
      messageId: typeof result?.messageId === 'string' ? result.messageId : null,
    };
  }

  /** The invoice's deliveries: its e-mails and provider sends (and an at-creation create), newest first. */
  items(id: string): SyncItem[] {
    const now = this.d.now();
    return invoiceRows(this.d.db, id, ['send', 'share'], 100).map((r) => toSyncItem(r, now));
  }

  private changed(invoiceId: string): void {
    this.d.events.emit('ledger.changed', { entity: 'invoice', id: invoiceId });
    this.d.events.emit('sync.changed', {});
  }

  // ---- the user's mail server ----

  smtpGet(): Promise<SmtpSettings> {
    return this.d.settings.get();
  }

  async smtpSet(input: SmtpSetInput, opts: { keysFollowHost: boolean }): Promise<SmtpSettings> {
    const saved = await this.d.settings.set(input, opts);
    this.d.log.info('share.smtp_set', { tls: saved.tls, passwordSet: saved.passwordSet });
    // New settings may be what queued e-mails were waiting for.
    this.d.sync.kick();
    return saved;
  }

  /** Sends a short test message through the settings as they are; a failure names the check that failed. */
  async smtpTest(toRaw: string): Promise<SmtpTestResult> {
    const to = toRaw.trim();
    if (!isEmailAddress(to)) throw invalid('email_invalid', {}, 'to');
    const server = await this.d.settings.server();
    if (!server) throw refused('smtp_not_configured', {}, 'host');
    const profile = getProfile(this.d.db, { withLogo: false });
    const now = this.d.now();
    // nodemailer is loaded on first use: most commands never send mail.
    const [{ buildMail, messageIdFor }, { deliver }] = await Promise.all([
      import('./message.js'),
      import('./smtp-client.js'),
    ]);
    const messageId = messageIdFor('test', now.getTime(), server.from);
    // Read by the user: in the business's own language.
    const tr = createTranslator({ language: documentLanguageOf(null, profile) });
    const { raw, envelope } = await buildMail({
      fromAddress: server.from,
      fromName: profile.name || server.from,
      to,
      replyTo: null,
      copyToSelf: false,
      subject: tr.t('share.test_mail.subject', { business: profile.name || server.from }),
      text: tr.t('share.test_mail.body'),
      messageId,
      date: now,
      attachment: null,
    });
    const delivered = await deliver(server, envelope, raw, { tuning: this.d.tuning });
    if (!delivered || delivered.rejected.includes(to)) {
      throw KassaError.withCode(
        'refused',
        'smtp_recipient_refused',
        { status: delivered?.response ?? 'no reply' },
        { field: 'to' },
      );
    }
    this.d.log.info('share.smtp_test_sent', { tls: server.tls });
    return { ok: true, to, messageId, response: delivered.response };
  }
}
