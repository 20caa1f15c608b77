/**
 * Sync-window schedules: robfig/cron/v3 `ParseStandard`-style 5-field expressions, as Argo CD
 * parses them in pkg/apis/application/v1alpha1/types.go `SyncWindow.Validate`
 * (`cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)`: no seconds, no
 * `@daily` descriptors).
 */

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function value(s: string, f: FieldSpec): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const i = f.names?.indexOf(s.toLowerCase()) ?? -1;
  return i >= 0 ? i + f.min : undefined;
}

function fieldError(expr: string, f: FieldSpec, dowOrDom: boolean): string | undefined {
  for (const part of expr.split(',')) {
    const [rangePart, step, ...rest] = part.split('/');
    if (rest.length > 0) return `too many "/" in ${JSON.stringify(part)}`;
    if (step !== undefined && !/^\d+$/.test(step)) return `step ${JSON.stringify(step)} is not a number`;
    if (step !== undefined && Number(step) === 0) return 'step must be positive';
    if (rangePart === '*' || (dowOrDom && rangePart === '?')) continue;
    const bounds = rangePart.split('-');
    if (bounds.length > 2 || bounds.some((b) => b === '')) return `${JSON.stringify(rangePart)} is not a number, name or range`;
    const nums = bounds.map((b) => value(b, f));
    if (nums.some((n) => n === undefined)) return `${JSON.stringify(rangePart)} is not a number or name`;
    const [lo, hi] = [nums[0]!, nums[nums.length - 1]!];
    if (lo < f.min || hi > f.max) return `${JSON.stringify(rangePart)} is outside ${f.min}-${f.max}`;
    if (lo > hi) return `range ${JSON.stringify(rangePart)} starts after it ends`;
  }
  return undefined;
}

/** Why a schedule would be rejected, or undefined when robfig/cron accepts it. */
export function cronError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@')) return 'descriptors such as "@daily" are not accepted, only 5 cron fields';
  const fields = s.split(/\s+/).filter((x) => x !== '');
  if (fields.length !== 5) return `has ${fields.length} fields, expected 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < 5; i++) {
    const e = fieldError(fields[i], FIELDS[i], i === 2 || i === 4);
    if (e) return `${FIELDS[i].name} field: ${e}`;
  }
  return undefined;
}
