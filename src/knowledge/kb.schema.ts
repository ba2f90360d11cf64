import { z } from 'zod';

/**
 * The one schema for knowledge-base data: the built-in tables (validated when the KB is built, and by the
 * contract test) and local overlay files (`kb.overlays`, `--kb-overlay`, `genproof kb validate`) use it alike.
 * Every fact carries its source; strengths are the three tiers of FACTS.md ('primary' = official).
 */

/** `YYYY-MM-DD` or `YYYY-MM` (month precision). */
export const kbDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a date YYYY-MM-DD or YYYY-MM');
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.object({
  ref: text,
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD'),
  strength: z.enum(['primary', 'press', 'third-party']),
  via: text.optional(),
  local: text.optional(),
}).strict();

const noteFields = { note: text, note_zh: text, source: sourceSchema };

export const productEndSchema = z.object({ on: day, ...noteFields }).strict();

export const accessPeriodSchema = z.object({
  status: z.enum(['preview', 'public', 'ended']),
  from: kbDate,
  until: kbDate.optional(),
  ...noteFields,
}).strict();

export const productReleaseSchema = z.object({
  product: z.enum(['app', 'api', 'account']),
  from: kbDate,
  until: day.optional(),
  end: productEndSchema.optional(),
  ...noteFields,
}).strict().superRefine((p, ctx) => {
  if ((p.until === undefined) !== (p.end === undefined)) {
    ctx.addIssue({ code: 'custom', path: [p.until ? 'end' : 'until'], message: '`until` and `end` (with its source) go together' });
  } else if (p.until && p.end && p.until !== p.end.on) {
    ctx.addIssue({ code: 'custom', path: ['end', 'on'], message: `must equal until (${p.until})` });
  }
});

export const outputLimitSchema = z.object({
  from: kbDate,
  release: text,
  basis: z.enum(['product', 'research', 'reference']),
  maxDurationS: z.number().positive().nullable(),
  maxLongSide: z.number().int().positive().nullable(),
  maxShortSide: z.number().int().positive().nullable(),
  note: text,
  source: sourceSchema,
}).strict();

export const visibleMarkSchema = z.object({ text, note: text, source: sourceSchema }).strict();

export const c2paIdentitySchema = z.object({
  claimGenerator: text.optional(),
  softwareAgent: text.optional(),
  organization: text.optional(),
  organizationalUnit: text.optional(),
  commonName: text.optional(),
  note: text,
  source: sourceSchema,
}).strict();

const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a kebab-case slug (a-z, 0-9, ".", "-")');

const generatorShape = {
  slug,
  family: slug,
  name: text,
  vendor: text,
  vendor_zh: text,
  kind: z.enum(['video', 'image']),
  openSource: z.boolean(),
  aliases: z.object({ en: z.array(text), zh: z.array(text), family: z.array(text).optional() }).strict(),
  announced: kbDate,
  existedBefore: z.boolean().optional(),
  firstPublic: kbDate.nullable(),
  access: z.array(accessPeriodSchema),
  products: z.array(productReleaseSchema),
  limits: z.array(outputLimitSchema),
  marks: z.array(visibleMarkSchema),
  c2pa: z.array(c2paIdentitySchema),
  sources: z.array(sourceSchema).min(1, 'a generator needs at least one source'),
};

export const generatorSchema = z.object(generatorShape).strict();

/** A change to a built-in generator: the slug plus any fields; list entries are merged (see kb.overlay.ts). */
export const generatorPatchSchema = z.object({
  ...Object.fromEntries(Object.entries(generatorShape).map(([k, v]) => [k, v.optional()])),
  slug,
}).strict();

const personSchema = z.object({ en: text, alt: z.array(text).optional(), zh: z.array(text).optional() }).strict();

export const factSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/, 'expected a snake_case id'),
  subject: text,
  date: kbDate,
  text,
  text_zh: text,
  source: sourceSchema,
  people: z.array(personSchema).optional(),
}).strict();

export const officialChannelSchema = z.object({
  vendor: text,
  domain: z.string().regex(/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a lower-case domain name such as openai.com'),
  what: text,
  source: sourceSchema,
}).strict();

/** A local overlay file. */
export const overlaySchema = z.object({
  /** Facts up to this date are known to the overlay's author (moves the KB's horizon when later). */
  as_of: day.optional(),
  generators: z.array(generatorPatchSchema).default([]),
  facts: z.array(factSchema).default([]),
  official_domains: z.array(officialChannelSchema).default([]),
}).strict();

export type Overlay = z.infer<typeof overlaySchema>;
export type GeneratorPatch = z.infer<typeof generatorPatchSchema>;

/** `generators[3].products[0].until` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}
