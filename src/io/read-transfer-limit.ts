import type { Decimal } from 'decimal.js';
import { error } from '../core/issue.js';
import type { Reference, ValueStatus } from '../core/tariff.js';
import type { InputDigest } from './input-reader.js';
import { citableIds, readReferences, readStanding } from './read-citations.js';
import { openPolicyFile, type OverridePolicy, shippedPolicyDir } from './read-policy.js';

/** policy/schools-forum-transfer-limit.json as read: the share, its standing and the file. */
export interface TransferLimitPolicy {
  readonly share?: Decimal;
  readonly standing?: { readonly status?: ValueStatus; readonly reference?: Reference };
  readonly file: string;
  readonly sha256?: string;
  readonly issues: OverridePolicy['issues'];
}

/**
 * policy/schools-forum-transfer-limit.json: the largest share of the schools block a Schools
 * Forum can approve moving to the high-needs block (0.5%), which block transfers are checked
 * against (src/core/transfers.ts). Policy data, dated and cited, never a constant in the code:
 * checked as the override's file is (every field known, a status, a cited reference).
 */
export function readTransferLimit(dir = shippedPolicyDir()): TransferLimitPolicy {
  const opened = openPolicyFile(dir, 'schools-forum-transfer-limit.json');
  if (!('fields' in opened)) return opened;
  const { file, sha256, fields, root, issues } = opened;
  fields.knownKeys(root, '$', [
    'id',
    'title',
    'references',
    'share',
    'status',
    'reference',
    'notes',
  ]);
  fields.string(root, 'title', '$');
  fields.string(root, 'notes', '$', true);
  const references = readReferences(fields, root, { idRequired: true });
  const standing = readStanding(fields, root, '$', citableIds(references), {
    status: true,
    reference: true,
  });
  const share = fields.decimal(root, 'share', '$');
  if (share && (share.lessThanOrEqualTo(0) || share.greaterThan(1)))
    issues.push(
      error(
        'SHARE_OUT_OF_RANGE',
        `$.share is ${share.toFixed()}; the limit is a share of the schools block above 0 and at most 1`,
        fields.at('$.share'),
        'write 0.5% as "0.005"',
      ),
    );
  const reference = references.find((r) => r.id === standing.reference);
  return {
    file,
    sha256,
    issues,
    ...(share && share.greaterThan(0) && share.lessThanOrEqualTo(1) ? { share } : {}),
    standing: {
      ...(standing.status ? { status: standing.status } : {}),
      ...(reference ? { reference } : {}),
    },
  };
}

/** The policy files a model read, with their SHA-256s, for its inputs. */
export const policyInputs = (
  ...policies: readonly { file: string; sha256?: string }[]
): InputDigest[] =>
  policies.flatMap(({ file, sha256 }) => (sha256 ? [{ path: file, sha256 }] : []));
