/** The customers screen and customer form. */
export default {} as const;
