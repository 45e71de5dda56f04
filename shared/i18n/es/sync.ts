import type en from '../en/sync';
import type { Translation } from '../types';

export default {
  'sync.title': 'Sincronización',
  'sync.intro':
    'Las facturas emitidas a una cuenta de proveedor esperan aquí y se envían cuando se puede contactar con el proveedor; los pagos y anulaciones hechos en el proveedor vuelven solos.',
  'sync.no_accounts': 'Todavía no hay cuentas de proveedores: añade una en Ajustes.',
  'sync.op.create': 'Enviar factura',
  'sync.op.cancel': 'Anular',
  'sync.op.mark_paid': 'Marcar como pagada',
  'sync.op.share': 'Compartir',
  'sync.op.send': 'Correo electrónico',
  'sync.op.delete': 'Eliminar',
  'sync.state.pending': 'En cola',
  'sync.state.unknown': 'Comprobando',
  'sync.state.done': 'Hecho',
  'sync.state.failed': 'Fallido',
  'sync.state.needs_review': 'Necesita revisión',
  'sync.state.skipped': 'No es posible allí',
  'sync.state.sending': 'Enviando…',
  'sync.error.provider_said': '— el proveedor dijo: «{words}»',
  'sync.error.http': '(HTTP {status})',
  'sync.item.attempts': '{count, plural, one {# intento} other {# intentos}}',
  'sync.item.next_try': 'próximo intento {when}',
  'sync.item.retry': 'Reintentar',
  'sync.item.resolve_open': 'Marcar como resuelto…',
  'sync.item.resolve': 'Marcar como resuelto',
  'sync.item.resolve_note': 'No se enviará nada más para este elemento.',
  'sync.item.note': 'Nota',
  'sync.item.link_open': 'Vincular…',
  'sync.item.link': 'Vincular',
  'sync.item.remote_id': 'Id de la factura remota',
  'sync.account.offline': 'Sin conexión — en pausa hasta {until}',
  'sync.account.not_supported': 'No está conectado en esta versión',
  'sync.account.last_success': 'Último éxito',
  'sync.account.last_poll': 'Última comprobación de estado',
  'sync.account.last_import': 'Última importación',
  'sync.account.outbox': 'Bandeja de salida',
  'sync.account.counts':
    '{pending, number} en cola · {unknown, number} en comprobación · {failed, number} fallidos · {needsReview, number} por revisar · {skipped, number} imposibles allí · {done, number} hechos',
  'sync.account.remote_invoices': 'Facturas en el proveedor',
  'sync.account.linked': '{linked, number} vinculadas, {open, number} aún abiertas (se vigilan sus pagos)',
  'sync.account.unknown_outcomes': 'Resultados desconocidos',
  'sync.account.lookup': 'se buscan por referencia: {route}',
  'sync.account.no_lookup': 'este proveedor no permite buscarlas: quedan para revisión y nunca se reenvían',
  'sync.account.last_error': 'Último error',
  'sync.account.nothing_waiting': 'Nada en espera.',
  'sync.now.button': 'Sincronizar ahora',
  'sync.now.running': 'Sincronizando…',
  'sync.now.result':
    'Enviados {sent, number}, {queued, number} siguen en cola; comprobadas {open, plural, one {# factura abierta} other {# facturas abiertas}} ({changed, number} con cambios).',
  'sync.import.button': 'Importar facturas',
  'sync.import.running': 'Importando…',
  'sync.import.progress': 'Importando de {account}: {count, plural, one {# factura} other {# facturas}} hasta ahora',
  'sync.import.progress_value': '{count, plural, one {# factura} other {# facturas}}',
  'sync.import.result':
    '{seen, plural, one {# factura remota} other {# facturas remotas}}: {imported, number} importadas, {linked, number} vinculadas, {updated, number} actualizadas, {unchanged, number} sin cambios, {skipped, number} omitidas.',
  'sync.col.invoice': 'Factura',
  'sync.col.action': 'Acción',
  'sync.col.state': 'Estado',
  'sync.col.what_happened': 'Qué ha pasado',
  'error.sync_item_in_flight': 'Este elemento se está enviando ahora; espera al resultado.',
  'error.sync_item_done': 'Este elemento ya está hecho.',
  'error.sync_item_not_create':
    'Solo un elemento que crea la factura en el proveedor se puede vincular a una factura remota.',
  'error.remote_currency_unknown': 'La factura {id} de {provider} no tiene una moneda que Kassa conozca.',
  'error.remote_amount_unknown': 'La factura {id} de {provider} no tiene un importe positivo.',
  'error.remote_duplicate':
    '{id} lleva la referencia {reference}, que pertenece a una factura ya vinculada a otra factura remota; comprueba si hay un duplicado en el proveedor.',
  'error.remote_already_linked': 'La factura remota {id} ya está vinculada a otra factura del libro.',
  'sync.change.paid': '{invoice} está pagada: {provider} recibió {amount}.',
  'sync.change.partially_paid': '{invoice} está pagada en parte: {provider} recibió {amount}.',
  'sync.change.cancelled': '{invoice} se anuló en {provider}.',
  'sync.change.expired': '{invoice} caducó en {provider}.',
  'sync.change.reopened': '{invoice} vuelve a estar abierta en {provider}.',
  'sync.change.currency_mismatch':
    '{invoice}: {provider} informa de un pago en {remote}, pero la factura está en {local}; regístralo a mano.',
  'sync.change.paid_but_cancelled':
    '{invoice} está anulada aquí, pero {provider} informa de {amount} pagados. Reembólsalo en {provider} o deshaz la anulación emitiendo una factura nueva.',
  'sync.change.total_mismatch':
    '{provider} informa de que {invoice} está pagada por completo, por {remoteTotal}; el total del libro es {total}. Registra a mano el pago que recibiste.',
  'sync.change.paid_more_than_owed':
    '{provider} informa de {amount} para {invoice}, {extra} más de lo que se debía; revisa los pagos registrados a mano.',
  'sync.change.period_closed_payment':
    '{invoice}: {provider} informa de un pago de {amount} el {date}, en el periodo cerrado {period}; reábrelo para registrar el pago.',
  'sync.change.period_closed_cancel':
    '{provider} anuló {invoice}, que pertenece al periodo cerrado {period}; emite una factura rectificativa o reabre el periodo para anularla.',
  'sync.change.cancelled_with_payments':
    '{provider} anuló {invoice}, que tiene pagos en el libro; anúlalos o reembólsalos y después anúlala aquí.',
  'sync.notify.paid': 'Factura pagada',
  'sync.notify.partially_paid': 'Pago recibido',
  'sync.notify.cancelled': 'Factura anulada',
  'sync.notify.expired': 'Factura caducada',
  'sync.notify.reopened': 'Factura reabierta',
  'sync.notify.conflict': 'La sincronización necesita revisión',
  'sync.notify.many': 'Facturas actualizadas por tus proveedores',
  'sync.notify.many_body':
    '{rest, number} más: {paid, number} pagadas, {partially, number} pagadas en parte, {cancelled, number} anuladas, {expired, number} caducadas, {reopened, number} reabiertas, {conflicts, number} por revisar.',
  'sync.notify.import_done': 'Importación de {account} terminada',
  'sync.notify.import_body':
    '{seen, plural, one {# factura vista} other {# facturas vistas}} en {provider}: {imported, number} importadas, {linked, number} vinculadas, {updated, number} actualizadas, {unchanged, number} sin cambios, {skipped, number} omitidas.',
  'sync.import.label': 'Importando de {account}',
  'sync.progress.outbox': 'Enviando la bandeja de salida',
  'error.sync_stopped': 'La sincronización se detuvo antes de enviar esto; se enviará en la próxima.',
  'error.account_paused': 'En espera: el proveedor parecía inaccesible; Kassa lo intenta de nuevo tras la pausa.',
  'error.sync_interrupted':
    'La sincronización se detuvo mientras se enviaba esto; se consultará en el proveedor antes de volver a enviarlo.',
} satisfies Translation<typeof en>;
