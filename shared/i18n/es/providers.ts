import type en from '../en/providers';
import type { Translation } from '../types';

export default {
  'providers.field.kashio.secretKey': 'Clave secreta',
  'providers.field.kashio.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kashier.secretKey': 'Clave secreta',
  'providers.field.kashier.paymentApiKey': 'Clave de la API de pagos',
  'providers.field.kashier.merchantId': 'ID de comercio (MID-…)',
  'providers.field.kashier.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kashier.storeName': 'Nombre de la tienda',
  'providers.field.paycashless.apiKey': 'Clave de API',
  'providers.field.paycashless.apiSecret': 'Secreto de API',
  'providers.field.paycashless.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kaspa.apiKey': 'Clave de API',
  'providers.field.kaspa.defaultCurrency': 'Moneda predeterminada',
  'providers.field.simplecash.apiKey': 'Clave de API de la tienda',
  'providers.field.simplecash.defaultCurrency': 'Moneda predeterminada',
  'providers.placeholder.defaultCurrency': 'p. ej., USD',
  'providers.op.cancel': 'Cancelar',
  'providers.op.markPaid': 'Marcar como pagada',
  'providers.op.share': 'Enviar al cliente',
  'providers.op.delete': 'Eliminar',
  'providers.op.paymentUrl': 'Enlace de pago',
  'providers.op.lookupByReference': 'Comprobar que llegó una factura enviada',
  'providers.link.cannot': 'Lo que {provider} no puede hacer, y qué hacer en su lugar',
  'providers.link.delete': 'Eliminar en {provider}',
  'providers.link.delete_confirm':
    '¿Eliminar la copia de {number} en {provider}? {provider} solo elimina solicitudes de pago y borradores sin pagar; la factura se queda aquí.',
  'providers.link.delete_queued': 'En cola: la copia en {provider} se elimina en la próxima sincronización.',
  'providers.link.observed': '(el enlace sigue un patrón no documentado)',
  'providers.status.kashier.paid': 'pagada',
  'providers.status.kashier.unpaid': 'sin pagar',
  'providers.status.kashier.submitted': 'enviada',
  'providers.status.kashier.draft': 'borrador',
  'providers.status.kashier.cancelled': 'anulada',
  'providers.link.deleted': 'eliminada allí',
  'providers.simplecash.timeout':
    'SimpleCash no tiene fecha de vencimiento: esta factura caduca allí al cabo de {timeout, select, 3_hours {3 horas} 12_hours {12 horas} day {un día} 3_days {3 días} other {una semana}} (el plazo permitido más cercano al vencimiento).',
  'providers.caveats.title': 'Sobre {provider}',
  'providers.caveat.kashier.observed_link':
    'El enlace de pago sigue el patrón que usan los clientes públicos (merchant.kashier.io/en/prepay/…); Kashier no lo documenta.',
  'providers.caveat.kashier.delete_drafts':
    'Eliminar solo funciona con solicitudes de pago y borradores de factura sin pagar; Kassa envía las facturas como presentadas, así que cancélelas en su lugar.',
  'providers.caveat.kashio.no_link':
    'KashIO no documenta un enlace de pago: el cliente paga con el código KTIN que aparece en la factura.',
  'providers.caveat.kashio.void': 'Cancelar anula la orden de pago (DELETE); KashIO no tiene borrado definitivo.',
  'providers.caveat.kaspa.no_get':
    'No hay una llamada para leer una factura: los estados llegan de las páginas de la lista (filtradas por estado).',
  'providers.caveat.kaspa.undocumented_answers':
    'Las respuestas de crear y de la lista no están documentadas: Kassa las lee con cautela y las guarda tal como llegan.',
  'providers.caveat.paycashless.link_at_create':
    'El enlace de pago solo aparece en la respuesta a crear; Kassa lo guarda desde ahí.',
  'providers.caveat.paycashless.due_today':
    'Una factura que vence hoy o antes se envía sin vencimiento (Paycashless cuenta los días hasta el vencimiento desde mañana).',
  'providers.caveat.simplecash.guessed_statuses':
    'SimpleCash no documenta ni los campos de sus respuestas ni sus estados: Kassa interpreta paid, expired y pending (en mayúsculas o minúsculas) con una tabla supuesta que hay que confirmar con una respuesta real; cualquier otro estado se muestra como desconocido y nunca se toma por pagado.',
  'providers.caveat.simplecash.timeout':
    'La fecha de vencimiento se convierte en el plazo permitido más cercano (3 horas, 12 horas, un día, 3 días, una semana).',
  'providers.instead.use_dashboard': 'Hágalo en el panel de {provider}.',
  'providers.instead.send_link_yourself': 'Envíe usted mismo al cliente el enlace o el código de pago.',
  'providers.instead.provider_emails_customer':
    '{provider} envía la factura al cliente por correo electrónico por sí mismo.',
  'providers.instead.email_at_creation_only':
    '{provider} solo envía una factura por correo al crearla: emítala con «enviar por correo electrónico» o envíe usted el enlace de pago.',
  'providers.instead.sent_at_creation':
    'Kassa crea las facturas de {provider} con «send» activado, lo que las marca como enviadas al correo del cliente; la documentación de {provider} no dice si de verdad se las envía por correo, así que envíe usted también el enlace de pago.',
  'providers.instead.expires_by_itself':
    '{provider} no puede hacerlo: la factura caduca allí sola al acabar su plazo; avise al cliente de que no la pague.',
  'providers.instead.record_here_close_there':
    '{provider} no puede registrar un pago hecho fuera de él: la factura sigue abierta allí. Registre el pago aquí y, cuando esté pagada por completo, cancélela en {provider} para que no se le vuelva a pedir el pago al cliente.',
  'providers.instead.cancel_instead': 'Cancele la factura en su lugar.',
  'providers.instead.check_dashboard_then_link_or_retry':
    'Kassa no puede preguntar a {provider} si una factura enviada llegó: búsquela en el panel de {provider} y vincúlela por su id, o vuelva a intentar enviarla.',
  'providers.advice.not_there':
    'La factura nunca llegó a {provider}, así que allí no hay nada que {op, select, cancel {cancelar} mark_paid {marcar como pagado} share {enviar} delete {eliminar} other {hacer}}.',
  'providers.advice.no_lookup':
    'Kassa no puede preguntar a {provider} si {number} llegó (su API no permite buscarla). Búsquela en el panel de {provider} (referencia {reference}): si está, vincúlela por su id; si no, vuelva a intentar enviarla.',
  'providers.advice.lookup_inconclusive':
    '{provider} no pudo confirmar si {number} llegó. Búsquela en el panel de {provider} (referencia {reference}): si está, vincúlela por su id; si no, vuelva a intentar enviarla.',
  'providers.advice.found_differs':
    '{provider} tiene {remoteId} con la referencia de {number}, pero {problem, select, currency {en {remoteCurrency} en lugar de {currency}} other {por {remoteTotal} en lugar de {total}}}, así que no se vinculó. Revísela en el panel de {provider}: vincúlela si es esta factura, o cancélela allí y vuelva a intentarlo.',
  'providers.advice.total_mismatch':
    '{provider} creó {remoteId} para {number} con un total de {remoteTotal}, pero el total del libro es {total}: al cliente se le piden {remoteTotal}. Cancélela en {provider} y envíe la factura de nuevo, o registre a mano lo que pague el cliente; después márquelo como resuelto.',
  'providers.advice.linked_elsewhere':
    '{provider} tiene {remoteId} para esta factura, pero ya está vinculada aquí a otra factura; revise ambas y vincule la correcta.',
  'providers.advice.cancel_partly_credited':
    '{number} solo está acreditada en parte por {creditNote}; {provider} sigue pidiendo el importe original y no puede cambiarlo. Cancélela en el panel de {provider} y envíe una factura nueva por el resto, o cobre el resto y devuelva lo pagado de más.',
  'providers.advice.cancel_but_paid':
    '{provider} indica que {number} ya está pagada, así que no se canceló allí. Reembolse al cliente en {provider}, o registre aquí el pago en lugar de cancelar.',
  'providers.advice.mark_paid_partly':
    '{provider} solo puede marcar una factura como pagada por completo; {number} se marcará allí cuando esté pagada por completo aquí.',
  'providers.advice.mark_paid_but_cancelled':
    '{number} está cancelada en {provider}, así que no se pudo marcar allí como pagada; no hace falta nada más salvo que la cancelación fuera un error.',
  'providers.advice.share_maybe_sent':
    'Puede que el último intento de enviar esta factura por {channel, select, sms {SMS} other {correo electrónico}} se enviara ({provider} no puede confirmarlo). Vuelva a intentarlo o márquelo como resuelto.',
  'error.provider_auth_failed':
    '{provider} rechazó las credenciales para {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {Compruebe el secreto de API de la cuenta (debe ser del mismo par que la clave de API) y que el reloj de este equipo esté en hora.} other {Compruebe la clave de la cuenta y que sea la del modo de la cuenta (prueba o real).}}',
  'error.provider_not_found': '{provider} no encontró nada para {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    '{provider} falló en {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    '{provider} rechazó {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {{provider} respondió a {operation} con una redirección; compruebe la URL base.} invoice {{provider} respondió a {operation} sin una factura.} list {{provider} respondió a {operation} sin una lista de facturas.} cursor {{provider} dijo que hay más facturas pero no indicó cómo llegar a ellas.} currency {{provider} no indicó la moneda de la factura.} too_large {{provider} respondió a {operation} con más de lo que Kassa lee de una respuesta.} other {{provider} respondió a {operation} con algo que Kassa no puede leer.}}',
  'error.provider_rate_limited':
    '{provider} está limitando {operation} (HTTP 429); vuelva a intentarlo {seconds, plural, =0 {más tarde} one {en # segundo} other {en # segundos}}.',
  'error.provider_malformed_response':
    '{provider} respondió a {operation} con un cuerpo que no es JSON válido (HTTP {status}).',
  'error.provider_timeout':
    '{provider} no respondió a {operation} en {seconds, plural, one {# segundo} other {# segundos}}.',
  'error.provider_unreachable':
    'No se pudo contactar con {provider} para {operation} ({networkCode}); compruebe la conexión a Internet y la URL base.',
  'error.provider_network_error': 'La conexión con {provider} se cortó durante {operation} ({networkCode}).',
  'error.outcome_unknown':
    '{provider}: {operation} {reason, select, timeout {agotó el tiempo de espera} server_error {recibió un error del servidor} connection_lost {perdió la conexión} other {recibió una respuesta que Kassa no puede leer}}; puede que se haya realizado o no, así que Kassa lo comprueba antes de volver a enviarlo.',
  'error.provider_not_supported': '{provider} todavía no está conectado en esta versión de Kassa.',
  'error.secret_missing':
    'No hay ninguna {secret} guardada para la cuenta de {provider} «{account}»; introdúzcala primero.',
  'error.credit_note_not_supported': '{provider} no admite facturas rectificativas; solo se le pueden enviar facturas.',
  'error.nothing_to_pay': '{provider} necesita un importe mayor que cero; esta factura no suma nada.',
  'error.currency_not_supported': '{provider} acepta {accepted}, no {currency}.',
  'error.amount_not_representable': '{provider} no puede recibir exactamente un importe de {amount}.',
  'error.remote_paid': 'La factura {remoteId} de {provider} está pagada; no se puede cancelar.',
  'error.remote_cancelled': 'La factura {remoteId} de {provider} está cancelada; no se puede marcar como pagada.',
  'error.remote_not_deletable':
    '{provider} solo elimina borradores y solicitudes de pago sin pagar; la factura {remoteId} está en {status}. Cancélela en su lugar.',
  'error.nothing_to_update': '{provider} solo permite cambiar el importe, la moneda y el vencimiento.',
  'error.invalid_cursor':
    'Este cursor de lista no pertenece a esta lista (se hizo para otro orden u otro listado, o está dañado); empieza de nuevo sin él.',
  'error.customer_email_required':
    '{provider} envía la factura al cliente por correo electrónico: primero indique un correo para el cliente de {number}.',
  'error.amount_too_small': '{provider} necesita más de {minimum}; {number} suma {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {{provider} lista las facturas sin un campo en el que Kassa pueda encontrar {reference}} other {{provider} tiene más facturas de las que Kassa revisa}}, así que Kassa no puede saber si {reference} llegó.',
  'error.reference_not_encodable':
    'Las referencias de {provider} son numéricas: Kassa envía números como INV-2026-0042, y {number} no es uno de ellos.',
  'error.invalid_status_filter': '{provider} solo filtra por los estados {accepted}.',
  'error.reason_required': '{provider} necesita un motivo de cancelación.',
  'error.merchant_id_missing':
    'Indique en esta cuenta el id de comercio de {provider} (MID-…, bajo su nombre en el panel de {provider}).',
  'error.due_date_too_far': '{provider} admite un vencimiento de como mucho {days} días.',
  'error.not_at_provider':
    'Esta factura no está en {provider} (nunca se envió o su copia ya no existe), así que no hay nada que eliminar.',
  'error.provider_cannot_delete': '{provider} no puede eliminar facturas a través de su API.',
  'error.remote_mismatch':
    '{problem, select, currency {La factura {remoteId} de {provider} está en {remoteCurrency}, pero {number} está en {currency}.} other {La factura {remoteId} de {provider} es por {remoteTotal}, pero {number} suma {total}.}}',
  'error.invalid_base_url':
    '{reason, select, scheme {La URL base debe empezar por https:// (o http:// solo para este equipo).} credentials {La URL base no puede contener usuario ni contraseña.} path {La URL base alternativa solo sustituye esquema, host y puerto (p. ej., http://127.0.0.1:4010); quita la ruta.} other {La URL base no es válida (se esperaba, p. ej., https://sandbox.example.com).}}',
  'error.insecure_base_url':
    'http:// sin cifrar solo se permite para este equipo (localhost, 127.x.x.x, ::1); usa https:// para {host}.',
  'error.totals_mismatch': 'Los totales de la factura no cuadran con sus líneas; no se ha enviado al proveedor.',
  'error.negative_line': 'La línea {line, number} tiene un importe negativo, que el proveedor no admite.',
  'error.negative_tax': 'Un importe de impuesto es negativo, y el proveedor no lo admite.',
  'error.lines_do_not_sum': 'Las líneas para el proveedor no suman el total de la factura; no se ha enviado.',
  'error.missing_number': 'La factura aún no tiene número.',
  'providers.operation.create': 'la creación de la factura',
  'providers.operation.get': 'la consulta de la factura',
  'providers.operation.list': 'el listado de facturas',
  'providers.operation.cancel': 'la anulación de la factura',
  'providers.operation.markPaid': 'el marcado como pagada',
  'providers.operation.share': 'el envío de la factura',
  'providers.operation.delete': 'la eliminación de la factura',
  'providers.operation.edit': 'la modificación de la factura',
  'providers.operation.update': 'la modificación de la factura',
  'providers.operation.events': 'la lectura de los eventos de la factura',
  'providers.operation.changestatus': 'el cambio de estado de la factura',
  'error.remote_not_draft': 'Kashier solo elimina borradores sin pagar; la factura {id} está {status}. Anúlala.',
  'error.invalid_email': 'Eso no es una dirección de correo.',
  'error.invalid_phone': 'Indica el teléfono en formato internacional, p. ej., +34600123456.',
  'error.invalid_date': '{field} no es una fecha.',
} satisfies Translation<typeof en>;
