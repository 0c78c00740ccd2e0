// Formatting for the Indian market. Amounts arrive as exact decimal strings ("990.20465"); they are rounded half-up
// to paise on the string itself (never through a float) and grouped the Indian way: ₹12,34,567.89.

export function inr(amount) {
  if (amount === undefined || amount === null || amount === '') return '—';
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(String(amount).trim());
  if (!m) return String(amount);
  const negative = m[1] === '-';
  const frac = (m[3] || '').padEnd(3, '0');
  let paise = BigInt(m[2] + frac.slice(0, 2));
  if (frac.charCodeAt(2) >= 53) paise += 1n; // third decimal 5-9: half-up
  const rupees = (paise / 100n).toString();
  const cents = (paise % 100n).toString().padStart(2, '0');
  const sign = negative && paise !== 0n ? '-' : '';
  return `${sign}₹${groupIndian(rupees)}.${cents}`;
}

export function groupIndian(digits) {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  let rest = digits.slice(0, -3);
  const groups = [];
  while (rest.length > 2) { groups.unshift(rest.slice(-2)); rest = rest.slice(0, -2); }
  if (rest) groups.unshift(rest);
  return `${groups.join(',')},${last3}`;
}

export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : `${d.toLocaleString('en-IN', { timeZone: 'Asia/Kolkata', hour12: false })} IST`;
}

export function count(n) {
  return n === undefined || n === null ? '—' : groupIndian(String(n));
}

/** The exact sum of decimal strings ("990.20465", "-12.5"), as a decimal string: BigInt on a common scale, no float. */
export function addAmounts(amounts) {
  const parsed = amounts.filter((a) => a !== undefined && a !== null && a !== '')
    .map((a) => /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(String(a).trim())).filter(Boolean);
  const scale = Math.max(2, ...parsed.map((m) => (m[3] || '').length));
  let total = 0n;
  for (const m of parsed) {
    const units = BigInt(m[2] + (m[3] || '').padEnd(scale, '0'));
    total += m[1] === '-' ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
