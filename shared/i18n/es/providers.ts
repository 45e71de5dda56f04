import type en from '../en/providers';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
