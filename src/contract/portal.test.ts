import { describe, expect, expectTypeOf, it } from 'vitest';
import * as contract from './portal.ts';
import type * as model from '../core/portal/model.ts';
import { uploadLimits } from '../core/portal/model.ts';

describe('portal model', () => {
  it('has the contract limits and shapes', () => {
    expect(uploadLimits).toEqual(contract.uploadLimits);
    expectTypeOf<model.PublicItem>().toEqualTypeOf<contract.PublicItem>();
    expectTypeOf<model.EditorItem>().toEqualTypeOf<contract.EditorItem>();
    expectTypeOf<model.ItemList>().toEqualTypeOf<contract.ItemList>();
    expectTypeOf<model.PortalSettings>().toEqualTypeOf<contract.PortalSettings>();
    expectTypeOf<model.PublicSettings>().toEqualTypeOf<contract.PublicSettings>();
    expectTypeOf<model.FileRef>().toEqualTypeOf<contract.FileRef>();
  });
});
