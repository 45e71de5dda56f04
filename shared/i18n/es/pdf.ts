import type en from '../en/pdf';
import type { Translation } from '../types';

export default {
  'pdf.export.title': 'Exportar facturas en PDF',
  'pdf.export.intro':
    'Un archivo PDF/A-3b por factura emitida en el periodo, con su número como nombre y los datos Factur-X (EN 16931) adjuntos. Deja las dos fechas vacías para exportar todas las facturas, borradores incluidos.',
  'pdf.export.from': 'Desde',
  'pdf.export.to': 'Hasta',
  'pdf.export.start': 'Exportar PDF',
  'pdf.export.state.running': 'Exportando…',
  'pdf.export.state.done': 'Hecho',
  'pdf.export.state.cancelled': 'Cancelado',
  'pdf.export.state.failed': 'Fallido',
  'pdf.export.progress': '{done, number} de {total, plural, one {# factura} other {# facturas}}',
  'pdf.export.summary': '{written, number} escritos · {seconds} s',
  'pdf.export.summary_failed': '{written, number} escritos, {failed, number} fallidos · {seconds} s',
  'pdf.export.folder': 'Carpeta:',
  'pdf.preview.show': 'Ver PDF',
  'pdf.preview.hide': 'Ocultar PDF',
  'pdf.preview.download': 'Descargar {file}',
  'pdf.preview.facts': '{pages, plural, one {# página} other {# páginas}} · {kb, number} KB · PDF/A-3b',
  'pdf.preview.facts_facturx':
    '{pages, plural, one {# página} other {# páginas}} · {kb, number} KB · PDF/A-3b con Factur-X (EN 16931)',
  'pdf.preview.rendering': 'Generando…',
  'pdf.preview.facturx_incomplete': 'Los datos de factura electrónica adjuntos están incompletos para EN 16931.',
  'pdf.preview.facturx_needs':
    'Los programas de contabilidad pueden rechazarlos hasta que el perfil de la empresa o el cliente tengan:',
  'pdf.preview.frame_title': 'PDF de {file}',
  'pdf.credited': 'Abonado',
  'pdf.refunded': 'Reembolsado',
  'pdf.refund_due': 'A su favor',
  'pdf.credit_note_set_off': 'Se compensa con la factura {number}; no hay nada que pagar.',
  'pdf.credit_note_set_off_unnamed': 'Se compensa con la factura que corrige; no hay nada que pagar.',
  'error.pdf_render_failed': 'No se pudo generar el PDF: {detail}',
  'error.pdf_export_failed': 'La exportación PDF falló: {detail}',
  'error.export_incomplete':
    'No se pudieron escribir {failed, number} de {total, plural, one {# factura} other {# facturas}}; consulta los errores.',
  'pdf.export.label_range': 'Exportación PDF {from} – {to}',
  'pdf.export.label_all': 'Exportación PDF (todas las facturas)',
  'pdf.facturx.country':
    '{rule}: la dirección del {who, select, seller {vendedor} other {comprador}} necesita un código de país ISO 3166-1 alfa-2.',
  'pdf.facturx.decimals': '{rule}: los importes en {currency} tienen más de 2 decimales, lo que EN 16931 no permite.',
  'pdf.facturx.number': '{rule}: la factura no tiene número (los borradores no son facturas).',
  'pdf.facturx.issue_date': '{rule}: la factura no tiene fecha de emisión.',
  'pdf.facturx.seller_name': '{rule}: el vendedor no tiene nombre.',
  'pdf.facturx.buyer_name': '{rule}: el comprador no tiene nombre.',
  'pdf.facturx.o_mixed': '{rule}: las líneas «no sujetas a IVA» (O) no pueden mezclarse con otras categorías de IVA.',
  'pdf.facturx.seller_tax_id':
    '{rule}: el vendedor necesita un NIF-IVA o un número de registro fiscal en el perfil de la empresa.',
  'pdf.facturx.seller_id_o':
    '{rule}: una factura no sujeta a IVA no puede llevar NIF-IVA, y Kassa no registra otro identificador del vendedor (BT-29/BT-30).',
  'pdf.facturx.seller_vat_id':
    '{rule}: el vendedor necesita un NIF-IVA en el perfil de la empresa para ser identificable.',
  'pdf.facturx.seller_vat_reverse':
    '{rule}: las líneas con inversión del sujeto pasivo, intracomunitarias y de exportación necesitan el NIF-IVA del vendedor.',
  'pdf.facturx.buyer_vat_reverse':
    '{rule}: las líneas con inversión del sujeto pasivo e intracomunitarias necesitan el NIF-IVA del comprador.',
  'pdf.facturx.intra_delivery':
    '{rule}: las entregas intracomunitarias necesitan fecha y país de entrega, que Kassa no registra.',
  'pdf.facturx.vat_prefix':
    '{rule}: el NIF-IVA del {who, select, seller {vendedor} other {comprador}} debe empezar por el prefijo del país (p. ej., DE, FR).',
  'pdf.facturx.exemption_reason': '{rule}: la categoría de IVA {category} necesita un motivo de exención.',
  'pdf.facturx.due_date':
    '{rule}: hay un importe pendiente, así que la factura necesita fecha de vencimiento o condiciones de pago.',
} satisfies Translation<typeof en>;
