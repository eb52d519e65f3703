import { z } from 'zod';
import { isRole, roles } from '../../core/access/roles.ts';
import { isDomainError, formatMessage } from '../../core/errors.ts';
import { normalizeRegionCode } from '../../core/regions/region-code.ts';
import { createUser } from '../../services/auth/users.ts';
import { systemClock } from '../../services/context.ts';
import type { CliIo } from '../io.ts';
import { openCliDatabase, parseOptions } from '../env.ts';

const usage = `Usage: tumbuh user add --role ROLE --region CODE --email EMAIL [--name NAME]
  ROLE: ${roles.join(', ')}
  Prints a one-time password; the user must change it at first login. No default password exists.`;

/** `tumbuh user add`: the way the first administrator comes into being (audited as the system). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args);
  if (positional[0] !== 'add') {
    io.stderr.write(`${usage}\n`);
    return 2;
  }
  const problems: string[] = [];
  const role = options.role ?? '';
  if (!isRole(role)) problems.push(`--role must be one of: ${roles.join(', ')}`);
  const regionCode = normalizeRegionCode(options.region ?? '');
  if (!regionCode)
    problems.push('--region must be a kode wilayah such as 53, 5301, 530101 or 5301012001');
  const email = z.email().safeParse((options.email ?? '').trim().toLowerCase());
  if (!email.success) problems.push('--email must be a valid email address');
  if (problems.length || !isRole(role) || !regionCode || !email.success) {
    io.stderr.write(`${problems.join('\n')}\n\n${usage}\n`);
    return 2;
  }
  const handle = await openCliDatabase(io);
  try {
    const { user, oneTimePassword } = await createUser(
      { db: handle.db, actor: null, now: systemClock, requestId: 'cli' },
      { email: email.data, name: options.name ?? email.data.split('@')[0]!, role, regionCode },
    );
    io.stdout.write(
      `Created ${user.role} ${user.email} for ${user.regionName} (${user.regionCode}).\n` +
        `One-time password (shown once, must be changed at first login):\n\n  ${oneTimePassword}\n\n`,
    );
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr.write(`${formatMessage(error.code, error.details, 'en')}\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
