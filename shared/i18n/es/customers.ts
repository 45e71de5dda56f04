import type en from '../en/customers';
import type { Translation } from '../types';

export default {
  'customers.import.unreadable': 'No se pudo leer el CSV: {detail}',
  'customers.import.empty': 'El CSV está vacío; necesita una fila de encabezado con al menos una columna "name".',
  'customers.import.unknown_column': 'Columna desconocida «{column}». Conocidas: {known}.',
  'customers.import.no_name_column': 'El encabezado no tiene una columna "name".',
} satisfies Translation<typeof en>;
