/** Payment reminders: their errors, the reminders screen and history entries. */
export default {
  'error.reminder_taken': 'The reminder {step} days from the due date of {number} was already sent.',
  'error.reminder_not_owed': 'Invoice {number} is no longer owed (paid, credited or cancelled); no reminder is sent.',
  'error.reminders_invoice_only': 'Reminders are for invoices; a credit note has none.',

  'validation.reminder_steps_unique': 'Each step may be given once.',

  'field.steps': 'steps',
  'field.enabled': 'enabled',

  'history.action.share_skipped': 'not sent: no longer owed',
} as const;
