import type en from '../en/recurring';
import type { Translation } from '../types';

export default {
  'error.schedule_not_found': 'No hay ninguna programación recurrente con el id {id}.',
  'error.template_not_invoice':
    'Una nota de crédito no puede ser la plantilla de una programación recurrente; elija una factura.',
  'error.template_customer_required': 'La factura plantilla no tiene cliente; elija uno primero.',
  'error.template_lines_required': 'La factura plantilla no tiene líneas; añada al menos una primero.',
  'error.schedule_empty':
    'Esta programación terminaría antes de su primer periodo ({firstDate, date, medium}); cambie el final o el inicio.',
  'error.schedule_ended': 'Esta programación ha terminado.',
  'validation.schedule_end':
    '{field} debe ser "never", "after" con un número de facturas, u "on" con una última fecha (AAAA-MM-DD).',
  'validation.weekday': '{field} debe ser un día de la semana de 1 (lunes) a 7 (domingo) en programaciones semanales.',
  'validation.account_needs_issue': 'Las facturas se envían a una cuenta solo cuando la programación las emite.',
  'validation.end_before_start': 'La fecha de fin no debe ser anterior a la fecha de inicio.',

  'field.templateId': 'factura plantilla',
  'field.frequency': 'frecuencia',
  'field.startDate': 'fecha de inicio',
  'field.day': 'día',
  'field.end': 'fin',
  'field.end.after': 'número de facturas',
  'field.end.on': 'fecha de fin',
  'field.action': 'acción',
  'field.dueDays': 'días hasta el vencimiento',
  'history.action.recurring_created': 'creada por una programación recurrente',
  'history.action.recurring_held': 'retenida como borrador: no pudo emitirse en su fecha',
} satisfies Translation<typeof en>;
