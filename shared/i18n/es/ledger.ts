import type en from '../en/ledger';
import type { Translation } from '../types';

export default {
  'error.backup_unsound':
    'La copia de seguridad automática no pasó la comprobación de integridad y se borró; el libro no ha cambiado. Ejecute la comprobación del libro en Ajustes.',
  'error.invalid_tax_rate': '{problem}',
  'error.tax_rate_required':
    'La línea {line} no indica el tipo de impuesto y no hay un tipo por defecto: indíquelo o elija un tipo por defecto en Ajustes.',
  'error.tax_rate_archived': 'Ese tipo de impuesto está archivado; elija como predeterminado uno en uso.',
  'error.tax_rate_is_default': 'Este es el tipo de impuesto por defecto; elija otro antes de archivarlo.',
  'history.action.created': 'creada',
  'history.action.updated': 'modificada',
  'history.action.deleted': 'eliminada',
  'history.action.issued': 'emitida',
  'history.action.imported': 'importada de un proveedor',
  'history.action.payment_recorded': 'pago registrado',
  'history.action.payment_voided': 'pago anulado',
  'history.action.refund_recorded': 'reembolso registrado',
  'history.action.refund_voided': 'reembolso anulado',
  'history.action.cancelled': 'anulada',
  'history.action.credited': 'rectificada',
  'history.action.expired': 'caducada',
  'history.action.status_changed': 'cambio de estado',
  'history.action.sync_skipped': 'no es posible en el proveedor',
  'history.action.sync_needs_review': 'la sincronización necesita revisión',
  'history.action.sync_failed': 'falló la sincronización',
  'history.action.sync_retried': 'sincronización reintentada',
  'history.action.sync_resolved': 'sincronización resuelta a mano',
  'history.action.sync_linked': 'vinculada a una factura remota',
  'history.action.provider_linked': 'vinculada en el proveedor',
  'history.action.provider_created': 'enviada al proveedor',
  'history.action.provider_conflict': 'el proveedor informa de un conflicto',
  'history.action.provider_reported_paid': 'el proveedor informa de que está pagada',
  'history.action.provider_cancelled': 'anulada en el proveedor',
  'history.action.provider_marked_paid': 'marcada como pagada en el proveedor',
  'history.action.provider_shared': 'compartida por el proveedor',
  'history.action.provider_delete_queued': 'eliminación en el proveedor solicitada',
  'history.action.provider_deleted': 'eliminada en el proveedor',
  'history.actor.user': '(tú)',
  'history.actor.cli': '(línea de comandos)',
  'history.actor.provider': '(proveedor)',
  'history.actor.system': '(Kassa)',
  'error.issue_date_in_future':
    'La fecha de emisión, {date, date, medium}, está en el futuro; emita con fecha de hoy o anterior.',
  'error.draft_dated_in_future':
    'Este borrador tiene fecha {date, date, medium}, que está en el futuro. Emítalo ese día o cambie su fecha de emisión a hoy o antes.',
  'error.credit_line_unknown':
    'La factura no tiene la línea {line} (tiene {count, plural, one {# línea} other {# líneas}}).',
  'error.credit_line_twice':
    'La línea {line} aparece dos veces; indique cada línea una sola vez con la cantidad a abonar.',
  'error.credit_quantity_exceeds_line': 'Línea {line}: {quantity} es más que lo facturado ({invoiced}).',
  'error.refund_on_credit_note':
    'El reembolso se registra en la factura que corrige la nota de crédito, no en la nota de crédito.',
  'error.refund_on_draft': 'Un borrador no ha recibido dinero, así que no hay nada que reembolsar.',
  'error.refund_not_owed': 'No se debe nada al cliente en {number}: no ha recibido más de lo que cobra.',
  'error.refund_exceeds_owed': 'El reembolso ({amount}) supera lo que se debe al cliente en {number} ({owed}).',
  'error.refund_credit_note_mismatch': 'Esa nota de crédito no corrige {number}.',
  'error.refund_date_in_future': 'La fecha del reembolso, {date, date, medium}, está en el futuro.',
  'error.refund_not_found': 'No hay ningún reembolso con el id {id} en esta factura.',
  'error.refund_already_voided': 'Este reembolso ya está anulado.',
  'error.refund_undeletable': 'Los reembolsos no se pueden borrar; anule el reembolso.',
  'error.refund_immutable': 'Un reembolso no se puede editar; anúlelo y registre uno nuevo.',
  'error.payment_refunded':
    'Anular este pago dejaría más reembolsado que recibido en {number}; anule antes el reembolso.',
} satisfies Translation<typeof en>;
