import type en from '../en/pdf';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
