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
} satisfies Translation<typeof en>;
