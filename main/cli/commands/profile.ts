/** `kassa profile show|set`. */
import type { MethodInput } from '../../../shared/api';
import { invalid } from '../../../shared/errors';
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
    summary: 'Changes the business profile: {name, address, email, phone, taxId, vatId, locale, defaultCurrency, paymentTermsDays, logo:{mime,base64}|null}.',
    async run(ctx) {
      const d = await ctx.data();
      if (typeof d !== 'object' || d === null || Array.isArray(d)) throw invalid('invalid_data', '--data must be a JSON object.', 'data');
      return ctx.call('profile.set', d as MethodInput<'profile.set'>);
    },
  },
];
