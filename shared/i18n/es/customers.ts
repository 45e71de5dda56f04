import type en from '../en/customers';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
