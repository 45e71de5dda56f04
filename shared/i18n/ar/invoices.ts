import type en from '../en/invoices';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
