import type en from '../en/reminders';
import type { Translation } from '../types';

export default {
  'error.reminder_taken': 'El recordatorio de {step} días desde el vencimiento de {number} ya se envió.',
  'error.reminder_not_owed':
    'La factura {number} ya no se debe (pagada, abonada o cancelada); no se envía recordatorio.',
  'error.reminders_invoice_only': 'Los recordatorios son para facturas; una nota de crédito no tiene.',

  'validation.reminder_steps_unique': 'Cada paso solo puede indicarse una vez.',

  'field.steps': 'pasos',
  'field.enabled': 'activado',

  'history.action.share_skipped': 'no enviado: ya no se debe',
} satisfies Translation<typeof en>;
