/** The Spanish catalogue (same domains and keys as English; the type checker holds it to that). */
import common from './common';
import errors from './errors';
import invoices from './invoices';
import customers from './customers';
import ledger from './ledger';
import accounts from './accounts';
import providers from './providers';
import sync from './sync';
import pdf from './pdf';
import settings from './settings';
import ledgerSettings from './ledger-settings';
import cli from './cli';
import share from './share';
import validation from './validation';
import storage from './storage';
import recurring from './recurring';
import quotes from './quotes';
import reminders from './reminders';
import books from './books';
import type { domains as english } from '../en';

export const domains = {
  common,
  errors,
  invoices,
  customers,
  ledger,
  accounts,
  providers,
  sync,
  pdf,
  settings,
  ledgerSettings,
  cli,
  validation,
  storage,
  recurring,
  share,
  quotes,
  reminders,
  books,
} satisfies Record<keyof typeof english, object>;

export const es = {
  ...common,
  ...errors,
  ...invoices,
  ...customers,
  ...ledger,
  ...accounts,
  ...providers,
  ...sync,
  ...pdf,
  ...settings,
  ...ledgerSettings,
  ...cli,
  ...validation,
  ...storage,
  ...recurring,
  ...share,
  ...quotes,
  ...reminders,
  ...books,
};
