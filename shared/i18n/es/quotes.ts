import type en from '../en/quotes';
import type { Translation } from '../types';

export default {
  'error.quote_not_found': 'No hay ningún presupuesto con el id {id}.',
  'error.quote_date_in_future': 'La fecha del presupuesto {date} es futura; use hoy o una fecha anterior.',
  'error.quote_valid_until_before_date': 'Un presupuesto no puede ser válido hasta un día anterior a su propia fecha.',
  'error.quote_wrong_status':
    'El presupuesto {number} está {status, select, open {abierto} accepted {aceptado} declined {rechazado} expired {caducado} other {{status}}}; no se puede {action, select, accept {aceptar} decline {rechazar} convert {convertir en factura} other {cambiar}}.',
  'error.quote_already_converted': 'El presupuesto {number} ya se convirtió en factura.',
  'error.quote_immutable': 'Un presupuesto no se puede cambiar una vez hecho; haga uno nuevo.',
  'error.quote_line_unknown':
    'No hay línea {line}; el documento tiene {count, plural, one {# línea} other {# líneas}}.',
  'error.quote_line_twice': 'La línea {line} aparece dos veces.',
  'error.quote_quantity_exceeds_line': 'La línea {line} tiene una cantidad de {available}; {quantity} es más que eso.',

  'validation.valid_until_before_date': 'La fecha de validez no debe ser anterior a la fecha del presupuesto.',

  'field.validUntil': 'válido hasta',
  'history.action.quote_converted': 'creada a partir de un presupuesto',
  'pdf.quote.title': 'PRESUPUESTO',
  'nav.quotes': 'Presupuestos',
  'quotes.title': 'Presupuestos',
  'quotes.new': 'Nuevo presupuesto',
  'quotes.none': 'Todavía no hay presupuestos.',
  'quotes.filter.status': 'Estado',
  'quotes.status.open': 'Abierto',
  'quotes.status.accepted': 'Aceptado',
  'quotes.status.declined': 'Rechazado',
  'quotes.status.expired': 'Caducado',
  'quotes.col.number': 'Número',
  'quotes.col.customer': 'Cliente',
  'quotes.col.date': 'Fecha',
  'quotes.col.valid_until': 'Válido hasta',
  'quotes.col.total': 'Total',
  'quotes.col.status': 'Estado',
  'quotes.editor.new_title': 'Nuevo presupuesto',
  'quotes.editor.date': 'Fecha del presupuesto',
  'quotes.editor.valid_until': 'Válido hasta',
  'quotes.editor.create': 'Crear presupuesto',
  'quotes.detail.title': 'Presupuesto {number}',
  'quotes.detail.dates': 'Fecha {date, date, medium} · válido hasta {until, date, medium}',
  'quotes.detail.accept': 'Aceptado por el cliente',
  'quotes.detail.decline': 'Rechazado por el cliente',
  'quotes.detail.convert': 'Convertir en factura',
  'quotes.detail.convert_selected':
    '{count, plural, one {Convertir la línea elegida} other {Convertir las # líneas elegidas}}',
  'quotes.detail.pick': 'Poner en la factura',
  'quotes.detail.converted': 'Convertido en factura (un borrador hasta que la emita).',
  'quotes.detail.open_invoice': 'Abrir la factura',
  'quotes.detail.cannot_convert': 'Un presupuesto rechazado o caducado no se puede convertir.',
  'quotes.invoice_from_quote': 'Creada a partir de un presupuesto',
  'quotes.open_quote': 'Abrir el presupuesto',
} satisfies Translation<typeof en>;
