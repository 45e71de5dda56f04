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
  'error.pdf_render_failed': 'The PDF could not be made: {detail}',
  'error.pdf_export_failed': 'The PDF export failed: {detail}',
  'error.export_incomplete':
    '{failed, number} of {total, plural, one {# invoice} other {# invoices}} could not be written; see errors.',
  'pdf.export.label_range': 'PDF export {from} – {to}',
  'pdf.export.label_all': 'PDF export (all invoices)',
  'pdf.facturx.country':
    "{rule}: the {who, select, seller {seller} other {buyer}}'s address needs an ISO 3166-1 alpha-2 country code.",
  'pdf.facturx.decimals': '{rule}: {currency} amounts have more than 2 decimals, which EN 16931 does not allow.',
  'pdf.facturx.number': '{rule}: the invoice has no number (drafts are not invoices).',
  'pdf.facturx.issue_date': '{rule}: the invoice has no issue date.',
  'pdf.facturx.seller_name': '{rule}: the seller has no name.',
  'pdf.facturx.buyer_name': '{rule}: the buyer has no name.',
  'pdf.facturx.o_mixed': '{rule}: "not subject to VAT" (O) lines cannot be mixed with other VAT categories.',
  'pdf.facturx.seller_tax_id': '{rule}: the seller needs a VAT id or a tax registration id in the business profile.',
  'pdf.facturx.seller_id_o':
    '{rule}: an invoice not subject to VAT may not carry a VAT id, and Kassa records no other seller identifier (BT-29/BT-30).',
  'pdf.facturx.seller_vat_id': '{rule}: the seller needs a VAT id in the business profile to be identifiable.',
  'pdf.facturx.seller_vat_reverse': '{rule}: reverse-charge, intra-community and export lines need the seller VAT id.',
  'pdf.facturx.buyer_vat_reverse': '{rule}: reverse-charge and intra-community lines need the buyer VAT id.',
  'pdf.facturx.intra_delivery':
    '{rule}: intra-community supplies need a delivery date and deliver-to country, which Kassa does not record.',
  'pdf.facturx.vat_prefix':
    '{rule}: the {who, select, seller {seller} other {buyer}} VAT id must start with a country prefix (e.g. DE, FR).',
  'pdf.facturx.exemption_reason': '{rule}: VAT category {category} needs an exemption reason.',
  'pdf.facturx.due_date': '{rule}: an amount is due, so the invoice needs a due date or payment terms.',
} as const;
