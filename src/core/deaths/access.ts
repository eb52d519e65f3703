/**
 * Who may see and do what with a death case. A case belongs to two places: the desa of
 * residence (where it counts, and whose puskesmas does the verbal autopsy) and the place of
 * death (the hospital's kabupaten). AMP-SR works on both (Dinkes tempat meninggal and Dinkes
 * domisili), so a health officer whose region scope contains either place reaches the case.
 *
 * - Names and identifiers are personal data: only health roles (bidan/village, puskesmas,
 *   district, province, admin) with `records:read`; never kader, partners or the public.
 * - A hospital officer (`hospital`, action `deaths:notify`) notifies deaths that happened in its
 *   region scope and sees only the cases it notified itself: a hospital is not a region, and its
 *   staff must not read every death of the kabupaten.
 * - Verification, review, recommendations and closing are the work of the Dinas Kesehatan's
 *   AMP-SR team (kabupaten/kota, or province for deaths across borders): district, province,
 *   admin. Recommendations are marked carried out by whoever carries them out in scope
 *   (puskesmas and up).
 */
import type { Role } from '../access/roles.ts';
import { canAccessRegion, type Actor } from '../access/scope.ts';
import type { CaseStatus, WorkflowAction } from './workflow.ts';

/** The places and the notifier of a case: what access decisions need. */
export interface CaseScope {
  regionCode: string;
  deathRegionCode: string;
  notifiedBy: string | null;
}

/** Roles that take part in death surveillance with their region scope. */
const healthRoles: readonly Role[] = ['admin', 'province', 'district', 'puskesmas', 'village'];
/** The AMP-SR team: verification, review, recommendations, closing, voiding. */
export const reviewTeamRoles: readonly Role[] = ['admin', 'province', 'district'];

function reaches(actor: Actor, action: 'records:read' | 'records:write', c: CaseScope): boolean {
  return (
    healthRoles.includes(actor.role) &&
    (canAccessRegion(actor, action, c.regionCode) ||
      canAccessRegion(actor, action, c.deathRegionCode))
  );
}

/** True for a role that may notify deaths somewhere (for menus). */
export function isNotifierRole(role: Role): boolean {
  return healthRoles.includes(role) || role === 'hospital';
}

/** True for a role that may read death cases somewhere (for menus). */
export function isCaseReaderRole(role: Role): boolean {
  return isNotifierRole(role);
}

/**
 * May the actor notify a death of a resident of `regionCode` that happened in `deathRegionCode`?
 * Health roles: either place in scope. Hospitals: the place of death in scope.
 */
export function canNotifyDeath(actor: Actor, regionCode: string, deathRegionCode: string): boolean {
  if (actor.role === 'hospital') return canAccessRegion(actor, 'deaths:notify', deathRegionCode);
  return reaches(actor, 'records:write', { regionCode, deathRegionCode, notifiedBy: null });
}

/** May the actor read the case, names included? */
export function canReadCase(actor: Actor, c: CaseScope): boolean {
  if (c.notifiedBy !== null && c.notifiedBy === actor.id) return true;
  return reaches(actor, 'records:read', c);
}

/**
 * May the actor correct the case's facts? The notifier and health staff in scope while it
 * awaits verification; once verified, the review team only (the review may recode the cause).
 */
export function canEditCase(actor: Actor, c: CaseScope, status: CaseStatus): boolean {
  if (status === 'notified' && c.notifiedBy !== null && c.notifiedBy === actor.id) return true;
  if (status === 'notified') return reaches(actor, 'records:write', c);
  return reviewTeamRoles.includes(actor.role) && reaches(actor, 'records:write', c);
}

/**
 * May the actor take a workflow action? The review team in scope; besides, the notifier may void
 * its own notification while it is unverified ("entered in error").
 */
export function canTakeAction(
  actor: Actor,
  c: CaseScope,
  action: WorkflowAction,
  status: CaseStatus,
): boolean {
  if (reviewTeamRoles.includes(actor.role) && reaches(actor, 'records:write', c)) return true;
  return action === 'void' && status === 'notified' && c.notifiedBy === actor.id;
}

/** May the actor add recommendations (the review team in scope)? */
export function canRecommend(actor: Actor, c: CaseScope): boolean {
  return reviewTeamRoles.includes(actor.role) && reaches(actor, 'records:write', c);
}

/** May the actor mark a recommendation carried out (puskesmas and up, in scope)? */
export function canCompleteRecommendation(actor: Actor, c: CaseScope): boolean {
  return actor.role !== 'village' && reaches(actor, 'records:write', c);
}
