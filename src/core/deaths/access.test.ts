import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/scope.ts';
import {
  canCompleteRecommendation,
  canEditCase,
  canNotifyDeath,
  canReadCase,
  canRecommend,
  canTakeAction,
  type CaseScope,
} from './access.ts';

const actor = (role: Actor['role'], regionCode: string, id = `${role}-${regionCode}`): Actor => ({
  id,
  role,
  regionCode,
});
const c: CaseScope = {
  regionCode: '5301042003',
  deathRegionCode: '5371',
  notifiedBy: 'hospital-5371',
};

describe('who may see and do what with a death case', () => {
  it('lets health staff reach a case by either place, never kader, partners or other regions', () => {
    expect(canReadCase(actor('puskesmas', '530104'), c)).toBe(true); // residence
    expect(canReadCase(actor('district', '5371'), c)).toBe(true); // place of death
    expect(canReadCase(actor('puskesmas', '530105'), c)).toBe(false);
    expect(canReadCase(actor('district', '5302'), c)).toBe(false);
    expect(canReadCase(actor('kader', '5301042003'), c)).toBe(false);
    expect(canReadCase(actor('partner', '53'), c)).toBe(false);
    expect(canReadCase(actor('editor', '53'), c)).toBe(false);
  });

  it('lets a hospital notify deaths where it is and read only its own notifications', () => {
    const hospital = actor('hospital', '5371');
    expect(canNotifyDeath(hospital, '5301042003', '5371')).toBe(true);
    expect(canNotifyDeath(hospital, '5371041001', '5301')).toBe(false);
    expect(canReadCase(hospital, c)).toBe(true);
    expect(canReadCase(actor('hospital', '5371', 'other-hospital-user'), c)).toBe(false);
    expect(canTakeAction(hospital, c, 'verify', 'notified')).toBe(false);
  });

  it('gives verification, review and recommendations to the Dinas Kesehatan team', () => {
    for (const role of ['district', 'province', 'admin'] as const) {
      const a = actor(role, role === 'district' ? '5301' : '53');
      expect(canTakeAction(a, c, 'verify', 'notified')).toBe(true);
      expect(canRecommend(a, c)).toBe(true);
    }
    expect(canTakeAction(actor('puskesmas', '530104'), c, 'verify', 'notified')).toBe(false);
    expect(canTakeAction(actor('village', '5301042003'), c, 'review', 'verified')).toBe(false);
    expect(canCompleteRecommendation(actor('puskesmas', '530104'), c)).toBe(true);
    expect(canCompleteRecommendation(actor('village', '5301042003'), c)).toBe(false);
  });

  it('lets the notifier void or edit its notification only while unverified', () => {
    const bidan = actor('village', '5301042003');
    const own: CaseScope = { ...c, notifiedBy: bidan.id };
    expect(canTakeAction(bidan, own, 'void', 'notified')).toBe(true);
    expect(canTakeAction(bidan, own, 'void', 'verified')).toBe(false);
    expect(canEditCase(bidan, own, 'notified')).toBe(true);
    expect(canEditCase(bidan, own, 'verified')).toBe(false);
    expect(canEditCase(actor('district', '5301'), own, 'reviewed')).toBe(true);
  });
});
