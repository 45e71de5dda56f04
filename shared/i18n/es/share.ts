import type en from '../en/share';
import type { Translation } from '../types';

export default {
  'share.customer_unnamed': 'cliente',
  'share.template.invoice.subject':
    '{kind, select, credit_note {Factura rectificativa} other {Factura}} {number} de {business}',
  'share.template.invoice.body':
    'Hola, {customer}:\n\n{kind, select, credit_note {Adjuntamos la factura rectificativa {number} por {total}.} other {Adjuntamos la factura {number} por {total}{hasDue, select, yes {, con vencimiento el {dueDate, date, long}} other {}}.}}{hasLink, select, yes {\n\nPague en línea: {link}} other {}}\n\nUn saludo,\n{business}',
  'share.template.invoice.short':
    '{business}: {kind, select, credit_note {factura rectificativa} other {factura}} {number} por {total}.{hasLink, select, yes { Pague en línea: {link}} other {}}',
  'share.template.reminder_upcoming.subject': 'Recordatorio: la factura {number} vence el {dueDate, date, long}',
  'share.template.reminder_upcoming.body':
    'Hola, {customer}:\n\nLe recordamos que la factura {number} ({balance} pendiente) vence el {dueDate, date, long}. Adjuntamos la factura.{hasLink, select, yes {\n\nPague en línea: {link}} other {}}\n\nUn saludo,\n{business}',
  'share.template.reminder_upcoming.short':
    '{business}: la factura {number} ({balance}) vence el {dueDate, date, long}.{hasLink, select, yes { Pague en línea: {link}} other {}}',
  'share.template.reminder_due.subject': 'La factura {number} vence hoy',
  'share.template.reminder_due.body':
    'Hola, {customer}:\n\nLa factura {number} ({balance} pendiente) vence hoy. Adjuntamos la factura.{hasLink, select, yes {\n\nPague en línea: {link}} other {}}\n\nUn saludo,\n{business}',
  'share.template.reminder_due.short':
    '{business}: la factura {number} ({balance}) vence hoy.{hasLink, select, yes { Pague en línea: {link}} other {}}',
  'share.template.reminder_overdue.subject':
    'Vencida: factura {number} ({days, plural, one {# día} other {# días}} de retraso)',
  'share.template.reminder_overdue.body':
    'Hola, {customer}:\n\nLa factura {number} venció el {dueDate, date, long} y quedan {balance} pendientes ({days, plural, one {# día} other {# días}} de retraso). Adjuntamos la factura. Si ya ha pagado, ignore este mensaje.{hasLink, select, yes {\n\nPague en línea: {link}} other {}}\n\nUn saludo,\n{business}',
  'share.template.reminder_overdue.short':
    '{business}: la factura {number} ({balance}) lleva {days, plural, one {# día} other {# días}} de retraso.{hasLink, select, yes { Pague en línea: {link}} other {}}',

  'share.test_mail.subject': 'Correo de prueba de Kassa para {business}',
  'share.test_mail.body':
    'Este es un mensaje de prueba de Kassa: tu configuración de correo funciona. Las facturas que envíes por correo saldrán del mismo modo.',

  'error.share_draft': 'Un borrador no se puede enviar: emítelo primero.',
  'error.share_recipient_missing':
    '{route, select, email {Escribe la dirección de correo del cliente.} other {Escribe el número móvil del cliente.}}',
  'error.email_invalid': 'Esta no es una dirección de correo (p. ej., nombre@ejemplo.com).',
  'error.share_no_provider':
    'Esta factura no se envió a ningún proveedor de pagos, así que ningún proveedor puede enviarla.',
  'error.share_provider_cannot':
    '{provider} no puede enviar facturas: envía tú el enlace de pago (correo, SMS o WhatsApp).',
  'error.share_provider_channel': '{provider} solo envía facturas por {channels}.',
  'error.share_provider_sent_at_creation':
    'Kassa pidió a {provider} que enviara esta factura al correo del cliente al crearla allí; la documentación de {provider} no dice si de verdad se la envía por correo, así que envía tú también el enlace de pago (correo, SMS o WhatsApp).',
  'error.share_provider_at_creation_only':
    '{provider} solo envía una factura por correo al crearla, y esta ya se envió a {provider}. Envíala por correo, SMS o WhatsApp.',
  'error.share_may_have_been_sent':
    'Kassa se detuvo mientras el servidor de correo recibía este mensaje, así que puede que se haya enviado. Revisa la bandeja del destinatario o tu carpeta de enviados; reintenta para enviarlo de nuevo o márcalo como resuelto.',
  'error.smtp_not_configured': 'Configura primero tu servidor de correo en Ajustes (SMTP).',
  'error.smtp_password_missing': 'La contraseña SMTP no está en el llavero: vuelve a escribirla en Ajustes.',
  'error.smtp_password_input': 'La entrada estándar debe ser un objeto JSON con un campo de texto, «password».',
  'error.smtp_host_invalid': 'Escribe el nombre del servidor de correo (p. ej., smtp.ejemplo.com).',
  'error.smtp_port_invalid': 'El puerto es un número entero de 1 a 65535 (465 para TLS, 587 para STARTTLS).',
  'error.smtp_from_invalid': 'La dirección del remitente no es una dirección de correo (p. ej., facturas@ejemplo.com).',
  'error.smtp_plain_needs_loopback':
    'Sin cifrado («none») Kassa solo se conecta a un servidor de correo de este equipo (localhost); elige TLS o STARTTLS para {host}.',
  'error.smtp_unreachable':
    'No se puede conectar con el servidor de correo {host}:{port} (sin red, o el servidor no responde). Kassa lo reintentará.',
  'error.smtp_host_not_found': 'No se encontró el servidor de correo {host} (sin red, o hay un error en el nombre).',
  'error.smtp_timeout': 'El servidor de correo {host}:{port} no respondió a tiempo.',
  'error.smtp_tls_certificate':
    'Se rechazó el certificado del servidor de correo: {check, select, self_signed {está autofirmado} expired {ha caducado} not_yet_valid {todavía no es válido} hostname {no está emitido para {host}} untrusted {no lo firma una autoridad de confianza} other {no se pudo verificar}}. Kassa no envía tu contraseña ni tu correo por una conexión que no puede verificar.',
  'error.smtp_tls_handshake':
    'Falló la conexión segura con {host}:{port}{mode, select, tls { (puede que el servidor espere STARTTLS en este puerto: prueba STARTTLS, normalmente el puerto 587)} other {}}.',
  'error.smtp_starttls_unavailable':
    'El servidor de correo {host}:{port} no ofrece STARTTLS, así que Kassa no enviará por él (prueba TLS, normalmente el puerto 465).',
  'error.smtp_auth_failed': 'El servidor de correo rechazó el usuario o la contraseña ({status}).',
  'error.smtp_auth_unavailable': 'El servidor de correo no ofrece un inicio de sesión que Kassa pueda usar ({status}).',
  'error.smtp_sender_refused': 'El servidor de correo rechazó la dirección del remitente ({status}).',
  'error.smtp_recipient_refused': 'El servidor de correo rechazó la dirección del destinatario ({status}).',
  'error.smtp_message_refused': 'El servidor de correo rechazó el mensaje ({status}).',
  'error.smtp_temporary':
    'El servidor de correo está ocupado o rechazó el mensaje por ahora ({status}); Kassa lo reintentará.',
  'error.smtp_connection_lost': 'Se perdió la conexión con el servidor de correo.',

  'history.action.share_queued': 'envío en cola',
  'history.action.shared': 'enviada',
  'history.action.share_failed': 'falló el envío',
  'history.action.share_needs_review': 'el envío necesita revisión',
  'history.action.share_prepared': 'mensaje preparado',
  'share.history.via':
    '{route, select, email {por correo} provider {a través del proveedor} sms {por SMS} whatsapp {por WhatsApp} other {}}{to, select, none {} other { a {to}}}',

  'field.host': 'servidor de correo',
  'field.port': 'puerto',
  'field.tls': 'cifrado',
  'field.user': 'usuario',
  'field.password': 'contraseña',
  'field.route': 'vía',
  'field.template': 'mensaje',
  'field.copyToSelf': 'copia para mí',

  'share.action': 'Enviar…',
  'share.dialog.title': 'Enviar {number}',
  'share.route.label': 'Enviar por',
  'share.route.email': 'Correo desde tu dirección',
  'share.route.provider': 'A través de {provider}',
  'share.route.provider_none': 'A través del proveedor de pagos',
  'share.route.sms': 'SMS',
  'share.route.whatsapp': 'WhatsApp',
  'share.to.email': 'Para (dirección de correo)',
  'share.to.phone': 'Para (número móvil)',
  'share.to.provider': 'Para (correo o número móvil)',
  'share.to.country': 'Un número local se lee como número de {country}.',
  'share.copy_self': 'Enviarme una copia ({from})',
  'share.template.label': 'Mensaje',
  'share.template.name.invoice': 'La factura',
  'share.template.name.reminder_upcoming': 'Recordatorio antes del vencimiento',
  'share.template.name.reminder_due': 'Recordatorio el día del vencimiento',
  'share.template.name.reminder_overdue': 'Recordatorio: vencida',
  'share.preview.title': 'Lo que recibe {customer}, en {language}',
  'share.preview.subject': 'Asunto',
  'share.preview.attachment': 'Adjunto: el PDF de la factura',
  'share.send': 'Enviar',
  'share.sending': 'Enviando…',
  'share.open.sms': 'Abrir en la app de SMS',
  'share.open.whatsapp': 'Abrir WhatsApp',
  'share.copy.message': 'Copiar mensaje',
  'share.copy.link': 'Copiar enlace de pago',
  'share.copied': 'Copiado.',
  'share.no_link':
    'Esta factura aún no tiene enlace de pago (no está en un proveedor de pagos, o todavía no ha llegado).',
  'share.provider.api': '{provider} envía su propio correo o SMS con el enlace de pago.',
  'share.provider.at_creation':
    '{provider} envía la factura por correo al crearla; todavía está en cola, así que Kassa puede pedirlo ahora.',
  'share.provider.automatic': '{provider} envía la factura por correo al pagador por sí mismo: no hay nada que enviar.',
  'share.outcome.sent': '{to, select, none {Enviada.} other {Enviada a {to}.}}',
  'share.outcome.queued': 'En cola: Kassa la enviará en cuanto pueda.',
  'share.outcome.failed': 'No se envió.',
  'share.outcome.needs_review': 'Kassa no puede saber si salió: revísalo abajo o en Sincronización.',
  'share.outcome.by_provider': 'El proveedor la envía por sí mismo.',
  'share.outcome.prepared':
    '{route, select, sms {Se abrió la app de SMS con el mensaje: envíalo desde allí.} other {Se abrió WhatsApp con el mensaje: envíalo desde allí.}}',
  'share.deliveries.title': 'Envíos',
  'share.deliveries.item': '{op, select, send {Correo} other {A través del proveedor}}',

  'settings.smtp.title': 'Correo (tu servidor de correo)',
  'settings.smtp.intro':
    'Las facturas que envíes por correo salen por tu propio servidor (SMTP), desde tu dirección, con el PDF adjunto.',
  'settings.smtp.host': 'Servidor de correo (host SMTP)',
  'settings.smtp.port': 'Puerto',
  'settings.smtp.tls': 'Cifrado',
  'settings.smtp.tls.tls': 'TLS (normalmente el puerto 465)',
  'settings.smtp.tls.starttls': 'STARTTLS (normalmente el puerto 587)',
  'settings.smtp.tls.none': 'Ninguno (solo un servidor de este equipo)',
  'settings.smtp.user': 'Usuario',
  'settings.smtp.password': 'Contraseña',
  'settings.smtp.password_set': 'Guardada: déjalo vacío para conservarla',
  'settings.smtp.password_note':
    'La contraseña va solo al llavero del sistema y no se vuelve a mostrar. Si cambias aquí el servidor, se borra: vuelve a escribirla.',
  'settings.smtp.from': 'Dirección del remitente',
  'settings.smtp.saved': 'Guardado.',
  'settings.smtp.test_to': 'Enviar un correo de prueba a',
  'settings.smtp.test': 'Enviar correo de prueba',
  'settings.smtp.test_ok': 'Correo de prueba enviado a {to} (el servidor respondió {response}).',
} satisfies Translation<typeof en>;
