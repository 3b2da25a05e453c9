import { address } from './address';
import { bankAccount } from './bank-account';
import { birthDate } from './birth-date';
import { cardNumber } from './card-number';
import { corporateNumber } from './corporate-number';
import { email } from './email';
import { myNumber } from './my-number';
import { personName } from './person-name';
import { phone } from './phone';
import { postalCode } from './postal-code';

/**
 * The built-in detectors. Adding one is a new file and a line here. The order breaks ties between two
 * detectors claiming exactly the same characters: earlier wins (after high severity over info).
 * The policy's banned terms and custom patterns are run by `screen.ts` after these.
 */
export const builtInDetectors = [
  myNumber,
  cardNumber,
  corporateNumber,
  phone,
  email,
  bankAccount,
  postalCode,
  birthDate,
  address,
  personName,
] as const;

export type BuiltInDetectorId = (typeof builtInDetectors)[number]['id'];

type AnyDetectorId = BuiltInDetectorId | 'banned-term' | 'custom';

/** Every detector id, the policy's two kinds included: the history export's schema takes its enum from here. */
export const DETECTOR_IDS: [AnyDetectorId, ...AnyDetectorId[]] = [
  'banned-term',
  'custom',
  ...builtInDetectors.map((detector) => detector.id),
];
