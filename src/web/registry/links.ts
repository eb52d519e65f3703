/**
 * Addresses of the kader flow. Every step is a URL under /input so that the phone's back button
 * goes one step back and a reload stays on the same child.
 */
import { paths } from '../router.ts';

const q = encodeURIComponent;

export const posyanduChoiceHref = () => `${paths.input}?pilih=1`;
export const rosterHref = (posyanduId: string) => `${paths.input}?posyandu=${q(posyanduId)}`;
export const measureHref = (posyanduId: string, childId: string) =>
  `${rosterHref(posyanduId)}&anak=${q(childId)}`;
export const registerHref = (posyanduId: string) => `${rosterHref(posyanduId)}&daftar=1`;
