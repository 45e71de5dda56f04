/**
 * What a customer reads when an invoice is shared: subject and body of the e-mail, and the short text of an SMS or
 * WhatsApp message, from the catalogue templates (share.template.<kind>.*) in the customer's document language.
 * Pure, so main (sending) and the renderer (the share dialog's preview) compose exactly the same text.
 */
import type { Minor } from '../money';
import type { Digits, Language } from '../i18n/languages';
import { createTranslator, type MessageKey } from '../i18n/catalogue';
import type { MoneyParam } from '../i18n/params';

/** The messages Kassa sends: the invoice itself, and the reminders (issue 15 sends those through the same routes). */
export const SHARE_TEMPLATES = ['invoice', 'reminder_upcoming', 'reminder_due', 'reminder_overdue'] as const;
export type ShareTemplate = (typeof SHARE_TEMPLATES)[number];

/** Everything the templates say about an invoice (no personal data beyond what the customer already has). */
export interface ShareFacts {
  kind: 'invoice' | 'credit_note';
  number: string;
  business: string;
  customer: string;
  currency: string;
  total: Minor;
  balance: Minor;
  issueDate: string;
  dueDate: string | null;
  paymentUrl: string | null;
  /** Whole days past the due date on the day the message is made (0 when not overdue). */
  daysOverdue: number;
}

export interface ShareText {
  subject: string;
  /** Plain-text e-mail body. */
  body: string;
  /** SMS and WhatsApp text. */
  short: string;
}

/** Each template's catalogue keys (the texts and their parameters are checked against the English ones). */
const TEMPLATE_KEYS = {
  invoice: {
    subject: 'share.template.invoice.subject',
    body: 'share.template.invoice.body',
    short: 'share.template.invoice.short',
  },
  reminder_upcoming: {
    subject: 'share.template.reminder_upcoming.subject',
    body: 'share.template.reminder_upcoming.body',
    short: 'share.template.reminder_upcoming.short',
  },
  reminder_due: {
    subject: 'share.template.reminder_due.subject',
    body: 'share.template.reminder_due.body',
    short: 'share.template.reminder_due.short',
  },
  reminder_overdue: {
    subject: 'share.template.reminder_overdue.subject',
    body: 'share.template.reminder_overdue.body',
    short: 'share.template.reminder_overdue.short',
  },
} as const satisfies Record<ShareTemplate, Record<keyof ShareText, MessageKey>>;

export function composeShare(
  facts: ShareFacts,
  template: ShareTemplate,
  language: Language,
  digits: Digits = 'latn',
): ShareText {
  const tr = createTranslator({ language, digits });
  const money = (minor: Minor): MoneyParam => ({ minor, currency: facts.currency });
  const p = {
    kind: facts.kind,
    number: facts.number,
    business: facts.business,
    customer: facts.customer || tr.t('share.customer_unnamed'),
    total: money(facts.total),
    balance: money(Math.max(facts.balance, 0)),
    hasDue: facts.dueDate ? 'yes' : 'no',
    // Only formatted when hasDue says so; a date is still passed so the message always has its argument.
    dueDate: facts.dueDate ?? facts.issueDate,
    hasLink: facts.paymentUrl ? 'yes' : 'no',
    link: facts.paymentUrl ?? '',
    days: facts.daysOverdue,
  };
  const keys = TEMPLATE_KEYS[template];
  return { subject: tr.t(keys.subject, p), body: tr.t(keys.body, p), short: tr.t(keys.short, p) };
}
