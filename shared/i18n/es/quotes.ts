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
} satisfies Translation<typeof en>;
