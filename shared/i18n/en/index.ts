/** The English catalogue: one file per domain, so engineers adding keys in different areas do not collide. */
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
};

export const en = {
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
