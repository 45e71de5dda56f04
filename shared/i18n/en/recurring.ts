/** Recurring schedules: their errors, the schedules screen and the run summaries. */
export default {
  'error.schedule_not_found': 'No recurring schedule with id {id}.',
  'error.template_not_invoice': 'A credit note cannot be the template of a recurring schedule; choose an invoice.',
  'error.template_customer_required': 'The template invoice has no customer; choose one on it first.',
  'error.template_lines_required': 'The template invoice has no lines; add at least one first.',
  'error.schedule_empty':
    'This schedule would end before its first period ({firstDate, date, medium}); move the end or the start.',
  'error.schedule_ended': 'This schedule has ended.',

  'validation.schedule_end': '{field} must be "never", "after" a number of invoices, or "on" a last date (YYYY-MM-DD).',
  'validation.weekday': '{field} must be a weekday from 1 (Monday) to 7 (Sunday) for weekly schedules.',
  'validation.account_needs_issue': 'Invoices are sent to an account only when the schedule issues them.',
  'validation.end_before_start': 'The end date must not be before the start date.',

  'field.templateId': 'template invoice',
  'field.frequency': 'frequency',
  'field.startDate': 'start date',
  'field.day': 'day',
  'field.end': 'end',
  'field.end.after': 'number of invoices',
  'field.end.on': 'end date',
  'field.action': 'action',
  'field.dueDays': 'days until due',
  'history.action.recurring_created': 'made by a recurring schedule',
  'history.action.recurring_held': 'held as a draft: could not be issued on its date',
} as const;
