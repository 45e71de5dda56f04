import type { CliCommand } from '../framework';

export const appCommands: CliCommand[] = [
  {
    path: 'info',
    summary: 'Version, data directory, ledger file and counts, as JSON.',
    run: (ctx) => ctx.call('app.info', {}),
  },
];
