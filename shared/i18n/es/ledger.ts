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
  'error.credit_line_credited': 'La línea {line} ya se abonó por completo.',
  'error.credit_quantity_exceeds_left':
    'Línea {line}: {quantity} es más de lo que queda por abonar ({left}); facturas rectificativas anteriores abonaron el resto.',
  'error.refund_on_credit_note':
    'El reembolso se registra en la factura que la factura rectificativa corrige, no en la factura rectificativa.',
  'error.refund_on_draft': 'Un borrador no ha recibido dinero, así que no hay nada que reembolsar.',
  'error.refund_not_owed': 'No se debe nada al cliente en {number}: no ha recibido más de lo que cobra.',
  'error.refund_exceeds_owed': 'El reembolso ({amount}) supera lo que se debe al cliente en {number} ({owed}).',
  'error.refund_credit_note_mismatch': 'Esa factura rectificativa no corrige {number}.',
  'error.refund_date_in_future': 'La fecha del reembolso, {date, date, medium}, está en el futuro.',
  'error.refund_not_found': 'No hay ningún reembolso con el id {id} en esta factura.',
  'error.refund_already_voided': 'Este reembolso ya está anulado.',
  'error.refund_undeletable': 'Los reembolsos no se pueden borrar; anule el reembolso.',
  'error.refund_immutable': 'Un reembolso no se puede editar; anúlelo y registre uno nuevo.',
  'error.payment_refunded':
    'Anular este pago dejaría más reembolsado que recibido en {number}; anule antes el reembolso.',
  'error.already_issued':
    '{by, select, meanwhile {Otra persona emitió la factura mientras tanto.} other {{number, select, none {La factura} other {{number}}} ya está emitida; una factura se emite una sola vez.}}',
  'error.customer_required': 'Elige un cliente antes de emitir.',
  'error.lines_required': 'Añade al menos una línea antes de emitir.',
  'error.due_before_issue':
    'La fecha de vencimiento {dueDate, date, medium} es anterior a la de emisión {issueDate, date, medium}.',
  'error.credit_note_not_allowed':
    '{what, select, cancelled {Una factura rectificativa no se puede anular.} credited {Una factura rectificativa no se puede rectificar.} other {Un proveedor no puede cambiar una factura rectificativa.}}',
  'error.draft_not_cancellable': 'Un borrador no se anula; elimínalo.',
  'error.already_cancelled': '{number, select, none {La factura} other {{number}}} ya está anulada.',
  'error.invoice_has_payments':
    '{by, select, provider {El proveedor anuló una factura que tiene pagos en el libro; revísala a mano.} other {{number, select, none {La factura} other {{number}}} tiene pagos; anúlalos primero o emite una factura rectificativa.}}',
  'error.invoice_not_issued':
    '{context, select, credit {Un borrador no se rectifica; edítalo o elimínalo.} provider_status {Un borrador no tiene estado en el proveedor.} payment {Emite la factura antes de registrar un pago.} other {Solo las facturas emitidas (con número) se pueden enviar a un proveedor.}}',
  'error.invoice_cancelled':
    '{context, select, credit {{number, select, none {La factura} other {{number}}} está anulada; no queda nada que rectificar.} other {{number, select, none {La factura} other {{number}}} está anulada; no se puede pagar.}}',
  'error.partial_credit_exists':
    '{number, select, none {La factura} other {{number}}} ya está rectificada en parte; indica las líneas que quieres rectificar.',
  'error.credit_empty': 'Una factura rectificativa debe tener un total positivo.',
  'error.credit_exceeds_invoice':
    'El total de la rectificativa ({total}) supera lo que queda por rectificar en {number} ({left}).',
  'error.credit_before_invoice':
    'La fecha de emisión {date, date, medium} es anterior a la de la factura, {invoiceDate, date, medium}.',
  'error.credit_note_not_payable': 'Los pagos se registran en facturas, no en facturas rectificativas.',
  'error.payment_date_in_future': 'La fecha del pago, {date, date, medium}, es futura.',
  'error.overpayment':
    'El pago ({amount}) supera el saldo de {number} ({balance}). Regístralo permitiendo el pago excesivo si se debe un reembolso.',
  'error.payment_not_found': 'No hay ningún pago {id} en esta factura.',
  'error.payment_already_voided': 'Este pago ya está anulado.',
  'error.discount_exceeds_lines': 'El descuento de la factura supera la suma de las líneas.',
  'error.negative_total': 'El total de la factura no puede ser negativo.',
  'error.invoice_not_draft':
    '{status, select, meanwhile {La factura dejó de ser un borrador mientras se editaba.} other {{number, select, none {Esta factura} other {{number}}} ya no es un borrador; las facturas emitidas no se pueden cambiar ({what, select, deleting {eliminar} other {editar}} solo es posible con borradores; anúlala o emite una rectificativa).}}',
  'error.file_exists': '{file} ya existe; elige otro nombre de archivo.',
  'error.backup_failed': 'La copia de seguridad en {file} falló: {detail}',
  'error.backup_not_found': 'No hay ninguna copia de seguridad en {file}.',
  'error.restore_self': 'Ese es el propio libro, no una copia de seguridad.',
  'error.not_a_ledger':
    '{sqlite, select, yes {{file} es un archivo SQLite pero no un libro de Kassa.} other {{file} no es un libro de Kassa (no es una base de datos SQLite).}}',
  'error.backup_damaged':
    'La copia de seguridad {file} está dañada o no supera la comprobación del libro; el libro actual se dejó como estaba.',
  'error.restore_failed': 'La restauración desde {file} falló: {detail}',
  'error.series_not_found': 'No hay ninguna serie de numeración «{id}».',
  'error.issue_date_out_of_order':
    'La fecha de emisión {date, date, medium} es anterior a {last, date, medium}, la del último documento {series} de {year, number, ::group-off}; los números deben seguir las fechas de emisión.',
  'error.series_prefix_in_use':
    '{series} ya tiene documentos numerados; su prefijo solo puede cambiar antes del primero.',
  'error.series_prefix_taken': 'El prefijo {prefix} ya lo usa la serie {series}.',
  'error.series_in_use':
    '{series} ya tiene números en {year, number, ::group-off}; el primer número del año solo se puede fijar antes del primer documento.',
  'error.issued_invoice_immutable': 'Una factura emitida no se puede cambiar; anúlala o emite una rectificativa.',
  'error.issued_invoice_undeletable': 'Una factura emitida no se puede eliminar; anúlala o emite una rectificativa.',
  'error.payment_undeletable': 'Los pagos no se pueden eliminar; anula el pago.',
  'error.payment_immutable': 'Un pago no se puede editar; anúlalo y registra uno nuevo.',
  'error.history_append_only': 'El historial de la factura solo admite añadidos.',
  'error.ledger_refused': 'El libro rechazó este cambio.',
  'error.ledger_busy':
    'El libro está ocupado (otro proceso de Kassa tiene el bloqueo de escritura); vuelve a intentarlo.',
  'error.constraint_failed': 'El libro rechazó este cambio (falló una regla de coherencia).',
  'error.ledger_io': 'No se pudo escribir el archivo del libro ({code}).',
  'error.ledger_too_new':
    'El libro {file} tiene la versión de esquema {version, number}, escrita por un Kassa más nuevo; esta versión conoce hasta la {latest, number}. Actualiza Kassa para abrirlo. El archivo no se ha modificado.',
  'error.ledger_needs_migration':
    'El libro {file} necesita una actualización de esquema; ábrelo una vez en lectura y escritura.',
  'error.ledger_open_failed': 'No se puede abrir el archivo del libro {file}: {detail}',
  // The ledger check (main/ledger/check.ts): what it checked and what it found.
  'check.invariant.sqlite_integrity': 'comprobación de integridad de SQLite',
  'check.invariant.sqlite_readable': 'SQLite puede leer el archivo',
  'check.invariant.foreign_keys': 'claves foráneas',
  'check.invariant.search_index': 'el índice de búsqueda coincide con las facturas',
  'check.invariant.totals': 'totales guardados = totales recalculados',
  'check.invariant.line_nets': 'netos de las líneas',
  'check.invariant.issued_complete': 'las facturas emitidas tienen líneas y cliente',
  'check.invariant.statuses': 'los estados coinciden con pagos y abonos',
  'check.invariant.numbering': 'números sin huecos por serie y año',
  'check.invariant.paid': 'pagado = suma de los pagos',
  'check.invariant.credited': 'abonado = suma de las facturas rectificativas',
  'check.invariant.refunded': 'reembolsado = suma de los reembolsos, nunca más que lo pagado',
  'check.invariant.history': 'historial presente y termina en el estado actual',
  'check.invariant.outbox': 'los enlaces con proveedores tienen su «create» en la bandeja de salida',
  'check.invariant.record_chain':
    'cadena de registro: documentos sin cambios, entradas enlazadas, cada documento emitido registrado',
  'check.invariant.numbering_marks': 'la numeración no va por detrás de las marcas guardadas en la carpeta de copias',
  'check.ledger_unreadable': 'SQLite no puede leer el libro ({error}); restaura una copia (kassa restore FILE).',
  'check.ledger_went_back':
    '{fresh, select, yes {El libro es nuevo pero hay copias anteriores a su lado} other {La numeración del libro va por detrás de números ya emitidos ({series}: siguiente {next}, emitidos hasta {mark})}}; la numeración está detenida hasta que restaures una copia o aceptes el libro (kassa series accept-numbers).',
  'check.search_index_damaged': 'El índice de búsqueda no coincide con las facturas ({error}); se puede reconstruir.',
  'check.line_net_mismatch':
    'La línea {line, number} de {invoice} tiene un neto guardado que no coincide con cantidad × precio − descuento.',
  'check.totals_mismatch': 'Los totales guardados de {invoice} difieren de los recalculados a partir de sus líneas.',
  'check.issued_without_lines': '{invoice} no tiene líneas.',
  'check.issued_without_customer': '{invoice} no tiene los datos del cliente.',
  'check.status_inconsistent':
    '{invoice} está {status, select, draft {en borrador} issued {emitida} partially_paid {pagada en parte} paid {pagada} cancelled {anulada} expired {vencida} other {{status}}} pero sus pagos y abonos la dejan {expected, select, draft {en borrador} issued {emitida} partially_paid {pagada en parte} paid {pagada} cancelled {anulada} expired {vencida} other {{expected}}}.',
  'check.cancelled_with_payments': '{invoice} está anulada pero tiene pagos.',
  'check.credit_note_state': 'La factura rectificativa {invoice} debe estar emitida y sin pagos.',
  'check.numbering_gap':
    'Serie {series} {year}: {count, plural, one {# documento} other {# documentos}} pero se tomaron los números {first}…{last}.',
  'check.numbering_without_counter':
    '{count, plural, one {# documento numerado no tiene} other {# documentos numerados no tienen}} contador de serie.',
  'check.number_format':
    'Serie {series} {year}: {count, plural, one {# número no coincide} other {# números no coinciden}} con su secuencia.',
  'check.paid_mismatch': '{invoice} indica {stored} pagado; sus pagos suman {actual}.',
  'check.credited_mismatch': '{invoice} indica {stored} abonado; sus facturas rectificativas suman {actual}.',
  'check.refunded_mismatch': '{invoice} indica {stored} reembolsado; sus reembolsos suman {actual}.',
  'check.payment_misplaced':
    '{count, plural, one {# pago pertenece a un borrador o a una factura rectificativa, o tiene otra moneda.} other {# pagos pertenecen a un borrador o a una factura rectificativa, o tienen otra moneda.}}',
  'check.refunded_over_paid': '{invoice} tiene más reembolsado de lo que recibió.',
  'check.refund_misplaced':
    '{count, plural, one {# reembolso pertenece a un borrador o a una factura rectificativa, tiene otra moneda o nombra una factura rectificativa de otra factura.} other {# reembolsos pertenecen a un borrador o a una factura rectificativa, tienen otra moneda o nombran una factura rectificativa de otra factura.}}',
  'check.history_missing': '{invoice} no tiene historial.',
  'check.history_inconsistent':
    '{invoice} está {status, select, draft {en borrador} issued {emitida} partially_paid {pagada en parte} paid {pagada} cancelled {anulada} expired {vencida} other {{status}}} pero su historial termina en {last, select, draft {borrador} issued {emitida} partially_paid {pagada en parte} paid {pagada} cancelled {anulada} expired {vencida} other {{last}}}.',
  'check.history_not_issued':
    '{count, plural, one {# documento emitido no tiene} other {# documentos emitidos no tienen}} entrada «emitida» en su historial.',
  'check.outbox_missing':
    '{count, plural, one {# enlace con proveedor no tiene} other {# enlaces con proveedores no tienen}} ni id remoto ni «create» en la bandeja de salida.',
  'ledger.export.csv_label': '{what, select, lines {Exportar líneas de factura (CSV)} other {Exportar facturas (CSV)}}',
} satisfies Translation<typeof en>;
