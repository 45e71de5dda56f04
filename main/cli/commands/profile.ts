/** `kassa profile show|set`, `kassa tax list|add|update|default`. */
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
      'Changes the business profile: {name, address, email, phone, taxId, vatId, locale, defaultCurrency, paymentTermsDays, defaultTaxRateId, logo:{mime,base64}|null}.',
    async run(ctx) {
      return ctx.call('profile.set', (await ctx.dataObject()) as MethodInput<'profile.set'>);
    },
  },
  {
    path: 'tax list',
    usage: '[--all]',
    summary: "Tax rates (with --all, archived ones too); the default one is the profile's defaultTaxRateId.",
    options: { all: { type: 'boolean' } },
    run: (ctx) => ctx.call('taxRate.list', { includeArchived: ctx.values.all === true }),
  },
  {
    path: 'tax add',
    usage: '--name NAME --rate 7.5 [--category S|Z|E|AE|K|G|O|L|M] [--reason TEXT] [--default]',
    summary:
      'Adds a tax rate. The category follows from the rate (above 0: S, 0: Z) unless given; exemptions need --reason. --default makes new lines use it.',
    options: {
      name: { type: 'string' },
      rate: { type: 'string' },
      category: { type: 'string' },
      reason: { type: 'string' },
      default: { type: 'boolean' },
    },
    run(ctx) {
      const input = {
        name: ctx.requireString('name'),
        rate: ctx.requireString('rate'),
        ...ctx.strings({ category: 'category', reason: 'exemptionReason' }),
        makeDefault: ctx.values.default === true,
      };
      return ctx.call('taxRate.create', input as MethodInput<'taxRate.create'>);
    },
  },
  {
    path: 'tax update',
    usage: "ID --data '<json>' | --data -",
    summary:
      'Changes or archives a tax rate ({name, rate, category, exemptionReason, archived}); lines already written keep their copy.',
    async run(ctx) {
      const id = ctx.positional(0, 'ID');
      return ctx.call('taxRate.update', { ...(await ctx.dataObject()), id } as MethodInput<'taxRate.update'>);
    },
  },
  {
    path: 'tax default',
    usage: 'ID | --none',
    summary: 'Makes a tax rate the default that new lines use (lines given without taxRate/taxCategory), or clears it.',
    options: { none: { type: 'boolean' } },
    async run(ctx) {
      const id = ctx.values.none === true ? null : ctx.positional(0, 'ID');
      return ctx.call('profile.set', { defaultTaxRateId: id });
    },
  },
];
