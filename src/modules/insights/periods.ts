/**
 * The dashboards' periods: a financial year (April to March, named "2026-27"), one of its quarters ("2026-27-q1",
 * April to June) or everything on record ("all"). Months are 'YYYY-MM', as the figures keep them.
 */
export type Period = {
  key: string;
  from: string | null;
  to: string | null;
  fy: number | null;
  quarter: number | null;
};

const fyName = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;

/** The financial year a day falls in, by the calendar year it starts in (2026-11-30 → 2026, FY 2026-27). */
export function fyOf(day: Date): number {
  const ist = new Date(day.getTime() + 330 * 60_000); // the programme counts in India's time
  return ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
}

export function fyPeriod(y: number, quarter: number | null = null): Period {
  if (quarter === null)
    return { key: fyName(y), from: month(y, 4), to: month(y + 1, 3), fy: y, quarter: null };
  const startMonth = 4 + (quarter - 1) * 3; // Q1 April, Q2 July, Q3 October, Q4 January (of the next year)
  const [sy, sm] = startMonth > 12 ? [y + 1, startMonth - 12] : [y, startMonth];
  return {
    key: `${fyName(y)}-q${quarter}`,
    from: month(sy, sm),
    to: month(sy, sm + 2),
    fy: y,
    quarter,
  };
}

export const allTime: Period = { key: "all", from: null, to: null, fy: null, quarter: null };

/** The period a query parameter names; null when it names none (the caller says which field was wrong). */
export function parsePeriod(value: string): Period | null {
  if (value === "all") return allTime;
  const m = /^(\d{4})-(\d{2})(?:-q([1-4]))?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100 || Number(m[2]) !== (y + 1) % 100) return null;
  return fyPeriod(y, m[3] ? Number(m[3]) : null);
}

/** The years a period filter offers: from the first year with figures (or this one) to this one, newest first. */
export function yearsOffered(firstMonth: string | null, today: Date): number[] {
  const now = fyOf(today);
  const first = firstMonth ? fyOf(new Date(`${firstMonth}-15T00:00:00Z`)) : now;
  const years: number[] = [];
  for (let y = now; y >= Math.min(first, now); y--) years.push(y);
  return years;
}

export const fyLabel = fyName;
