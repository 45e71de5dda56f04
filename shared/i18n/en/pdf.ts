/** PDF documents (labels in the customer's language) and the PDF export screen. */
export default {
  'pdf.export.title': 'Export invoices as PDF',
  'pdf.export.intro':
    'One PDF/A-3b file per invoice issued in the range, named by its number, with the Factur-X (EN 16931) data attached. Leave both dates empty to export every invoice, drafts included.',
  'pdf.export.from': 'From',
  'pdf.export.to': 'To',
  'pdf.export.start': 'Export PDFs',
  'pdf.export.state.running': 'Exporting…',
  'pdf.export.state.done': 'Done',
  'pdf.export.state.cancelled': 'Cancelled',
  'pdf.export.state.failed': 'Failed',
  'pdf.export.progress': '{done, number} of {total, plural, one {# invoice} other {# invoices}}',
  'pdf.export.summary': '{written, number} written · {seconds} s',
  'pdf.export.summary_failed': '{written, number} written, {failed, number} failed · {seconds} s',
  'pdf.export.folder': 'Folder:',
  'pdf.preview.show': 'Show PDF',
  'pdf.preview.hide': 'Hide PDF',
  'pdf.preview.download': 'Download {file}',
  'pdf.preview.facts': '{pages, plural, one {# page} other {# pages}} · {kb, number} KB · PDF/A-3b',
  'pdf.preview.facts_facturx':
    '{pages, plural, one {# page} other {# pages}} · {kb, number} KB · PDF/A-3b with Factur-X (EN 16931)',
  'pdf.preview.rendering': 'Rendering…',
  'pdf.preview.facturx_incomplete': 'The attached e-invoice data is incomplete for EN 16931.',
  'pdf.preview.facturx_needs': 'Bookkeeping software may refuse it until the business profile or the customer has:',
  'pdf.preview.frame_title': 'PDF of {file}',
  // Settlement rows under the totals, and a credit note's payment terms.
  'pdf.credited': 'Credited',
  'pdf.refunded': 'Refunded',
  'pdf.refund_due': 'Due to you',
  'pdf.credit_note_set_off': 'Set off against invoice {number}; nothing is to be paid.',
  'pdf.credit_note_set_off_unnamed': 'Set off against the invoice it corrects; nothing is to be paid.',
} as const;
