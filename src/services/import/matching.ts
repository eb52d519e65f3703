/**
 * Who and where an import row is about, resolved in bulk for a chunk of rows: the desa (by code,
 * or by desa + kecamatan names), the posyandu (by name inside the desa), and the child — matched
 * to a registered child by the registry's rule (NIK; else name, birth date and mother in the same
 * desa) rather than registered twice. Lookups are cached for the whole file, so a child seen in
 * an earlier chunk costs nothing more.
 */
import { randomUUID } from 'node:crypto';
import { canAccessRegion, type Actor } from '../../core/access/scope.ts';
import { roleAllows } from '../../core/access/roles.ts';
import type { ImportField } from '../../core/import/columns.ts';
import type { RowIssue } from '../../core/import/issues.ts';
import type { ImportRecord } from '../../core/import/rows.ts';
import { regionSearchKey } from '../../core/regions/region-name.ts';
import { personNameKey } from '../../core/registry/rules.ts';
import {
  childrenByNik,
  childrenByVillageAndBirth,
  findVillages,
  findVillagesByName,
  insertChildren,
  posyanduOfVillages,
} from '../../db/queries/imports.ts';
import type { ChildRow, NewChild } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { createPosyandu } from '../registry/posyandu.ts';
import { refreshRollups } from '../dashboard/rollups.ts';

/** A child a row is about: registered (`isNew` false) or created by this import. */
export interface ChildRef {
  id: string;
  sex: 1 | 2;
  birthDate: string;
  regionCode: string;
  posyanduId: string;
  isNew: boolean;
}

type Failure = { code: string; field: ImportField; fields?: string };

/** 53 bits of a string's FNV-1a hashes: a compact Set key for a file's worth of rows. */
export function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

const posyanduKey = (name: string) =>
  personNameKey(name.replace(/^\s*(posyandu|pos)\b\.?/i, '')) || personNameKey(name);

/** A posyandu the row names that does not exist yet and that the importer may add. */
const CREATE = Symbol('create posyandu');

/** Cache sizes: beyond these the cache starts again (correct, only slower). */
const MAX_CACHED_CHILDREN = 200_000;

export interface MatchCounts {
  childrenMatched: number;
  childrenCreated: number;
  posyanduCreated: number;
}

