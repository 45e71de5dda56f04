import type en from '../en/books';
import type { Translation } from '../types';

export default {
  'error.invalid_period':
    '«{text}» no es un periodo: escribe un mes como AAAA-MM (p. ej. 2026-03) o un trimestre como AAAA-QN (p. ej. 2026-Q1).',
  'error.period_closed':
    'El periodo {period} está cerrado: no se puede emitir, abonar, cobrar, reembolsar ni anular nada con fecha {date}. Reabre {period} primero si hay que cambiarlo.',
  'error.period_already_closed': '{period} ya está cerrado.',
  'error.period_not_closed': '{period} no está cerrado.',
  'error.period_not_over': '{period} aún no ha terminado (termina el {end}); ciérralo cuando haya terminado.',
  'error.period_inside_closed': '{period} está dentro del periodo cerrado {closedBy}; reabre {closedBy} en su lugar.',
  'error.record_check_failed':
    'La comprobación del registro encontró {count, plural, one {# problema} other {# problemas}}: consulta el informe.',
  'error.file_write_failed': 'No se puede escribir {file}; comprueba que la carpeta existe y admite escritura.',
  'error.xml_of_draft': 'Un borrador aún no es una factura: emítelo antes de generar su factura electrónica.',
  'error.archive_target_exists': '{file} ya existe; elige un nombre de archivo nuevo para el archivo.',
  'error.archive_target_not_empty': '{file} no es una carpeta vacía; elige una carpeta nueva o vacía para el archivo.',
  'error.archive_unreadable': 'No se puede leer el archivo como zip ({reason}).',
  'error.archive_no_manifest': 'El archivo no tiene manifest.json: no lo hizo Kassa o se quitó el manifiesto.',
  'error.archive_manifest_invalid': 'El manifest.json del archivo no es un manifiesto de Kassa.',
  'error.archive_verify_failed':
    '{count, plural, one {# fichero del archivo no coincide} other {# ficheros del archivo no coinciden}} con el manifiesto.',
  'error.archive_job_not_found':
    'No hay ningún trabajo de archivo {id} (los trabajos terminados solo se guardan un tiempo).',
  'error.archive_failed': 'No se pudo hacer el archivo: {error}',
  'error.archive_incomplete': 'No se pudieron escribir {failed} de {total} documentos; consulta los errores.',
  'error.archive_unverified': 'No se pudo comprobar el archivo: {reason}',
  'error.record_chain_append_only':
    'El registro encadenado solo admite añadir: sus asientos no se pueden cambiar ni borrar.',

  'validation.period': '{field} debe ser un mes como 2026-03 o un trimestre como 2026-Q1.',
  'validation.endpoint':
    '{field} debe ser un código de esquema EAS, dos puntos y el identificador (p. ej. EM:nombre@ejemplo.com, 9930:DE123456789).',
  'field.period': 'periodo',
  'field.buyerReference': 'referencia del comprador',
  'field.sellerEndpoint': 'dirección electrónica del vendedor',
  'field.buyerEndpoint': 'dirección electrónica del comprador',
  'field.format': 'formato',
  'field.out': 'salida',

  'check.record_changed':
    '{kind, select, invoice {La factura} credit_note {La factura rectificativa} cancellation {La anulación de} payment {Un cobro de} payment_void {La anulación de un cobro de} refund {Un reembolso de} refund_void {La anulación de un reembolso de} period_closed {El cierre de} period_reopened {La reapertura de} other {El registro de}} {label} se cambió fuera de Kassa (asiento {seq}).',
  'check.record_document_missing':
    '{kind, select, invoice {La factura} credit_note {La factura rectificativa} cancellation {La anulación de} payment {Un cobro de} payment_void {La anulación de un cobro de} refund {Un reembolso de} refund_void {La anulación de un reembolso de} period_closed {El cierre de} period_reopened {La reapertura de} other {El registro de}} {label} está en el registro (asiento {seq}) pero ya no en el libro.',
  'check.record_chain_broken':
    'El asiento {seq} ({label}) no se sigue del asiento anterior: el propio registro se cambió fuera de Kassa.',
  'check.record_chain_gap': 'El registro salta del asiento {seq} al {found}: se borraron asientos.',
  'check.record_chain_unreadable': 'No se pudo leer el registro encadenado ({error}).',
  'check.record_not_chained':
    '{kind, select, invoice {La factura} credit_note {La factura rectificativa} cancellation {La anulación de} payment {Un cobro de} payment_void {La anulación de un cobro de} refund {Un reembolso de} refund_void {La anulación de un reembolso de} period_closed {El cierre de} period_reopened {La reapertura de} other {El registro de}} {label} no tiene asiento en el registro: se escribió fuera de Kassa.',
  'vat.title': 'Resumen de IVA',
  'vat.range': '{from} – {to}',
  'vat.generated': 'Elaborado el {at}',
  'vat.closed': 'Periodos cerrados: {periods}',
  'vat.open': 'Sin cerrar: las cifras aún pueden cambiar.',
  'vat.documents': '{count, plural, one {# documento} other {# documentos}}',
  'vat.none': 'No se emitió ninguna factura ni factura rectificativa en este intervalo.',
  'vat.currency': 'Importes en {currency}',
  'vat.col.category': 'Categoría de IVA',
  'vat.col.rate': 'Tipo',
  'vat.col.invoices': 'Facturas',
  'vat.col.creditNotes': 'Rectificativas',
  'vat.col.net': 'Neto',
  'vat.col.taxable': 'Base imponible',
  'vat.col.tax': 'IVA',
  'vat.total': 'Total',
  'vat.exemptions': 'Motivos de exención: {reasons}',
  'vat.cancelled': '{count, plural, one {# factura anulada} other {# facturas anuladas}} ({amount}) no incluidas.',
  'vat.chain': 'Registro: {length, plural, one {# asiento} other {# asientos}}, último hash {hash}',
  'vat.category.S': 'Tipo general',
  'vat.category.Z': 'Tipo cero',
  'vat.category.E': 'Exento',
  'vat.category.AE': 'Inversión del sujeto pasivo',
  'vat.category.K': 'Entrega intracomunitaria',
  'vat.category.G': 'Exportación fuera de la UE',
  'vat.category.O': 'No sujeto a IVA',
  'vat.category.L': 'IGIC (Canarias)',
  'vat.category.M': 'IPSI (Ceuta y Melilla)',
} as const satisfies Translation<typeof en>;
