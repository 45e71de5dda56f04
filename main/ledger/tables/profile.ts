/** Owner of the `profile` table: the business profile, a single row created by the first migration. */
import type { Database as Db } from 'better-sqlite3';
import type { ProfileSetInput } from '../../../shared/contract/ledger';
import type { Address, BusinessProfile, VatCategory } from '../../../shared/domain';
import type { DefaultTax } from '../../../shared/tax-default';
import type { DocumentLayout } from '../../../shared/document-style';
import type { Digits, Language } from '../../../shared/i18n/languages';
import type { LedgerCtx } from '../context';
import { stmt } from '../sql';
import { e164 } from './customers';

interface ProfileRow {
  name: string;
  address_json: string;
  email: string | null;
  phone: string | null;
  tax_id: string | null;
  vat_id: string | null;
  locale: string;
  default_currency: string;
  payment_terms_days: number;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  logo: Buffer | null;
  default_tax_rate_id: string | null;
  language: Language | null;
  document_layout: DocumentLayout;
  document_digits: Digits;
}

export function getProfile(db: Db, opts: { withLogo?: boolean } = {}): BusinessProfile {
  const r = stmt<ProfileRow>(
    db,
    `SELECT name, address_json, email, phone, tax_id, vat_id, locale, default_currency, payment_terms_days, logo_mime,
            ${opts.withLogo === false ? 'NULL AS logo' : 'logo'}, default_tax_rate_id, language, document_layout, document_digits
     FROM profile WHERE id = 1`,
  ).get();
  if (!r) throw new Error('profile row missing (migration 001 creates it)');
  const p: BusinessProfile = {
    name: r.name,
    address: JSON.parse(r.address_json) as Address,
    locale: r.locale,
    defaultCurrency: r.default_currency,
    paymentTermsDays: r.payment_terms_days,
    logo: r.logo_mime && r.logo ? { mime: r.logo_mime, base64: r.logo.toString('base64') } : null,
    documentLayout: r.document_layout,
    documentDigits: r.document_digits,
  };
  if (r.language) p.language = r.language;
  if (r.email) p.email = r.email;
  if (r.phone) p.phone = r.phone;
  if (r.tax_id) p.taxId = r.tax_id;
  if (r.vat_id) p.vatId = r.vat_id;
  if (r.default_tax_rate_id) p.defaultTaxRateId = r.default_tax_rate_id;
  return p;
}

/** Days between issue and due date when a draft sets none (read alone: issuing needs nothing else of the profile). */
export function paymentTermsDaysOf(db: Db): number {
  return stmt<{ d: number }>(db, `SELECT payment_terms_days AS d FROM profile WHERE id = 1`).get()?.d ?? 0;
}

/** The default tax rate's figures (null when none is set): what lines that name no tax get. */
export function getDefaultTax(db: Db): DefaultTax | null {
  const r = stmt<{ rate: string; category: VatCategory; exemption_reason: string | null }>(
    db,
    `SELECT t.rate, t.category, t.exemption_reason FROM profile p JOIN tax_rates t ON t.id = p.default_tax_rate_id WHERE p.id = 1`,
  ).get();
  if (!r) return null;
  return r.exemption_reason
    ? { rate: r.rate, category: r.category, exemptionReason: r.exemption_reason }
    : { rate: r.rate, category: r.category };
}

/** Drops empty parts so stored addresses compare equal however they were entered. */
export function cleanAddress(a: Record<string, string | null | undefined> | undefined): Address {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a ?? {})) if (typeof v === 'string' && v !== '') out[k] = v;
  return out as Address;
}

/** "" and null clear, undefined keeps. */
const patch = <T>(next: T | null | undefined, current: T | null): T | null =>
  next === undefined ? current : next === null || next === '' ? null : next;

export function setProfile(ctx: LedgerCtx, input: ProfileSetInput): void {
  const cur = stmt<ProfileRow>(ctx.db, `SELECT * FROM profile WHERE id = 1`).get();
  if (!cur) throw new Error('profile row missing');
  const logo = input.logo === undefined ? undefined : input.logo === null ? null : input.logo;
  stmt(
    ctx.db,
    `UPDATE profile SET name = @name, address_json = @address_json, email = @email, phone = @phone, tax_id = @tax_id, vat_id = @vat_id,
       locale = @locale, default_currency = @default_currency, payment_terms_days = @payment_terms_days, logo_mime = @logo_mime, logo = @logo,
       default_tax_rate_id = @default_tax_rate_id, language = @language, document_layout = @document_layout,
       document_digits = @document_digits, updated_at = @updated_at
     WHERE id = 1`,
  ).run({
    name: input.name ?? cur.name,
    address_json: input.address === undefined ? cur.address_json : JSON.stringify(cleanAddress(input.address)),
    email: patch(input.email, cur.email),
    phone: input.phone
      ? e164(input.phone, (input.address ?? (JSON.parse(cur.address_json) as Address)).country)
      : patch(input.phone, cur.phone),
    tax_id: patch(input.taxId, cur.tax_id),
    vat_id: patch(input.vatId, cur.vat_id),
    locale: input.locale ?? cur.locale,
    default_currency: input.defaultCurrency ?? cur.default_currency,
    payment_terms_days: input.paymentTermsDays ?? cur.payment_terms_days,
    logo_mime: logo === undefined ? cur.logo_mime : logo === null ? null : logo.mime,
    logo: logo === undefined ? cur.logo : logo === null ? null : Buffer.from(logo.base64, 'base64'),
    default_tax_rate_id: input.defaultTaxRateId === undefined ? cur.default_tax_rate_id : input.defaultTaxRateId,
    language: input.language === undefined ? cur.language : input.language,
    document_layout: input.documentLayout ?? cur.document_layout,
    document_digits: input.documentDigits ?? cur.document_digits,
    updated_at: ctx.now.toISOString(),
  });
}
