/** `kassa profile show|set`. */
import type { MethodInput } from '../../../shared/api';
import type { CliCommand } from '../framework';

export const profileCommands: CliCommand[] = [
  {
    path: 'profile show',
    summary: 'The business profile.',
    run: (ctx) => ctx.call('profile.get', {}),
  },
  {
    path: 'profile set',
    usage: "--data '<json>' | --data -",
    summary:
      'Changes the business profile: {name, address, email, phone, taxId, vatId, locale, defaultCurrency, paymentTermsDays, logo:{mime,base64}|null}.',
    async run(ctx) {
      return ctx.call('profile.set', (await ctx.dataObject()) as MethodInput<'profile.set'>);
    },
  },
];
