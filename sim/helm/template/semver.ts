import { FuncError } from './values';

// Masterminds/semver/v3 constraints as semverCompare uses them (constraints.go): comparisons
// (= != > < >= <=), ~ (patch-level), ^ (minor-level), wildcards (1.x, 1.2.*), hyphen ranges,
// "," (and) and "||" (or). A prerelease version only satisfies a constraint that has a prerelease
// ("-0" is the usual trick: ">=1.19-0" admits v1.30.0-gke.1).

interface Version { major: number; minor: number; patch: number; pre: string }

export function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(s.trim());
  if (m === null) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? '' };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]);
    const nb = /^\d+$/.test(pb[i]);
    if (na && nb && Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) < Number(pb[i]) ? -1 : 1;
    if (na !== nb) return na ? -1 : 1;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch !== b.patch) return a.patch < b.patch ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

/** semverCompare "<constraint>" "<version>". */
export function semverCompare(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (v === undefined) throw new FuncError(`failed to parse version: Invalid Semantic Version`);
  return constraint.split('||').some((group) => andGroup(group.trim(), v));
}

function andGroup(group: string, v: Version): boolean {
  const hy = /^(\S+)\s+-\s+(\S+)$/.exec(group);
  if (hy !== null) return andGroup(`>= ${hy[1]}, <= ${hy[2]}`, v);
  const parts = group.split(/\s*,\s*|\s+(?=[<>=!~^])/).map((p) => p.trim()).filter((p) => p !== '');
  const hasPre = parts.some((p) => /-/.test(p.replace(/^[<>=!~^]+\s*/, '')));
  if (v.pre !== '' && !hasPre) return false;
  return parts.every((p) => check(p, v));
}

function check(c: string, v: Version): boolean {
  const m = /^(>=|<=|!=|=>|=<|==|=|>|<|~>|~|\^)?\s*v?([0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(c);
  if (m === null) throw new FuncError(`failed to parse constraint: improper constraint: ${c}`);
  const op = m[1] ?? '';
  const raw = m[2];
  const segs = raw.split(/[-+]/)[0].split('.');
  const wildIdx = segs.findIndex((s) => /^[xX*]$/.test(s));
  const given = wildIdx === -1 ? segs.length : wildIdx;
  const cv = parseVersion(raw.replace(/[xX*]/g, '0'))!;
  const cmp = compareVersions({ ...v, pre: cv.pre === '' && v.pre !== '' ? v.pre : v.pre }, cv);
  const within = (level: number): boolean => (level < 1 || v.major === cv.major) && (level < 2 || v.minor === cv.minor);
  switch (op) {
    case '': case '=': case '==':
      if (given < 3) return within(given) && (given > 0 || true);
      return cmp === 0;
    case '!=': return given < 3 ? !within(given) : cmp !== 0;
    case '>': return given < 3 ? compareVersions(v, { ...cv, [given === 1 ? 'minor' : 'patch']: Number.MAX_SAFE_INTEGER } as Version) > 0 : cmp > 0;
    case '<': return cmp < 0;
    case '>=': case '=>': return cmp >= 0;
    case '<=': case '=<': return given < 3 ? within(given) || cmp <= 0 : cmp <= 0;
    case '~': case '~>': return cmp >= 0 && v.major === cv.major && (given === 1 || v.minor === cv.minor);
    case '^':
      if (cv.major > 0 || given === 1) return cmp >= 0 && v.major === cv.major;
      if (cv.minor > 0 || given === 2) return cmp >= 0 && v.major === 0 && v.minor === cv.minor;
      return cmp >= 0 && v.major === 0 && v.minor === 0 && v.patch === cv.patch;
    default: return false;
  }
}
