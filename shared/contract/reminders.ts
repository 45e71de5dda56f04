/**
 * Payment reminders: a default rule set (steps in days from the due date, a route) and per-invoice overrides; the
 * scheduler sends each step once through the share routes (main/share), in the customer's language, and stops once
 * the invoice is paid, credited or cancelled.
 */
import { z } from 'zod';
import type { ErrorBody } from '../errors';
import type { ShareTemplate } from '../share/templates';
import { event, method } from './define';
import { addProblem, ledgerId, wholeNumber } from './fields';
import { SHARE_ROUTES, type ShareRoute, type ShareStatus } from './share';

/** Days from the due date: −3 = three days before, 0 = on the due date, 7 = a week after. */
export const DEFAULT_REMINDER_STEPS = [-3, 0, 7, 14] as const;
export const MAX_REMINDER_STEPS = 10;
export const REMINDER_STEP_RANGE = { min: -60, max: 365 } as const;

export interface ReminderRules {
  /** The default rule set applies to every open invoice only when enabled (an invoice's own steps always apply). */
  enabled: boolean;
  route: ShareRoute;
  steps: number[];
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  enabled: false,
  route: 'email',
  steps: [...DEFAULT_REMINDER_STEPS],
};

/** Which message a step sends. */
export function templateOfStep(step: number): ShareTemplate {
  return step < 0 ? 'reminder_upcoming' : step === 0 ? 'reminder_due' : 'reminder_overdue';
}

export const REMINDER_STATES = ['sent', 'prepared', 'skipped', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export interface ReminderSend {
  invoiceId: string;
  invoiceNumber: string | null;
  customerName: string;
  step: number;
  /** The step's date (due date + step). */
  date: string;
  state: ReminderState;
  route: ShareRoute | null;
  template: ShareTemplate;
  /** sent: how the share went (sent, queued, …) when it was made. */
  status: ShareStatus | null;
  /** The recipient (e-mail address or phone number). */
  to: string | null;
  /** prepared (SMS/WhatsApp): the link that opens the user's messaging app with the text. */
  url: string | null;
  /** The share's outbox item (e-mail, provider), for retry / resolve in the sync panel. */
  outboxId: number | null;
  /** failed: why (a catalogue error); tried again at retryAt. */
  error: ErrorBody | null;
  retryAt: string | null;
  at: string;
}

/** One step of an invoice's plan and what became of it. */
export interface ReminderPlanStep {
  step: number;
  date: string;
  template: ShareTemplate;
  /** planned: not yet due; not_applicable: dated on or before the issue date; stopped: the invoice is no longer owed. */
  state: ReminderState | 'planned' | 'not_applicable' | 'stopped';
  send: ReminderSend | null;
}

export interface InvoiceReminders {
  invoiceId: string;
  /** The invoice's own steps and route, when it has them. */
  override: { steps: number[]; route: ShareRoute | null } | null;
  /** What applies: the override, else the default rule set when enabled; null = no reminders. */
  effective: { steps: number[]; route: ShareRoute } | null;
  /** False once the invoice is paid, credited, cancelled (or is not an issued invoice with a due date). */
  open: boolean;
  plan: ReminderPlanStep[];
}

export interface ReminderRunSummary {
  /** What this run did, in date order. */
  sends: ReminderSend[];
  counts: Record<ReminderState, number>;
}

const step = wholeNumber().min(REMINDER_STEP_RANGE.min).max(REMINDER_STEP_RANGE.max);
const steps = z
  .array(step)
  .max(MAX_REMINDER_STEPS)
  .superRefine((v, ctx) => {
    if (new Set(v).size !== v.length) addProblem(ctx, { key: 'validation.reminder_steps_unique' }, []);
  })
  .transform((v) => [...v].sort((a, b) => a - b));

export const reminderRulesInput = z
  .object({ enabled: z.boolean().optional(), route: z.enum(SHARE_ROUTES).optional(), steps: steps.optional() })
  .strict();

export const reminderInvoiceSetInput = z
  .object({
    id: ledgerId(),
    /** The invoice's own steps ([] = none); null = back to the default rule set. */
    steps: steps.nullable(),
    /** The invoice's own route; absent or null = the default rule set's. */
    route: z.enum(SHARE_ROUTES).nullable().optional(),
  })
  .strict();

export const reminderMethods = {
  'reminder.rules': method<ReminderRules>()(z.object({}).strict(), 'The default reminder rule set.'),
  'reminder.setRules': method<ReminderRules>()(
    reminderRulesInput,
    'Changes the default rule set (absent fields are kept).',
  ),
  'reminder.invoice': method<InvoiceReminders>()(
    z.object({ id: ledgerId() }).strict(),
    "An invoice's reminder plan: its steps, dates and what was sent.",
  ),
  'reminder.setInvoice': method<InvoiceReminders>()(
    reminderInvoiceSetInput,
    'Gives an invoice its own steps (or none), or returns it to the default rule set (steps: null).',
  ),
  'reminder.list': method<ReminderSend[]>()(
    z.object({ limit: wholeNumber().min(1).max(200).default(50) }).strict(),
    'The latest reminders of all invoices (sent, prepared, failed, skipped), newest first.',
  ),
  'reminder.run': method<ReminderRunSummary>()(
    z.object({}).strict(),
    'Sends every reminder due now, each step once (also what the app does on its own); failed ones are tried again.',
  ),
};

export const reminderEvents = {
  'reminders.changed': event<{ invoiceId?: string }>(
    'Reminder rules changed or reminders were sent; their screens refresh.',
  ),
};
