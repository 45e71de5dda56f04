/**
 * Sharing invoices: the messages sent to customers (in the customer's document language) and the share dialog,
 * SMTP settings and outcomes (in the reader's language).
 */
export default {
  // Who a message greets when the invoice names no customer (an import the provider gave no name).
  'share.customer_unnamed': 'customer',
  // ---- what the customer receives: one subject, body (e-mail) and short text (SMS, WhatsApp) per template ----
  'share.template.invoice.subject':
    '{kind, select, credit_note {Credit note} other {Invoice}} {number} from {business}',
  'share.template.invoice.body':
    'Hello {customer},\n\n{kind, select, credit_note {Please find attached credit note {number} for {total}.} other {Please find attached invoice {number} for {total}{hasDue, select, yes {, due on {dueDate, date, long}} other {}}.}}{hasLink, select, yes {\n\nPay online: {link}} other {}}\n\nKind regards,\n{business}',
  'share.template.invoice.short':
    '{business}: {kind, select, credit_note {credit note} other {invoice}} {number} for {total}.{hasLink, select, yes { Pay online: {link}} other {}}',
  'share.template.reminder_upcoming.subject': 'Reminder: invoice {number} is due on {dueDate, date, long}',
  'share.template.reminder_upcoming.body':
    'Hello {customer},\n\nA friendly reminder that invoice {number} ({balance} outstanding) is due on {dueDate, date, long}. The invoice is attached.{hasLink, select, yes {\n\nPay online: {link}} other {}}\n\nKind regards,\n{business}',
  'share.template.reminder_upcoming.short':
    '{business}: invoice {number} ({balance}) is due on {dueDate, date, long}.{hasLink, select, yes { Pay online: {link}} other {}}',
  'share.template.reminder_due.subject': 'Invoice {number} is due today',
  'share.template.reminder_due.body':
    'Hello {customer},\n\nInvoice {number} ({balance} outstanding) is due today. The invoice is attached.{hasLink, select, yes {\n\nPay online: {link}} other {}}\n\nKind regards,\n{business}',
  'share.template.reminder_due.short':
    '{business}: invoice {number} ({balance}) is due today.{hasLink, select, yes { Pay online: {link}} other {}}',
  'share.template.reminder_overdue.subject':
    'Overdue: invoice {number} ({days, plural, one {# day} other {# days}} past due)',
  'share.template.reminder_overdue.body':
    'Hello {customer},\n\nInvoice {number} was due on {dueDate, date, long} and {balance} is still outstanding ({days, plural, one {# day} other {# days}} past due). The invoice is attached. If you have already paid, please ignore this message.{hasLink, select, yes {\n\nPay online: {link}} other {}}\n\nKind regards,\n{business}',
  'share.template.reminder_overdue.short':
    '{business}: invoice {number} ({balance}) is {days, plural, one {# day} other {# days}} past due.{hasLink, select, yes { Pay online: {link}} other {}}',

  'share.test_mail.subject': 'Kassa test e-mail from {business}',
  'share.test_mail.body':
    'This is a test message from Kassa: your e-mail settings work. Invoices you share by e-mail are sent the same way.',

  // ---- errors ----
  'error.share_draft': 'A draft cannot be shared: issue it first.',
  'error.share_recipient_missing':
    '{route, select, email {Enter the customer’s e-mail address.} other {Enter the customer’s mobile number.}}',
  'error.email_invalid': 'This is not an e-mail address (e.g. name@example.com).',
  'error.share_no_provider': 'This invoice was not sent to a payment provider, so no provider can send it.',
  'error.share_provider_cannot':
    '{provider} cannot send invoices: send the payment link yourself (e-mail, SMS or WhatsApp).',
  'error.share_provider_sent_at_creation':
    'Kassa asked {provider} to send this invoice to the customer’s e-mail address when it created it there; {provider}’s documentation does not say whether that e-mails them, so send the payment link yourself too (e-mail, SMS or WhatsApp).',
  'error.share_provider_channel': '{provider} sends invoices only by {channels}.',
  'error.share_provider_at_creation_only':
    '{provider} e-mails an invoice only when it creates it, and this one was already sent to {provider}. Send it by e-mail, SMS or WhatsApp instead.',
  'error.share_may_have_been_sent':
    'Kassa stopped while the mail server was receiving this message, so it may have been sent. Check the recipient’s inbox or your Sent folder; retry to send it again, or mark it resolved.',
  'error.smtp_not_configured': 'Set up your e-mail server in Settings (SMTP) first.',
  'error.smtp_password_missing': 'The SMTP password is not in the keychain: enter it again in Settings.',
  'error.smtp_password_input': 'Standard input must be a JSON object with one text field, "password".',
  'error.smtp_host_invalid': 'Enter the mail server’s host name (e.g. smtp.example.com).',
  'error.smtp_port_invalid': 'The port is a whole number from 1 to 65535 (465 for TLS, 587 for STARTTLS).',
  'error.smtp_from_invalid': 'The From address is not an e-mail address (e.g. billing@example.com).',
  'error.smtp_plain_needs_loopback':
    'Without encryption ("none") Kassa only talks to a mail server on this computer (localhost); choose TLS or STARTTLS for {host}.',
  'error.smtp_unreachable':
    'Cannot reach the mail server {host}:{port} (no network, or the server is down). Kassa tries again.',
  'error.smtp_host_not_found': 'The mail server {host} was not found (no network, or a typo in the host name).',
  'error.smtp_timeout': 'The mail server {host}:{port} did not answer in time.',
  'error.smtp_tls_certificate':
    'The mail server’s certificate was refused: {check, select, self_signed {it is self-signed} expired {it has expired} not_yet_valid {it is not valid yet} hostname {it is not issued for {host}} untrusted {it is not signed by a trusted authority} other {it could not be verified}}. Kassa does not send your password or mail over a connection it cannot verify.',
  'error.smtp_tls_handshake':
    'The secure connection to {host}:{port} failed{mode, select, tls { (the server may expect STARTTLS on this port: try STARTTLS, usually port 587)} other {}}.',
  'error.smtp_starttls_unavailable':
    'The mail server {host}:{port} does not offer STARTTLS, so Kassa will not send over it (try TLS, usually port 465).',
  'error.smtp_auth_failed': 'The mail server refused the user name or password ({status}).',
  'error.smtp_auth_unavailable': 'The mail server does not offer a login Kassa can use ({status}).',
  'error.smtp_sender_refused': 'The mail server refused the From address ({status}).',
  'error.smtp_recipient_refused': 'The mail server refused the recipient address ({status}).',
  'error.smtp_message_refused': 'The mail server refused the message ({status}).',
  'error.smtp_temporary': 'The mail server is busy or refused the message for now ({status}); Kassa tries again.',
  'error.smtp_connection_lost': 'The connection to the mail server was lost.',

  // ---- history of an invoice ----
  'history.action.share_queued': 'share queued',
  'history.action.shared': 'shared',
  'history.action.share_failed': 'sharing failed',
  'history.action.share_needs_review': 'share needs a look',
  'history.action.share_prepared': 'message prepared',
  'share.history.via':
    '{route, select, email {by e-mail} provider {through the provider} sms {by SMS} whatsapp {by WhatsApp} other {}}{to, select, none {} other { to {to}}}',

  // ---- field labels (validation messages name the field) ----
  'field.host': 'mail server',
  'field.port': 'port',
  'field.tls': 'encryption',
  'field.user': 'user name',
  'field.password': 'password',
  'field.route': 'route',
  'field.template': 'message',
  'field.copyToSelf': 'copy to me',

  // ---- the share dialog (invoice page) ----
  'share.action': 'Share…',
  'share.dialog.title': 'Share {number}',
  'share.route.label': 'Send by',
  'share.route.email': 'E-mail from your address',
  'share.route.provider': 'Through {provider}',
  'share.route.provider_none': 'Through the payment provider',
  'share.route.sms': 'SMS',
  'share.route.whatsapp': 'WhatsApp',
  'share.to.email': 'To (e-mail address)',
  'share.to.phone': 'To (mobile number)',
  'share.to.provider': 'To (e-mail address or mobile number)',
  'share.to.country': 'A local number is read as a number in {country}.',
  'share.copy_self': 'Send me a copy ({from})',
  'share.template.label': 'Message',
  'share.template.name.invoice': 'The invoice',
  'share.template.name.reminder_upcoming': 'Reminder before the due date',
  'share.template.name.reminder_due': 'Reminder on the due date',
  'share.template.name.reminder_overdue': 'Reminder: overdue',
  'share.preview.title': 'What {customer} receives, in {language}',
  'share.preview.subject': 'Subject',
  'share.preview.attachment': 'Attached: the invoice PDF',
  'share.send': 'Send',
  'share.sending': 'Sending…',
  'share.open.sms': 'Open in the SMS app',
  'share.open.whatsapp': 'Open WhatsApp',
  'share.copy.message': 'Copy message',
  'share.copy.link': 'Copy payment link',
  'share.copied': 'Copied.',
  'share.no_link': 'This invoice has no payment link yet (it is not at a payment provider, or not there yet).',
  'share.provider.api': '{provider} sends its own e-mail or SMS with the payment link.',
  'share.provider.at_creation':
    '{provider} e-mails the invoice when it creates it; it is still queued, so Kassa can ask for that now.',
  'share.provider.automatic': '{provider} e-mails the invoice to the payer by itself: there is nothing to send.',
  'share.outcome.sent': '{to, select, none {Sent.} other {Sent to {to}.}}',
  'share.outcome.queued': 'Queued: Kassa sends it by itself as soon as it can.',
  'share.outcome.failed': 'Not sent.',
  'share.outcome.needs_review': 'Kassa cannot tell whether it went out: look at it below or in Sync.',
  'share.outcome.by_provider': 'The provider sends it by itself.',
  'share.outcome.prepared':
    '{route, select, sms {The SMS app was opened with the message: send it from there.} other {WhatsApp was opened with the message: send it from there.}}',
  'share.deliveries.title': 'Deliveries',
  'share.deliveries.item': '{op, select, send {E-mail} other {Through the provider}}',

  // ---- Settings: the user's mail server ----
  'settings.smtp.title': 'E-mail (your mail server)',
  'settings.smtp.intro':
    'Invoices you share by e-mail go out through your own mail server (SMTP), from your address, with the PDF attached.',
  'settings.smtp.host': 'Mail server (SMTP host)',
  'settings.smtp.port': 'Port',
  'settings.smtp.tls': 'Encryption',
  'settings.smtp.tls.tls': 'TLS (usually port 465)',
  'settings.smtp.tls.starttls': 'STARTTLS (usually port 587)',
  'settings.smtp.tls.none': 'None (a server on this computer only)',
  'settings.smtp.user': 'User name',
  'settings.smtp.password': 'Password',
  'settings.smtp.password_set': 'Stored — leave empty to keep it',
  'settings.smtp.password_note':
    'The password goes only to your system keychain and is never shown again. Changing the server here removes it: enter it again.',
  'settings.smtp.from': 'From address',
  'settings.smtp.saved': 'Saved.',
  'settings.smtp.test_to': 'Send a test e-mail to',
  'settings.smtp.test': 'Send test e-mail',
  'settings.smtp.test_ok': 'Test e-mail sent to {to} (server answered {response}).',
} as const;
