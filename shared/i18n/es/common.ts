import type en from '../en/common';
import type { Translation } from '../types';

export default {
  'app.name': 'Kassa',
  'common.loading': 'Cargando…',
  'common.save': 'Guardar',
  'common.cancel': 'Cancelar',
  'common.close': 'Cerrar',
  'common.dismiss': 'Descartar',
  'common.retry': 'Reintentar',
  'common.none': '—',
  'nav.main': 'Principal',
  'nav.invoices': 'Facturas',
  'nav.customers': 'Clientes',
  'nav.sync': 'Sincronización',
  'nav.pdf': 'Exportar PDF',
  'nav.settings': 'Ajustes',
  'facts.version': 'v{version}',
  'facts.ledger': 'Libro: {file}',
  'facts.invoices': '{count, plural, one {# factura} other {# facturas}}',
  'facts.customers': '{count, plural, one {# cliente} other {# clientes}}',
} satisfies Translation<typeof en>;
