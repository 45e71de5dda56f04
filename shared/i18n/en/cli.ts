/** Command-line usage errors and help (English only is read by scripts, but every language has them). */
export default {} as const;
