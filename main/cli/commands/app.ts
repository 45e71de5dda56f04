import type { MethodInput } from '../../../shared/api';
import type { CliCommand } from '../framework';

export const appCommands: CliCommand[] = [
  {
    path: 'info',
    summary: 'Version, data directory, ledger file and counts, as JSON.',
    run: (ctx) => ctx.call('app.info', {}),
  },
  {
    path: 'preferences show',
    summary: "The app's UI language (null: follows the system) and digits.",
    run: (ctx) => ctx.call('app.preferences', {}),
  },
  {
    path: 'preferences set',
    usage: "--data '<json>' | --data -",
    summary: 'Changes the UI language and digits: {language: "en"|"ar"|"es"|null, digits: "latn"|"arab"}.',
    async run(ctx) {
      return ctx.call('app.setPreferences', (await ctx.dataObject()) as MethodInput<'app.setPreferences'>);
    },
  },
];