export class RowMatcher {
  private readonly villages = new Map<string, string | Failure>();
  private readonly posyandu = new Map<string, Map<string, string>>();
  private readonly children = new Map<string, ChildRef | Failure>();
  private readonly matched = new Set<number>();
  private readonly previewPosyandu = new Set<string>();
  readonly counts: MatchCounts = { childrenMatched: 0, childrenCreated: 0, posyanduCreated: 0 };

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actor: Actor,
    private readonly mode: 'preview' | 'commit',
    private readonly columnOf: (field: ImportField) => string | null,
  ) {}

  private issue(record: ImportRecord, failure: Failure): RowIssue {
    return {
      row: record.row,
      field: failure.field,
      column: this.columnOf(failure.field),
      severity: 'error',
      code: failure.code,
      ...(failure.fields && { details: { fields: failure.fields } }),
    };
  }

  /**
   * Resolves the chunk's rows to children (creating the new ones when committing). Returns, per
   * record, its child or its issue.
   */
  async resolve(records: ImportRecord[]): Promise<(ChildRef | RowIssue)[]> {
    const villages = await this.resolveVillages(records);
    const out: (ChildRef | RowIssue | null)[] = records.map((r, i) => {
      const v = villages[i]!;
      return typeof v === 'string' ? null : this.issue(r, v);
    });
    const keys = records.map((r, i) => {
      const village = villages[i];
      return typeof village === 'string' ? identityKey(r, village) : '';
    });

    // Children: cache, then NIK, then (desa, birth date, name, mother) in the database.
    const unknown = new Map<string, { record: ImportRecord; village: string }>();
    records.forEach((r, i) => {
      if (out[i] || this.children.has(keys[i]!)) return;
      if (!unknown.has(keys[i]!))
        unknown.set(keys[i]!, { record: r, village: villages[i] as string });
    });
    if (unknown.size) await this.lookUpChildren(unknown);

    // New children: one per identity, from its first row.
    const fresh = new Map<string, { record: ImportRecord; village: string }>();
    for (const [key, value] of unknown) if (!this.children.has(key)) fresh.set(key, value);
    if (fresh.size) await this.createChildren(fresh);

    return records.map((r, i) => {
      if (out[i]) return out[i];
      const found = this.children.get(keys[i]!);
      if (!found) return this.issue(r, { code: 'not_stored', field: 'name' });
      if ('code' in found) return this.issue(r, found);
      // The same NIK with another birth date or sex, further down the file.
      const differs = differences(found, r, this.columnOf);
      if (differs) return this.issue(r, { code: 'child_mismatch', field: 'nik', fields: differs });
      if (!found.isNew) {
        const h = hash53(found.id);
        if (!this.matched.has(h)) {
          this.matched.add(h);
          this.counts.childrenMatched++;
        }
      }
      return found;
    });
  }

  private async resolveVillages(records: ImportRecord[]): Promise<(string | Failure)[]> {
    const byCode = [
      ...new Set(
        records.flatMap((r) =>
          r.villageCode && !this.villages.has(r.villageCode) ? [r.villageCode] : [],
        ),
      ),
    ];
    if (byCode.length) {
      const known = new Set((await findVillages(this.ctx.db, byCode)).map((v) => v.code));
      for (const code of byCode)
        this.villages.set(
          code,
          known.has(code) ? code : { code: 'unknown_region', field: 'villageCode' },
        );
    }
    const nameKeyOf = (r: ImportRecord) =>
      r.place
        ? `n:${regionSearchKey(r.place.village)}|${regionSearchKey(r.place.subdistrict)}|${r.place.district ? regionSearchKey(r.place.district) : ''}`
        : '';
    const byName = records.filter((r) => r.place && !this.villages.has(nameKeyOf(r)));
    if (byName.length) {
      const candidates = await findVillagesByName(this.ctx.db, [
        ...new Set(byName.map((r) => regionSearchKey(r.place!.village))),
      ]);
      for (const r of byName) {
        const key = nameKeyOf(r);
        if (this.villages.has(key)) continue;
        const village = regionSearchKey(r.place!.village);
        const sub = regionSearchKey(r.place!.subdistrict);
        const district = r.place!.district ? regionSearchKey(r.place!.district) : null;
        const matches = candidates.filter(
          (c) =>
            c.village_key === village &&
            c.subdistrict_key === sub &&
            (!district || c.district_key === district) &&
            canAccessRegion(this.actor, 'records:read', c.code),
        );
        this.villages.set(
          key,
          matches.length === 1
            ? matches[0]!.code
            : {
                code: matches.length ? 'ambiguous_village_name' : 'unknown_village_name',
                field: 'villageName',
              },
        );
      }
    }
    return records.map((r) => {
      const v = this.villages.get(r.villageCode ?? nameKeyOf(r))!;
      if (typeof v !== 'string') return v;
      if (!canAccessRegion(this.actor, 'records:write', v))
        return {
          code: 'region_outside_scope',
          field: r.villageCode ? 'villageCode' : 'villageName',
        };
      return v;
    });
  }

  private async lookUpChildren(unknown: Map<string, { record: ImportRecord; village: string }>) {
    if (this.children.size > MAX_CACHED_CHILDREN) this.children.clear();
    const entries = [...unknown];
    const niks = entries.flatMap(([, v]) => (v.record.nik ? [v.record.nik] : []));
    const byNik = new Map((await childrenByNik(this.ctx.db, niks)).map((c) => [c.nik!, c]));
    const rest = entries.filter(([, v]) => !(v.record.nik && byNik.has(v.record.nik)));
    const candidates = await childrenByVillageAndBirth(
      this.ctx.db,
      rest.map(([, v]) => ({ regionCode: v.village, birthDate: v.record.birthDate })),
    );
    const byPlace = new Map<string, ChildRow[]>();
    for (const c of candidates) {
      const k = `${c.region_code}|${c.birth_date}|${personNameKey(c.name)}`;
      byPlace.set(k, [...(byPlace.get(k) ?? []), c]);
    }
    for (const [key, { record, village }] of entries) {
      const sameNik = record.nik ? byNik.get(record.nik) : undefined;
      if (sameNik) {
        this.children.set(key, this.adopt(sameNik, record, 'nik'));
        continue;
      }
      const mother = record.motherName ? personNameKey(record.motherName) : null;
      const likely = (
        byPlace.get(`${village}|${record.birthDate}|${personNameKey(record.name)}`) ?? []
      ).filter(
        (c) =>
          (!mother || !c.mother_name || personNameKey(c.mother_name) === mother) &&
          (!record.nik || !c.nik || c.nik === record.nik),
      );
      if (likely.length > 1) this.children.set(key, { code: 'child_ambiguous', field: 'name' });
      else if (likely.length === 1) this.children.set(key, this.adopt(likely[0]!, record, 'name'));
      // else: new (created below)
    }
  }

  /** A registered child a row matched: inside the importer's write scope, same birth date and sex. */
  private adopt(child: ChildRow, record: ImportRecord, by: 'nik' | 'name'): ChildRef | Failure {
    const actor = this.actor;
    const inScope =
      canAccessRegion(actor, 'records:write', child.region_code) &&
      (actor.role !== 'kader' || actor.posyanduId === child.posyandu_id);
    if (!inScope) return { code: 'child_outside_scope', field: by === 'nik' ? 'nik' : 'name' };
    return {
      id: child.id,
      sex: child.sex as 1 | 2,
      birthDate: child.birth_date,
      regionCode: child.region_code,
      posyanduId: child.posyandu_id,
      isNew: false,
    };
  }

  private async posyanduOf(
    village: string,
    name: string,
  ): Promise<string | Failure | typeof CREATE> {
    let known = this.posyandu.get(village);
    if (!known) {
      known = new Map();
      for (const p of await posyanduOfVillages(this.ctx.db, [village]))
        if (!known.has(posyanduKey(p.name))) known.set(posyanduKey(p.name), p.id);
      this.posyandu.set(village, known);
    }
    const key = posyanduKey(name);
    const id = known.get(key);
    if (this.actor.role === 'kader')
      return id && id === this.actor.posyanduId
        ? id
        : { code: 'posyandu_outside_scope', field: 'posyandu' };
    if (id) return id;
    return roleAllows(this.actor.role, 'reference:write') &&
      canAccessRegion(this.actor, 'reference:write', village)
      ? CREATE
      : { code: 'unknown_posyandu', field: 'posyandu' };
  }

  private async createChildren(fresh: Map<string, { record: ImportRecord; village: string }>) {
    const rows: NewChild[] = [];
    const keyOf = new Map<string, string>();
    for (const [key, { record, village }] of fresh) {
      let posyanduId = await this.posyanduOf(village, record.posyandu);
      if (posyanduId === CREATE) {
        const known = this.posyandu.get(village)!;
        if (this.mode === 'commit') {
          const created = await createPosyandu(this.ctx, {
            name: record.posyandu,
            regionCode: village,
          });
          posyanduId = created.id;
        } else posyanduId = `new:${village}|${posyanduKey(record.posyandu)}`;
        known.set(posyanduKey(record.posyandu), posyanduId);
        if (!this.previewPosyandu.has(posyanduId)) {
          this.previewPosyandu.add(posyanduId);
          this.counts.posyanduCreated++;
        }
      }
      if (typeof posyanduId !== 'string') {
        this.children.set(key, posyanduId);
        continue;
      }
      const ref: ChildRef = {
        id: randomUUID(),
        sex: record.sex,
        birthDate: record.birthDate,
        regionCode: village,
        posyanduId,
        isNew: true,
      };
      this.children.set(key, ref);
      this.counts.childrenCreated++;
      if (this.mode === 'commit') {
        keyOf.set(ref.id, key);
        rows.push({
          id: ref.id,
          region_code: village,
          posyandu_id: posyanduId,
          nik: record.nik,
          name: record.name,
          sex: record.sex,
          birth_date: record.birthDate,
          birth_weight_kg: record.birthWeightKg,
          birth_length_cm: record.birthLengthCm,
          mother_name: record.motherName,
          mother_nik: record.motherNik,
          address: record.address,
          created_by: this.actor.id,
        });
      }
    }
    if (rows.length === 0) return;
    // The new children enter the dashboard's register (S) in the same transaction.
    const inserted = await this.ctx.db.transaction().execute(async (trx) => {
      const ids = await insertChildren(trx, rows);
      await refreshRollups(trx, {
        posyandu: rows.filter((r) => ids.has(r.id)).map((r) => r.posyandu_id),
      });
      return ids;
    });
    // A NIK registered meanwhile (a kader, another import): match that child instead.
    const raced = rows.filter((r) => !inserted.has(r.id));
    if (raced.length) {
      const now = new Map(
        (
          await childrenByNik(
            this.ctx.db,
            raced.flatMap((r) => (r.nik ? [r.nik] : [])),
          )
        ).map((c) => [c.nik!, c]),
      );
      for (const r of raced) {
        const key = keyOf.get(r.id)!;
        this.counts.childrenCreated--;
        const child = r.nik ? now.get(r.nik) : undefined;
        const record = fresh.get(key)!.record;
        this.children.set(
          key,
          child ? this.adopt(child, record, 'nik') : { code: 'not_stored', field: 'name' },
        );
      }
    }
  }
}

/** Identity of a row's child for matching and caching (core rule, with the resolved desa). */
function identityKey(r: ImportRecord, village: string): string {
  if (r.nik) return `nik:${r.nik}`;
  return `p:${village}|${r.birthDate}|${personNameKey(r.name)}|${r.motherName ? personNameKey(r.motherName) : ''}`;
}

/** Columns whose value differs between a matched child and the row ("Tgl Lahir, JK"), or null. */
function differences(
  child: ChildRef,
  r: ImportRecord,
  columnOf: (field: ImportField) => string | null,
): string | null {
  const fields: string[] = [];
  if (child.birthDate !== r.birthDate) fields.push(columnOf('birthDate') ?? 'Tgl Lahir');
  if (child.sex !== r.sex) fields.push(columnOf('sex') ?? 'JK');
  return fields.length ? fields.join(', ') : null;
}
