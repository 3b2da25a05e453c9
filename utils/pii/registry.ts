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
import type { Detector } from './types';

/**
 * The built-in detectors. Adding one is a new file and a line here. The order breaks ties between two
 * detectors claiming exactly the same characters: earlier wins (after high severity over info).
 * The policy's banned terms and custom patterns are run by `screen.ts` after these.
 */
export const builtInDetectors: readonly Detector[] = [
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
];
