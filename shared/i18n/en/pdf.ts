/** PDF documents (labels in the customer's language) and the PDF export screen. */
export default {} as const;
